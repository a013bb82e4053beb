/**
 * A clock tick rewrites only the times a reader can see: times in threads the
 * browser skips far off screen (content-visibility) wait until they come near,
 * and are right before they are painted. Runs alone (npm run test:alone): the
 * browser decides what it skips only for a page that paints frames.
 */
import {expect} from '@open-wc/testing';
import {ManualClock} from '../src/time/clock.js';
import {record, renderDiscussion, until} from './harness.js';

const NOW = Date.parse('2026-11-25T14:03:00Z');
const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

describe('times far off screen', function () {
  this.timeout(30_000);
  afterEach(() => {
    history.replaceState(null, '', location.pathname + location.search);
    scrollTo(0, 0);
  });

  /** 80 comments "gerade eben", and once the browser skips the thread of `id`. */
  async function render(clock: ManualClock, id: string) {
    const records = Array.from({length: 80}, (_, i) =>
      record({id: `t${i}`, author: {name: `Leser ${i}`}, body: 'Ein Satz.\n\nUnd noch einer.', createdAt: new Date(NOW - 30_000 - i).toISOString()})
    );
    const view = await renderDiscussion(records, {clock, attributes: {'page-size': '100'}});
    await until(() => {
      const inside = view.comment(`#${id}`) as Element & {checkVisibility?(options: object): boolean};
      return inside.checkVisibility?.({contentVisibilityAuto: true}) === false || undefined;
    }, `the thread of ${id} to be skipped`);
    await painted();
    return {view, time: (key: string) => view.time(view.comment(`#${key}`)).textContent!.trim()};
  }

  it('wait while their thread is skipped, and are current once it comes near', async () => {
    const clock = new ManualClock(NOW);
    const records = Array.from({length: 80}, (_, i) =>
      record({id: `t${i}`, author: {name: `Leser ${i}`}, body: 'Ein Satz.\n\nUnd noch einer.', createdAt: new Date(NOW - 30_000 - i).toISOString()})
    );
    const view = await renderDiscussion(records, {clock, attributes: {'page-size': '100'}});
    const time = (id: string) => view.time(view.comment(`#${id}`)).textContent!.trim();
    const last = view.comment('#t79').closest('li')!;
    // The browser says which threads it skips; the last one is thousands of pixels below.
    const skipped = await until(
      () => {
        // (The thread's item keeps its box; what is inside it is hidden.)
        const inside = view.comment('#t79') as Element & {checkVisibility?(options: object): boolean};
        const skips = inside.checkVisibility?.({contentVisibilityAuto: true}) === false;
        return skips || undefined;
      },
      'the last thread to be skipped'
    );
    expect(skipped).to.equal(true);
    await painted();

    clock.advance(60_000);
    expect(time('t0')).to.equal('vor\u00a0einer\u00a0Minute');
    // Not rewritten while nobody can see it.
    expect(time('t79')).to.equal('gerade\u00a0eben');

    last.scrollIntoView({block: 'center'});
    await until(() => time('t79') === 'vor\u00a0einer\u00a0Minute', 'the time once its thread is near');
    await painted();
    expect(time('t79')).to.equal('vor\u00a0einer\u00a0Minute');
    // And it keeps ticking where it is seen.
    clock.advance(60_000);
    expect(time('t79')).to.equal('vor\u00a02\u00a0Minuten');
  });

  it('keep ticking when their thread stops being skipped without the browser saying so (it became the permalink target)', async () => {
    const clock = new ManualClock(NOW);
    const {view, time} = await render(clock, 't60');
    clock.advance(60_000);
    expect(time('t60')).to.equal('gerade\u00a0eben');
    // A link to it: the thread is the target now (no content-visibility), scrolled to and focused.
    location.hash = '#comment-t60';
    await until(() => view.root.activeElement === view.comment('#t60'), 'the permalink target focused');
    await painted();
    clock.advance(60_000);
    await until(() => time('t60') === 'vor\u00a02\u00a0Minuten', 'the time current at the next tick');
    clock.advance(60_000);
    expect(time('t60')).to.equal('vor\u00a03\u00a0Minuten');
  });
});
