import {expect} from '@open-wc/testing';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import type {ArticleComments} from '../src/elements/article-comments/article-comments.js';
import type {CommentRecord} from '../src/model/comment.js';
import {freshThread, record, skipIn} from './harness.js';

/** V8's gc() with --expose-gc; with options it can collect in a task of its own (below). */
type Gc = (options?: {type: 'major'; execution: 'async'}) => Promise<void> | void;
const gc = (globalThis as {gc?: Gc}).gc;

/**
 * A full collection in a task of its own, with no JavaScript on the stack. A plain gc() runs under
 * the calling test, and Blink's heap then scans that stack conservatively: a stale word on it that
 * happens to equal the removed element's address keeps the element alive, collection after
 * collection from the same call depth (about one run in five here and in CI, always released by a
 * heap snapshot, which collects from a task). No leak looks like that; a real one holds either way.
 */
async function collectGarbage(): Promise<void> {
  await gc!({type: 'major', execution: 'async'});
}
const memory = (performance as {memory?: {usedJSHeapSize: number}}).memory;

/** `count` comments from the last hour, so every one keeps a relative time ticking on the page's clock. */
function recent(count: number, prefix: string): CommentRecord[] {
  return Array.from({length: count}, (_, i) =>
    record({
      id: `${prefix}-${i}`,
      parentId: i % 3 === 0 ? null : `${prefix}-${i - (i % 3)}`,
      author: {name: `Leserin ${i}`},
      createdAt: new Date(Date.now() - (i % 60) * 60_000).toISOString(),
    })
  );
}

/**
 * Collects garbage until the heap stops shrinking (WeakRefs clear only between tasks), at least
 * three rounds: on a busy machine a task queued before the removal (a step of rendering, a resize
 * observer's callback) may still run and let go only then.
 */
async function collect(): Promise<number> {
  let last = Infinity;
  for (let round = 0; round < 10; round++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    // A page in a background tab does no layout by itself, and Chromium's last layout result still
    // points at the removed elements until the next one: lay out, as any visible page does each frame.
    document.body.getBoundingClientRect();
    await collectGarbage();
    const now = memory!.usedJSHeapSize;
    if (round >= 2 && now >= last - 1024) return now;
    last = now;
  }
  return last;
}

/**
 * Whether the object behind `ref` is collected, within three seconds of collecting: a task or an
 * event the browser queued before the removal may hold it for a moment; a leak holds it for good.
 */
async function released(ref: WeakRef<object>): Promise<boolean> {
  for (let round = 0; round < 30 && ref.deref() !== undefined; round++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    document.body.getBoundingClientRect();
    await collectGarbage();
  }
  return ref.deref() === undefined;
}

/** Resolves with nothing: an event would keep its target (the element) alive. */
function rendered(element: ArticleComments): Promise<void> {
  return new Promise((resolve) => element.addEventListener('comments-rendered', () => resolve(), {once: true}));
}

describe('memory', function () {
  this.timeout(60_000);

  before(async function () {
    // Only Chromium lets a page force garbage collection and read its heap (README, "Browsers").
    await skipIn(this, ['firefox', 'webkit'], 'no gc() or heap size for a page');
    expect(gc && memory, 'Chromium runs with --js-flags=--expose-gc and --enable-precise-memory-info').to.be.ok;
  });

  it('a removed widget with 2,000 live timestamps leaves nothing behind', async () => {
    const thread = freshThread('leak');
    let adapter: MemoryAdapter | undefined = new MemoryAdapter({[thread]: recent(2000, 'm')});
    const before = await collect();
    let element: ArticleComments | undefined = Object.assign(document.createElement('article-comments'), {thread, adapter, pageSize: 5000});
    const done = rendered(element);
    document.body.append(element);
    await done;
    expect(element.shadowRoot!.querySelectorAll('time').length).to.equal(2000);
    const ref = new WeakRef(element);
    element.remove();
    element = undefined;
    adapter = undefined;
    const after = await collect();
    // A boolean: chai would try to print the element (and its 2,000 comments) if it were still there.
    expect(await released(ref), 'the element is still reachable').to.equal(true);
    expect(after - before, `heap grew by ${((after - before) / 1024).toFixed(0)} KB`).to.be.below(1024 * 1024);
  });

  it('switching the thread ten times keeps only the discussion shown', async () => {
    const threads = Array.from({length: 11}, (_, i) => freshThread(`switch${i}`));
    const adapter = new MemoryAdapter(Object.fromEntries(threads.map((thread, i) => [thread, recent(300, `s${i}`)])));
    const element = Object.assign(document.createElement('article-comments'), {thread: threads[0], adapter, pageSize: 5000});
    let done = rendered(element);
    document.body.append(element);
    await done;
    const first = await collect();
    for (const thread of [...threads.slice(1), threads[0]]) {
      done = rendered(element);
      element.thread = thread;
      await done;
    }
    const after = await collect();
    element.remove();
    expect(after - first, `heap grew by ${((after - first) / 1024).toFixed(0)} KB`).to.be.below(1024 * 1024);
  });
});
