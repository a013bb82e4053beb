import {expect} from '@open-wc/testing';
import {ManualClock, SystemClock} from '../src/time/clock.js';
import {record, renderDiscussion, setVisibility} from './harness.js';

const NOW = Date.parse('2026-11-25T14:03:00Z');
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();


describe('times that stay current', () => {
  afterEach(() => {
    delete (document as {visibilityState?: unknown}).visibilityState;
  });

  it('advance when the clock moves, each at its own moment', async () => {
    const clock = new ManualClock(NOW);
    const view = await renderDiscussion(
      [
        record({id: 'a', author: {name: 'Anna'}, createdAt: iso(NOW - 30_000)}),
        record({id: 'b', author: {name: 'Bernd'}, createdAt: iso(NOW - 59 * MINUTE)}),
        record({id: 'c', author: {name: 'Carla'}, createdAt: iso(NOW - 6 * 24 * 60 * MINUTE)}),
      ],
      {clock}
    );
    const text = (name: string) => view.time(view.comment(name)).textContent!.trim();
    expect([text('Anna'), text('Bernd'), text('Carla')]).to.deep.equal(['gerade\u00a0eben', 'vor\u00a059\u00a0Minuten', 'vor\u00a06\u00a0Tagen']);

    clock.advance(30_000);
    expect(text('Anna')).to.equal('vor\u00a0einer\u00a0Minute');
    expect(text('Bernd')).to.equal('vor\u00a059\u00a0Minuten');

    clock.advance(MINUTE);
    expect([text('Anna'), text('Bernd')]).to.deep.equal(['vor\u00a02\u00a0Minuten', 'vor\u00a0einer\u00a0Stunde']);

    clock.advance(24 * 60 * MINUTE);
    expect([text('Anna'), text('Bernd'), text('Carla')]).to.deep.equal(['vor\u00a0einem\u00a0Tag', 'vor\u00a0einem\u00a0Tag', '19.\u00a0November\u00a02026']);
  });

  it('use one shared timer for the whole page, not one per comment', async () => {
    const clock = new SystemClock();
    const now = Date.now();
    // Tracks the timers with a delay (the clock's; rendering in steps uses zero-delay tasks).
    const active = new Set<number>();
    let most = 0;
    const {setTimeout: originalSet, clearTimeout: originalClear} = window;
    window.setTimeout = ((handler: TimerHandler, delay?: number, ...rest: unknown[]) => {
      const id = originalSet(
        (...args: unknown[]) => {
          active.delete(id);
          if (typeof handler === 'function') handler(...args);
        },
        delay,
        ...rest
      );
      if (delay) active.add(id);
      most = Math.max(most, active.size);
      return id;
    }) as typeof window.setTimeout;
    window.clearTimeout = ((id?: number) => {
      if (id !== undefined) active.delete(id);
      originalClear(id);
    }) as typeof window.clearTimeout;
    try {
      const records = Array.from({length: 120}, (_, i) => record({id: `t${i}`, createdAt: iso(now - i * 7_000)}));
      await renderDiscussion(records, {clock, attributes: {'page-size': '200'}});
      expect(clock.pending).to.equal(120);
      expect(clock.armed).to.be.true;
      expect(active.size).to.equal(1);
      expect(most).to.equal(1);
    } finally {
      window.setTimeout = originalSet;
      window.clearTimeout = originalClear;
    }
  });

  it('do no work while the tab is hidden and catch up when it is shown', async () => {
    let now = Date.now();
    const clock = new SystemClock(() => now);
    const view = await renderDiscussion([record({id: 'h', author: {name: 'Hanna'}, createdAt: iso(now - 50_000)})], {clock});
    expect(clock.armed).to.be.true;

    setVisibility('hidden');
    expect(clock.armed).to.be.false;
    now += 5 * MINUTE;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(view.time(view.comment('Hanna')).textContent!.trim()).to.equal('gerade\u00a0eben');

    setVisibility('visible');
    expect(view.time(view.comment('Hanna')).textContent!.trim()).to.equal('vor\u00a05\u00a0Minuten');
    expect(clock.armed).to.be.true;
  });

  it('update with real timers when due', async () => {
    const start = Date.now();
    const offset = 59_700; // the comment turns one minute old 300 ms from now
    const clock = new SystemClock(() => Date.now());
    const view = await renderDiscussion([record({id: 'r', author: {name: 'Rita'}, createdAt: iso(start - offset)})], {clock});
    const time = view.time(view.comment('Rita'));
    expect(time.textContent!.trim()).to.equal('gerade\u00a0eben');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(time.textContent!.trim()).to.equal('vor\u00a0einer\u00a0Minute');
  });

  it('stop listening when the widget leaves the page', async () => {
    const clock = new ManualClock(NOW);
    const view = await renderDiscussion([record({id: 'x', createdAt: iso(NOW - MINUTE)})], {clock});
    expect(clock.pending).to.equal(1);
    view.element.remove();
    expect(clock.pending).to.equal(0);
  });
});
