/**
 * No shape of discussion makes the widget's work one long task: measured on
 * the script-tag build (what publishers ship), with the Long Tasks API (Chromium has it; Firefox and WebKit do not, and
 * run the per-task DOM checks in the other hostile-shape tests instead).
 * `npm run test:alone` runs this file alone, after the other tests; limits
 * are scaled by how busy the machine is (`slowdown`), and `npm run bench`
 * reports the figures of a quiet machine.
 */
import {expect} from '@open-wc/testing';
import type {HostilePage} from './fixtures/hostile-page.js';
import {slowdown} from './hostile-watch.js';
import {mount, skipIn} from './harness.js';

/** The longest task while the script-tag build rendered a shape, in a page of its own (an iframe). */
async function longestTask(query: string): Promise<number> {
  const frame = mount(document.createElement('iframe'));
  frame.width = '1280';
  frame.height = '800';
  frame.src = `/tests/fixtures/hostile-page.html?${query}`;
  let result = (frame.contentWindow as unknown as HostilePage | null)?.result;
  for (const deadline = performance.now() + 50_000; !result && performance.now() < deadline; result = (frame.contentWindow as unknown as HostilePage | null)?.result) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // Gone before the next page is measured: its discussion would stay in memory and in the frames.
  frame.remove();
  if (!result) throw new Error('The page did not finish rendering');
  if ('error' in result) throw new Error(result.error);
  return result.longestTask;
}

/**
 * The shape's longest task is within `limit` (scaled by how busy the machine is) in at least one
 * of five fresh pages: a garbage collection or the machine's other work can land in any one frame
 * (a major GC alone takes 20 ms here), a widget that makes a long task makes one every time. (On
 * this machine the 10,000-deep chain shows no long task at all in most pages and 50–80 ms in some;
 * three pages in a row of the second kind made a CI run red.)
 */
async function expectNoTaskOver(query: string, limit: number, busy: number): Promise<void> {
  const seen: number[] = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    const longest = await longestTask(query);
    const factor = Math.max(busy, slowdown());
    if (longest <= limit * factor) return;
    seen.push(longest);
  }
  const factor = Math.max(busy, slowdown());
  expect(Math.min(...seen), `longest task in five pages: ${seen.join(', ')} ms (machine ${factor.toFixed(1)}× slower than quiet)`).to.be.at.most(limit * factor);
}

describe('long tasks while rendering hostile discussions', function () {
  this.timeout(180_000);
  let busy: number;
  before(async function () {
    if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) return;
    await skipIn(this, ['firefox', 'webkit'], 'no Long Tasks API; the per-task DOM checks of the hostile-shape tests stand in');
    throw new Error('No Long Tasks API in this engine');
  });
  beforeEach(() => (busy = slowdown()));

  it('50,000 replies to one comment: no task over 50 ms', async () => {
    await expectNoTaskOver('shape=wide-50000', 50, busy);
  });

  it('a chain 10,000 deep: no task over 50 ms', async () => {
    await expectNoTaskOver('shape=chain-10000', 50, busy);
  });

  it('a 5 MB text, shortened and then shown whole: no task over 200 ms', async () => {
    await expectNoTaskOver('shape=body-5mb&expand', 200, busy);
  });
});
