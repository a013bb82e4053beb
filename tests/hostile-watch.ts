/**
 * Watches a page while a hostile discussion renders: errors nobody caught,
 * tasks that ran long (where the engine reports them), and how many comments
 * a single task put into the DOM (every engine; mutation records arrive once
 * at the end of each task that changed the DOM).
 */
export class HostileWatch {
  readonly errors: string[] = [];
  readonly longTasks: number[] = [];
  /** Comments added to the DOM per task, largest first. */
  #perTask = new Map<number, number>();
  #task = 0;
  #observers: {disconnect(): void}[] = [];

  constructor() {
    addEventListener('error', this.#onError);
    addEventListener('unhandledrejection', this.#onRejection);
    if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
      const observer = new PerformanceObserver((list) => this.longTasks.push(...list.getEntries().map((entry) => entry.duration)));
      observer.observe({type: 'longtask'});
      this.#observers.push(observer);
    }
  }

  /** Counts the comments each task adds under `root` (the element's shadow root, right after mounting). */
  observe(root: Node): void {
    const mutations = new MutationObserver((records) => {
      let added = 0;
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof Element) added += (node.matches('article.comment') ? 1 : 0) + node.querySelectorAll('article.comment').length;
        }
      }
      // Mutation records are delivered once per task that changed the DOM (at its end).
      this.#perTask.set(this.#task++, added);
    });
    mutations.observe(root, {childList: true, subtree: true});
    this.#observers.push(mutations);
  }

  /** Forgets what was seen so far (the test's own setup). */
  reset(): void {
    this.longTasks.length = 0;
    this.errors.length = 0;
    this.#perTask.clear();
  }

  /** The most comments one task added to the DOM. */
  get mostPerTask(): number {
    return Math.max(0, ...this.#perTask.values());
  }

  get longestTask(): number {
    return Math.max(0, ...this.longTasks);
  }

  stop(): void {
    removeEventListener('error', this.#onError);
    removeEventListener('unhandledrejection', this.#onRejection);
    for (const observer of this.#observers) observer.disconnect();
  }

  #onError = (event: ErrorEvent) => this.errors.push(String(event.message));
  #onRejection = (event: PromiseRejectionEvent) => this.errors.push(String(event.reason));
}

/**
 * How much slower than a quiet test machine this page runs right now: the
 * time of a fixed piece of work against what it takes on the 2-core CI
 * machine when nothing else runs (at least 1). Time limits in tests are
 * scaled by it, so a busy machine (three browsers at once) does not fail
 * them; `npm run bench` checks the real limits on a quiet machine.
 */
export function slowdown(): number {
  const QUIET_MS = 12;
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    const items = Array.from({length: 10_000}, (_, i) => ({id: `c${(i * 7919) % 10_000}`, n: i}));
    items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const map = new Map(items.map((item) => [item.id, item]));
    if (map.size === 0) throw new Error('unreachable');
    best = Math.min(best, performance.now() - start);
  }
  return Math.max(1, best / QUIET_MS);
}
