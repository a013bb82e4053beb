import {expect} from '@open-wc/testing';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import type {ArticleComments} from '../src/elements/article-comments/article-comments.js';
import {ITEMS_PER_TASK} from '../src/render/progressive-list.js';
import {ManualClock} from '../src/time/clock.js';
import {longBody, wide} from './fixtures/hostile-shapes.js';
import {HostileWatch} from './hostile-watch.js';
import {freshThread, mount, until} from './harness.js';

const clock = new ManualClock('2026-11-25T16:00:00Z');

async function render(records: unknown[], watch: HostileWatch): Promise<ArticleComments> {
  const thread = freshThread('huge');
  const element = Object.assign(document.createElement('article-comments'), {
    thread,
    clock,
    adapter: new MemoryAdapter({[thread]: records}, {clock}),
  });
  // Making the data is the test's work, not the widget's: start watching after it.
  await new Promise((resolve) => setTimeout(resolve, 100));
  watch.reset();
  const rendered = new Promise((resolve) => element.addEventListener('comments-rendered', resolve, {once: true}));
  mount(element);
  watch.observe(element.shadowRoot!);
  await rendered;
  return element;
}

describe('huge threads and texts', function () {
  this.timeout(60_000);
  let watch: HostileWatch;
  beforeEach(() => (watch = new HostileWatch()));
  afterEach(() => watch.stop());

  it('a comment with 50,000 replies: the first 1,000 in steps, the rest behind "Weitere Antworten anzeigen"', async () => {
    const element = await render(wide(50_000), watch);
    const root = element.shadowRoot!;
    const replies = () => root.getElementById('replies-wide')!.querySelectorAll(':scope > li > article').length;
    expect(replies()).to.equal(1000);
    expect(root.getElementById('comment-c0')).to.exist;
    const more = root.querySelector<HTMLButtonElement>('[part~="more-replies"]')!;
    expect(more.textContent!.trim()).to.equal('Weitere Antworten anzeigen (49.000)');
    expect(watch.mostPerTask).to.be.at.most(ITEMS_PER_TASK);
    more.click();
    await until(() => replies() > 1000, 'the next replies');
    await until(() => root.querySelector('[part~="more-replies"]')?.textContent!.trim() === 'Weitere Antworten anzeigen (48.000)', 'the count');
    expect(root.getElementById('comment-w1000')).to.exist;
    expect(watch.errors).to.deep.equal([]);
  });

  it('a 5 MB text is shown shortened, with "Weiterlesen" that shows all of it and "Weniger anzeigen"', async () => {
    const element = await render(longBody(5 * 1024 * 1024), watch);
    const root = element.shadowRoot!;
    const article = root.getElementById('comment-long')!;
    const body = () => article.querySelector('[part~="body"]')!;
    expect(body().textContent!.length).to.be.within(1000, 1700);
    expect(body().textContent!.trim()).to.match(/…$/);
    const button = article.querySelector<HTMLButtonElement>('[part~="more-text"]')!;
    expect(button.textContent!.trim()).to.equal('Weiterlesen');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(root.getElementById(button.getAttribute('aria-controls')!)).to.equal(body());

    button.click();
    await until(() => button.getAttribute('aria-expanded') === 'true', 'expanded');
    expect(button.textContent!.trim()).to.equal('Weniger anzeigen');
    await until(() => /Der Kommentar wird ganz angezeigt/.test(root.querySelector('[role="status"]')!.textContent!), 'the announcement');
    // All of the text arrives in steps; find-in-page and permalinks reach its end.
    const end = await new Promise<Element>((resolve) => {
      const check = () => {
        const last = body().lastElementChild;
        if (last?.textContent?.endsWith('Und das ist wirklich das Ende.')) resolve(last);
        else setTimeout(check, 20);
      };
      check();
    });
    expect(end).to.exist;
    expect(watch.mostPerTask).to.be.at.most(ITEMS_PER_TASK);

    button.click();
    await until(() => button.getAttribute('aria-expanded') === 'false', 'shortened again', 15000); // 5 MB of layout to undo
    expect(body().textContent!.length).to.be.below(1700);
    expect(root.activeElement === button || document.activeElement !== element).to.equal(true);
    expect(watch.errors).to.deep.equal([]);
  });

  it('a text just over the limit is not cut for a few words; a short one has no button', async () => {
    const element = await render(
      [
        {id: 'short', author: {name: 'Kurz'}, body: 'Kurz und gut.', createdAt: '2026-11-25T10:00:00Z'},
        {id: 'almost', author: {name: 'Knapp'}, body: 'Wort '.repeat(340), createdAt: '2026-11-25T11:00:00Z'},
        {id: 'lines', author: {name: 'Zeilen'}, body: Array.from({length: 30}, (_, i) => `Zeile ${i}`).join('\n'), createdAt: '2026-11-25T12:00:00Z'},
      ],
      watch
    );
    const root = element.shadowRoot!;
    expect(root.querySelector('#comment-short [part~="more-text"]')).to.equal(null);
    expect(root.querySelector('#comment-almost [part~="more-text"]')).to.equal(null);
    // Many short lines are long too: cut after about 12 lines.
    const lines = root.querySelector('#comment-lines [part~="body"]')!.textContent!;
    expect(lines).to.contain('Zeile 11').and.not.contain('Zeile 12');
    expect(root.querySelector('#comment-lines [part~="more-text"]')).to.exist;
  });
});
