import {expect} from '@open-wc/testing';
import type {ArticleComments} from '../src/elements/article-comments/article-comments.js';
import {ITEMS_PER_TASK} from '../src/render/progressive-list.js';
import {ManualClock} from '../src/time/clock.js';
import {chain} from './fixtures/hostile-shapes.js';
import {HostileWatch} from './hostile-watch.js';
import {freshThread, mount, preferReducedMotion, until} from './harness.js';

const clock = new ManualClock('2026-11-25T16:00:00Z');

/** Puts the discussion into the page as a publisher does (inline JSON) and waits until it is all rendered. */
async function renderInline(records: unknown[], watch: HostileWatch): Promise<ArticleComments> {
  const element = document.createElement('article-comments');
  element.thread = freshThread('chain');
  element.clock = clock;
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = JSON.stringify(records);
  element.append(script);
  const rendered = new Promise((resolve) => element.addEventListener('comments-rendered', resolve, {once: true}));
  mount(element);
  watch.observe(element.shadowRoot!);
  await rendered;
  return element;
}

const articles = (element: ArticleComments) => [...element.shadowRoot!.querySelectorAll<HTMLElement>('article.comment')];

/** How many lists an article sits in: the nesting the browser has to lay out. */
function listDepth(article: Element): number {
  let depth = 0;
  for (let list = article.closest('ol'); list; list = list.parentElement?.closest('ol') ?? null) depth++;
  return depth;
}

describe('a reply chain thousands deep', function () {
  this.timeout(60_000);
  let watch: HostileWatch;
  before(() => preferReducedMotion());
  beforeEach(() => (watch = new HostileWatch()));
  afterEach(() => watch.stop());

  it('1,000 deep: every comment is rendered, nesting stops at max-depth, each deeper reply names whom it answers', async () => {
    const element = await renderInline(chain(1000), watch);
    const all = articles(element);
    expect(all).to.have.length(1020);
    expect(watch.errors).to.deep.equal([]);
    // The unrelated comments are there too.
    expect(element.shadowRoot!.getElementById('comment-c0')).to.exist;
    // Lists nest no deeper than the thread, three indented levels and one flat list.
    expect(Math.max(...all.map(listDepth))).to.equal(5);
    const reply = element.shadowRoot!.getElementById('comment-chain999')!;
    expect(reply.querySelector('[part~="reply-to"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Antwort an Kette 998');
    expect(reply.querySelector('[part~="reply-to"] a')!.getAttribute('href')).to.equal('#comment-chain998');
    expect(reply.getAttribute('aria-label')).to.equal('Antwort von Kette 999 an Kette 998');
    // In reading order: each reply right after the one it answers.
    const order = all.map((article) => article.id).filter((id) => id.startsWith('comment-chain'));
    expect(order.slice(0, 5)).to.deep.equal(['comment-chain0', 'comment-chain1', 'comment-chain2', 'comment-chain3', 'comment-chain4']);
    expect(order.at(-1)).to.equal('comment-chain1000');
    // Rendered in steps: no task put more than one step's worth of comments into the DOM.
    expect(watch.mostPerTask).to.be.at.most(ITEMS_PER_TASK);
  });

  it('10,000 deep: the page shows the discussion, the rest of the chain is a click away, and a permalink reaches the last reply', async () => {
    const element = await renderInline(chain(10_000), watch);
    expect(watch.errors).to.deep.equal([]);
    // Nested four levels (top-level comment and three replies), then 1,000 replies listed flat.
    expect(articles(element)).to.have.length(19 + 4 + 1000);
    const more = element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="more-replies"]')!;
    expect(more.textContent!.trim()).to.equal('Weitere Antworten anzeigen (8.997)');
    // A permalink to the last reply shows it with the few before it, the gap between as a button.
    expect(await element.reveal('chain10000')).to.equal(true);
    const last = element.shadowRoot!.getElementById('comment-chain10000')!;
    expect(element.shadowRoot!.activeElement).to.equal(last);
    expect(last.getAttribute('part')).to.equal('comment comment-target');
    expect(element.shadowRoot!.getElementById('comment-chain9990')).to.exist;
    const gap = () => element.shadowRoot!.querySelector<HTMLButtonElement>('li.gap [part~="more-replies"]');
    expect(gap()!.textContent!.trim()).to.equal('Weitere Antworten anzeigen (8.986)');
    expect(element.shadowRoot!.querySelector('[part~="replies"] + [part~="more-replies"]')).to.equal(null);
    // The gap opens a page at a time, in reading order.
    gap()!.click();
    await until(() => gap()?.textContent!.trim() === 'Weitere Antworten anzeigen (7.986)', 'the next page');
    await until(() => element.shadowRoot!.getElementById('comment-chain1004'), 'the next page rendered');
    expect(watch.mostPerTask).to.be.at.most(ITEMS_PER_TASK);
    expect(watch.errors).to.deep.equal([]);
  });
});
