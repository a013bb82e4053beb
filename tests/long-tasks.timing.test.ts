/**
 * No shape of discussion makes the widget's work one long task: measured
 * with the Long Tasks API (Chromium has it; Firefox and WebKit do not, and
 * run the per-task DOM checks in the other hostile-shape tests instead).
 * `npm run test:timing` runs this file alone, after the other tests; limits
 * are scaled by how busy the machine is (`slowdown`), and `npm run bench`
 * reports the figures of a quiet machine.
 */
import {expect} from '@open-wc/testing';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import type {ArticleComments} from '../src/elements/article-comments/article-comments.js';
import {ManualClock} from '../src/time/clock.js';
import {chain, longBody, wide} from './fixtures/hostile-shapes.js';
import {HostileWatch, slowdown} from './hostile-watch.js';
import {freshThread, mount, until} from './harness.js';

const clock = new ManualClock('2026-11-25T16:00:00Z');

/** Makes the backend (the test's work), then watches only the widget render it. */
async function render(records: unknown[], watch: HostileWatch): Promise<ArticleComments> {
  const thread = freshThread('timing');
  const element = Object.assign(document.createElement('article-comments'), {thread, clock, adapter: new MemoryAdapter({[thread]: records}, {clock})});
  await new Promise((resolve) => setTimeout(resolve, 100));
  watch.reset();
  const rendered = new Promise((resolve) => element.addEventListener('comments-rendered', () => resolve(undefined), {once: true}));
  mount(element);
  await rendered;
  await new Promise((resolve) => setTimeout(resolve, 100));
  return element;
}

function expectNoTaskOver(watch: HostileWatch, limit: number, busy: number): void {
  const factor = Math.max(busy, slowdown());
  expect(watch.longestTask, `longest task ${watch.longestTask} ms (machine ${factor.toFixed(1)}× slower than quiet)`).to.be.at.most(limit * factor);
  expect(watch.errors).to.deep.equal([]);
}

describe('long tasks while rendering hostile discussions', function () {
  this.timeout(60_000);
  let watch: HostileWatch;
  let busy: number;
  before(function () {
    if (!PerformanceObserver.supportedEntryTypes?.includes('longtask')) throw new Error('Run in Chromium: npm run test:timing');
  });
  beforeEach(() => {
    busy = slowdown();
    watch = new HostileWatch();
  });
  afterEach(() => watch.stop());

  it('50,000 replies to one comment: no task over 50 ms', async () => {
    await render(wide(50_000), watch);
    expectNoTaskOver(watch, 50, busy);
  });

  it('a chain 10,000 deep: no task over 50 ms', async () => {
    await render(chain(10_000), watch);
    expectNoTaskOver(watch, 50, busy);
  });

  it('a 5 MB text, shortened and then shown whole: no task over 200 ms', async () => {
    const element = await render(longBody(5 * 1024 * 1024), watch);
    const button = element.shadowRoot!.querySelector<HTMLButtonElement>('#comment-long [part~="more-text"]')!;
    button.click();
    await until(() => element.shadowRoot!.querySelector('#comment-long [part~="body"]')!.lastElementChild?.textContent?.endsWith('das Ende.'), 'the whole text');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expectNoTaskOver(watch, 200, busy);
  });
});
