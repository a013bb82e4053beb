import {expect} from '@open-wc/testing';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import type {CommentRecord} from '../src/model/comment.js';
import type {CommentsRenderedEvent} from '../src/events.js';
import {ManualClock} from '../src/time/clock.js';
import {freshThread, mount, preferReducedMotion, record, until} from './harness.js';

const clock = new ManualClock('2026-11-25T16:00:00Z');

/** `count` comments: every third one a top-level comment, the others replies. */
function discussion(count: number): CommentRecord[] {
  return Array.from({length: count}, (_, i) =>
    record({
      id: `n${i}`,
      parentId: i % 3 === 0 ? null : `n${i - (i % 3)}`,
      author: {name: `Leser ${i}`},
      createdAt: new Date(Date.parse('2026-11-25T15:00:00Z') - i * 30_000).toISOString(),
    })
  );
}

function widget(records: CommentRecord[], pageSize: number) {
  const thread = freshThread('large');
  const element = Object.assign(document.createElement('article-comments'), {
    thread,
    clock,
    adapter: new MemoryAdapter({[thread]: records}, {clock}),
  });
  element.setAttribute('page-size', String(pageSize));
  return element;
}

const articles = (element: HTMLElement) => element.shadowRoot!.querySelectorAll('article.comment').length;

describe('large discussions', () => {
  before(() => preferReducedMotion());
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('show the first screen at once and the rest in later steps, all in the DOM at the end', async () => {
    const element = widget(discussion(2000), 5000);
    const rendered = new Promise<CommentsRenderedEvent>((resolve) => element.addEventListener('comments-rendered', resolve, {once: true}));
    mount(element);
    // Counted when the first comments reach the DOM, before any later task
    // runs (polling would race the later steps, which are tasks too).
    const first = await new Promise<number>((resolve) => {
      const check = () => {
        if (!articles(element)) return;
        observer.disconnect();
        resolve(articles(element));
      };
      const observer = new MutationObserver(check);
      observer.observe(element.shadowRoot!, {childList: true, subtree: true});
      check();
    });
    expect(first).to.be.greaterThan(0).and.at.most(60);
    const event = await rendered;
    expect(event.rendered).to.equal(2000);
    expect(articles(element)).to.equal(2000);
  });

  it('page by default: 20 top-level threads and "Weitere Kommentare laden"', async () => {
    const element = widget(discussion(2000), 20);
    const rendered = new Promise((resolve) => element.addEventListener('comments-rendered', resolve, {once: true}));
    mount(element);
    await rendered;
    expect(element.shadowRoot!.querySelector('[part~="load-more"]')).to.exist;
    expect(articles(element)).to.equal(60);
    expect(element.shadowRoot!.querySelector('h2')!.textContent).to.equal('2.000\u00a0Kommentare');
  });

  it('reach a permalink target that was not rendered yet', async function () {
    // WebKitGTK under Xvfb, sharing two cores with the other engines, takes seconds for 2,000 comments.
    this.timeout(30000);
    history.replaceState(null, '', '#comment-n1999');
    const element = mount(widget(discussion(2000), 5000));
    const target = await until(() => element.shadowRoot!.getElementById('comment-n1999'), 'the target', 15000);
    await until(() => element.shadowRoot!.activeElement === target, 'focus on the target', 15000);
    expect(target.classList.contains('target')).to.be.true;
  });

  it('leave the DOM of other threads untouched when one thread changes', async () => {
    const element = widget(discussion(300), 5000);
    const rendered = new Promise((resolve) => element.addEventListener('comments-rendered', resolve, {once: true}));
    mount(element);
    await rendered;
    const root = element.shadowRoot!;
    const other = root.getElementById('comment-n150')!.closest('li')!;
    const observer = new MutationObserver(() => undefined);
    observer.observe(other, {subtree: true, childList: true, characterData: true, attributes: true});
    // Fold one thread: only that thread changes.
    (root.getElementById('comment-n0')!.closest('li')!.querySelector('[part~="toggle"]') as HTMLElement).click();
    await element.updateComplete;
    expect(observer.takeRecords()).to.deep.equal([]);
    expect(root.getElementById('comment-n1')).to.equal(null);
    observer.disconnect();
  });
});
