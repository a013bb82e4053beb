import {expect} from '@open-wc/testing';
import {ManualClock} from '../src/time/clock.js';
import {renderDiscussion} from './harness.js';

/** The discussion exactly as the demo page embeds it. */
async function demoDiscussion(): Promise<unknown[]> {
  const page = await (await fetch('/demo/index.html')).text();
  const doc = new DOMParser().parseFromString(page, 'text/html');
  return JSON.parse(doc.querySelector('article-comments > script[type="application/json"]')!.textContent!);
}

describe('the Ferrari discussion', () => {
  const clock = new ManualClock('2026-11-25T16:00:00Z');

  it('shows the count, all six comments and who wrote them', async () => {
    const view = await renderDiscussion(await demoDiscussion(), {clock});
    expect(view.heading()).to.equal('6\u00a0Kommentare');
    expect(view.comments().map((c) => view.author(c))).to.deep.equal([
      'Rosso Corsa',
      'Tifosi_1947',
      'M. Brenner',
      'kaiserslautern_kev',
      'Sabine K.',
      'Elektro-Enno',
    ]);
    for (const article of view.comments()) expect(article.querySelector('bdi[part~="author"]')).to.exist;
  });

  it('nests replies to replies under the comments they answer', async () => {
    const view = await renderDiscussion(await demoDiscussion(), {clock});
    const parentName = (name: string) => {
      const parent = view.parentOf(view.comment(name));
      return parent ? view.author(parent) : null;
    };
    expect(parentName('Tifosi_1947')).to.equal(null);
    expect(parentName('M. Brenner')).to.equal('Tifosi_1947');
    expect(parentName('kaiserslautern_kev')).to.equal('M. Brenner');
    expect(parentName('Elektro-Enno')).to.equal('Sabine K.');
    expect(parentName('Rosso Corsa')).to.equal(null);
    expect(view.indentLevel(view.comment('kaiserslautern_kev'))).to.equal(2);
    expect(view.toggleOf(view.comment('Tifosi_1947'))!.textContent!.trim()).to.equal('2\u00a0Antworten ausblenden, Antworten an Tifosi_1947');
  });

  it('shows the article quote as a blockquote with German quotation marks', async () => {
    const view = await renderDiscussion(await demoDiscussion(), {clock});
    const quote = view.comment('Tifosi_1947').querySelector('figure[part~="quote"]')!;
    const text = quote.querySelector('blockquote')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(text.startsWith('„Ferrari hat als einer der wenigen Luxus-Hersteller')).to.be.true;
    expect(text.endsWith('zugreifen kann“')).to.be.true;
    expect(quote.querySelector('figcaption')!.textContent!.trim()).to.equal('Zitat aus dem Artikel');
    expect(view.paragraphs(view.comment('Tifosi_1947'))[0]).to.match(/^gehört Ferrari nicht zu Fiat/);
  });

  it('keeps paragraphs and the readers’ spelling exactly', async () => {
    const view = await renderDiscussion(await demoDiscussion(), {clock});
    expect(view.paragraphs(view.comment('Elektro-Enno'))).to.deep.equal([
      'Weil die Manager blind sind. Getrieben vom Umsatz und damit auch Börsenkurs.',
      'Mal einen „Dämpfer“ einfahren um weiterhin unabhängig zu sein in Zukunft, möchte keiner. Macht ja unbeliebt wenn die Zahlen nicht passen.',
    ]);
    expect(view.paragraphs(view.comment('Rosso Corsa'))).to.deep.equal([
      'Ne halbe Millione für ein auto verlangen und dann in China produzieren. Sehr schön',
    ]);
  });

  it('gives every comment a German relative time with the full date as title', async () => {
    const view = await renderDiscussion(await demoDiscussion(), {clock});
    const time = view.time(view.comment('Rosso Corsa'));
    expect(time.getAttribute('datetime')).to.equal('2026-11-25T13:20:00.000Z');
    expect(time.textContent!.trim()).to.equal('vor\u00a02\u00a0Stunden');
    expect(time.title).to.match(/^Mittwoch, 25\.\u00a0November\u00a02026, \d\d:20\u00a0Uhr$/);
    expect(view.time(view.comment('Sabine K.')).textContent!.trim()).to.equal('vor\u00a02\u00a0Tagen');
  });
});
