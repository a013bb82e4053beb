/**
 * The one clock every timestamp on the page reads, and the one timer that
 * wakes them.
 *
 * Each timestamp asks to be called back at the moment its text next changes
 * (`at(time, callback)`). The clock keeps those requests in a min-heap and
 * arms a single `setTimeout` for the earliest, so a page with 10,000 comments
 * still has one timer, and a tick touches only the timestamps that are due
 * (a comment from last week never wakes at all). While the tab is hidden the
 * timer is cleared; when it becomes visible again everything due runs once.
 *
 * Tests inject a `ManualClock`, which has no timer: `set()` and `advance()`
 * move "now" and run what became due, synchronously.
 */

/** Reads the current time and runs callbacks when a moment is reached. */
export interface Clock {
  /** The current time in epoch milliseconds. */
  now(): number;
  /**
   * Calls `callback` once, as soon as the clock has reached `time` (epoch ms).
   * Returns a function that cancels the call.
   */
  at(time: number, callback: () => void): () => void;
}

interface Entry {
  time: number;
  callback: () => void;
  cancelled: boolean;
}

const NOOP = () => undefined;

/** A binary min-heap of entries by time, with lazy deletion of cancelled ones. */
class Schedule {
  #heap: Entry[] = [];
  #cancelled = 0;

  get size(): number {
    return this.#heap.length - this.#cancelled;
  }

  add(time: number, callback: () => void): () => void {
    const entry: Entry = {time, callback, cancelled: false};
    this.#push(entry);
    return () => {
      if (entry.cancelled) return;
      entry.cancelled = true;
      // The callback holds its timestamp's DOM (and through it the element): let it go now,
      // not when the entry's time comes (a day later for "vor 5 Stunden").
      entry.callback = NOOP;
      this.#cancelled++;
      if (this.#cancelled > 64 && this.#cancelled > this.#heap.length / 2) this.#compact();
    };
  }

  /** The time of the earliest live entry, or undefined. */
  peek(): number | undefined {
    this.#dropCancelledTop();
    return this.#heap[0]?.time;
  }

  /** Removes and runs every live entry due at `now`. */
  runDue(now: number): void {
    const due: Entry[] = [];
    for (;;) {
      this.#dropCancelledTop();
      const top = this.#heap[0];
      if (!top || top.time > now) break;
      due.push(this.#pop()!);
    }
    for (const entry of due) {
      // Marked so that a late cancel() from the callback's owner is harmless.
      entry.cancelled = true;
      const callback = entry.callback;
      entry.callback = NOOP;
      try {
        callback();
      } catch (error) {
        // One broken subscriber must not stop the others; the error still reaches the console.
        (globalThis.reportError ?? console.error)(error);
      }
    }
  }

  #dropCancelledTop(): void {
    while (this.#heap[0]?.cancelled) {
      this.#pop();
      this.#cancelled--;
    }
  }

  #compact(): void {
    const live = this.#heap.filter((entry) => !entry.cancelled);
    this.#heap = [];
    this.#cancelled = 0;
    for (const entry of live) this.#push(entry);
  }

  #push(entry: Entry): void {
    const heap = this.#heap;
    heap.push(entry);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (heap[parent].time <= entry.time) break;
      heap[index] = heap[parent];
      index = parent;
    }
    heap[index] = entry;
  }

  #pop(): Entry | undefined {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length === 0 || !last) return top;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && heap[right].time < heap[left].time ? right : left;
      if (heap[child].time >= last.time) break;
      heap[index] = heap[child];
      index = child;
    }
    heap[index] = last;
    return top;
  }
}

/** The largest delay `setTimeout` accepts (about 24.8 days). */
const MAX_DELAY = 2 ** 31 - 1;

/**
 * The real clock: `Date.now()` and one `setTimeout` for the whole page,
 * paused while the document is hidden. Wake-ups are rounded up to whole
 * seconds so timestamps that change within the same second change together.
 */
export class SystemClock implements Clock {
  #schedule = new Schedule();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #armedFor: number | undefined;
  #listening = false;
  #armQueued = false;

  /** `now` is replaceable so tests can shift the clock while keeping real timers. */
  constructor(private readonly read: () => number = Date.now) {}

  now(): number {
    return this.read();
  }

  at(time: number, callback: () => void): () => void {
    const cancel = this.#schedule.add(Math.ceil(time / 1000) * 1000, callback);
    this.#listen();
    // Rendering a thread registers many timestamps at once: arm once, after all of them.
    if (!this.#armQueued) {
      this.#armQueued = true;
      queueMicrotask(() => {
        this.#armQueued = false;
        this.#arm();
      });
    }
    return () => {
      cancel();
      if (this.#schedule.size === 0) this.#disarm();
    };
  }

  /** How many callbacks are waiting; for tests and diagnostics. */
  get pending(): number {
    return this.#schedule.size;
  }

  /** Whether a timer is currently armed; false while the page is hidden or nothing waits. */
  get armed(): boolean {
    return this.#timer !== undefined;
  }

  get #hidden(): boolean {
    return typeof document !== 'undefined' && document.visibilityState === 'hidden';
  }

  #listen(): void {
    if (this.#listening || typeof document === 'undefined') return;
    this.#listening = true;
    document.addEventListener('visibilitychange', () => {
      if (this.#hidden) {
        this.#disarm();
      } else {
        this.#tick();
      }
    });
  }

  #tick = (): void => {
    this.#timer = undefined;
    this.#armedFor = undefined;
    this.#schedule.runDue(this.now());
    this.#arm();
  };

  #arm(): void {
    if (this.#hidden) return;
    const next = this.#schedule.peek();
    if (next === undefined) return this.#disarm();
    if (this.#timer !== undefined && this.#armedFor === next) return;
    this.#disarm();
    this.#armedFor = next;
    this.#timer = setTimeout(this.#tick, Math.min(Math.max(next - this.now(), 0), MAX_DELAY));
  }

  #disarm(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#armedFor = undefined;
  }
}

/**
 * A clock that only moves when told to. `set()` and `advance()` run every
 * callback that became due, synchronously, in time order.
 */
export class ManualClock implements Clock {
  #schedule = new Schedule();
  #time: number;

  constructor(time: number | Date | string = 0) {
    this.#time = new Date(time).getTime();
  }

  now(): number {
    return this.#time;
  }

  at(time: number, callback: () => void): () => void {
    return this.#schedule.add(time, callback);
  }

  /** Moves the clock to `time` and runs what became due. */
  set(time: number | Date | string): void {
    this.#time = new Date(time).getTime();
    this.#schedule.runDue(this.#time);
  }

  /** Moves the clock forward by `ms` and runs what became due. */
  advance(ms: number): void {
    this.set(this.#time + ms);
  }

  /** How many callbacks are waiting. */
  get pending(): number {
    return this.#schedule.size;
  }
}

/** The page-wide clock every element uses unless one is injected. */
export const systemClock = new SystemClock();
