import {expect} from '@open-wc/testing';
import {ManualClock} from '../src/time/clock.js';
import {nestQuotes} from '../src/i18n/quotes.js';
import {record, renderDiscussion, until} from './harness.js';

const clock = new ManualClock('2026-11-25T16:00:00Z');

declare global {
  interface Window {
    pwned?: number;
  }
}

const IMG = '<img src=x onerror="window.pwned=(window.pwned||0)+1">';
const SCRIPT = '</script><script>window.pwned=(window.pwned||0)+1</script>';
const SVG = '<svg onload="window.pwned=(window.pwned||0)+1"></svg>';
const JS_LINK = '[klick](javascript:window.pwned=1) javascript:window.pwned=1';

describe('untrusted text from the adapter', () => {
  beforeEach(() => {
    delete window.pwned;
  });

  it('shows HTML-like and script-like text in every field as text and runs nothing', async () => {
    const view = await renderDiscussion(
      [
        record({
          id: 'evil',
          author: {name: IMG},
          body: `${SCRIPT}\n\n${SVG}\n\n${JS_LINK}`,
          quote: {text: IMG, source: 'article'},
        }),
        record({id: 'x"><img src=x onerror=window.pwned=1>', parentId: 'evil', author: {name: SCRIPT}, body: IMG, quote: {text: SVG, source: 'evil'}}),
      ],
      {clock}
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(window.pwned).to.equal(undefined);
    expect(view.root.querySelectorAll('img, svg, script')).to.have.length(0);

    const [first, second] = view.comments();
    expect(view.author(first)).to.equal(IMG);
    expect(view.paragraphs(first)).to.deep.equal([SCRIPT, SVG, JS_LINK]);
    // As text, with its inner quotation marks nested the German way (‚…‘).
    expect(first.querySelector('blockquote')!.textContent).to.contain(nestQuotes(IMG));
    expect(view.author(second)).to.equal(SCRIPT);
    expect(view.paragraphs(second)).to.deep.equal([IMG]);
    // No link anywhere points at anything but the page itself or http(s).
    for (const link of view.root.querySelectorAll('a')) {
      expect(link.getAttribute('href')).to.match(/^(#|https?:)/);
    }
  });

  it('turns only http and https URLs into links, with rel="nofollow ugc"', async () => {
    const view = await renderDiscussion(
      [
        record({
          id: 'links',
          author: {name: 'Verlinkt'},
          body: 'Quelle: https://www.reuters.com/business/autos/ferrari-leapmotor (Reuters). Nicht: javascript:alert(1), data:text/html,hi, ftp://x.example',
        }),
      ],
      {clock}
    );
    const links = [...view.comment('Verlinkt').querySelectorAll<HTMLAnchorElement>('[part~="body"] a')];
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(['https://www.reuters.com/business/autos/ferrari-leapmotor']);
    expect(links[0].rel).to.equal('nofollow ugc noopener noreferrer');
    expect(links[0].textContent).to.equal('https://www.reuters.com/business/autos/ferrari-leapmotor');
    expect(view.paragraphs(view.comment('Verlinkt'))[0]).to.contain('(Reuters). Nicht: javascript:alert(1)');
  });

  it('puts names in <bdi> and takes the staff badge only from the role', async () => {
    const view = await renderDiscussion(
      [
        record({id: 'fake', author: {name: 'Redaktion'}, body: 'Ich bin nicht die Redaktion.'}),
        record({id: 'real', author: {name: 'Julia Weber', role: 'staff'}, body: 'Wir haben den Artikel ergänzt.'}),
        record({id: 'rtl', author: {name: 'مريم'}, body: 'مرحبا'}),
        record({id: 'sneaky', author: {name: 'Admin', role: 'admin' as never}, body: 'Unbekannte Rolle'}),
      ],
      {clock}
    );
    const badge = (id: string) => view.comment(`#${id}`).querySelector('[part~="badge"]')?.textContent?.trim() ?? null;
    expect(badge('fake')).to.equal(null);
    expect(badge('real')).to.equal('Redaktion');
    expect(badge('sneaky')).to.equal(null);
    expect(view.comment('#rtl').querySelector('bdi')!.textContent).to.equal('مريم');
  });

  it('treats what a reader types the same way once posted', async () => {
    const view = await renderDiscussion([], {clock});
    const form = await view.composer();
    await form.write(`${IMG}\n\n${SCRIPT}`, SVG);
    await form.send();
    const posted = await until(() => view.comments()[0], 'the posted comment');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(window.pwned).to.equal(undefined);
    expect(view.author(posted)).to.equal(SVG);
    expect(view.paragraphs(posted)).to.deep.equal([IMG, SCRIPT]);
    expect(view.root.querySelectorAll('img, svg, script')).to.have.length(0);
  });
});
