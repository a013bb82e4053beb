/**
 * One request for every `<comment-count>` on the page: elements of the same
 * source (a REST base URL or an adapter) that connect in the same task, or
 * while the page is still being parsed, are counted together. Elements
 * added later are counted together again. With `live`, a source polls for
 * all its elements at once (REST, paused while the tab is hidden) or
 * subscribes per element (an adapter with `subscribe`).
 */
import type {CommentAdapter} from '../../adapters/adapter.js';
import {adapterCounts, restCounts} from './count-fetch.js';

export interface CountTarget {
  readonly thread: string;
  readonly live: boolean;
  /** Milliseconds between polls for `live` with a REST source. */
  readonly pollInterval: number;
  show(count: number): void;
}

type Key = string | CommentAdapter;

interface Source {
  targets: Set<CountTarget>;
  /** Waiting for the next request. */
  pending: Set<CountTarget>;
  scheduled: boolean;
  timer?: ReturnType<typeof setTimeout>;
  stops: Map<CountTarget, () => void>;
}

const sources = new Map<Key, Source>();
let warned = false;

/** A failure leaves the fallback content; the console hears of it once per page. */
function warn(error: unknown): void {
  if (warned) return;
  warned = true;
  console.warn('<comment-count>: the comment counts could not be loaded', error);
}

async function flush(key: Key, source: Source): Promise<void> {
  source.scheduled = false;
  const targets = [...source.pending].filter((target) => source.targets.has(target));
  source.pending.clear();
  if (!targets.length) return;
  const threads = [...new Set(targets.map((target) => target.thread))];
  try {
    const counts = typeof key === 'string' ? await restCounts(key, threads) : await adapterCounts(key, threads);
    for (const target of targets) {
      const count = counts.get(target.thread);
      if (count !== undefined && source.targets.has(target)) target.show(count);
    }
  } catch (error) {
    warn(error);
  }
}

/** Counts `targets` with the next request: after parsing, else after the current task. */
function request(key: Key, source: Source, targets: Iterable<CountTarget>): void {
  for (const target of targets) source.pending.add(target);
  if (source.scheduled) return;
  source.scheduled = true;
  const run = () => setTimeout(() => void flush(key, source));
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, {once: true});
  else run();
}

const hidden = () => document.visibilityState === 'hidden';

/** Polls a REST source for its live elements while the tab is visible. */
function schedulePoll(key: Key, source: Source): void {
  clearTimeout(source.timer);
  const live = [...source.targets].filter((target) => target.live);
  if (typeof key !== 'string' || !live.length || hidden()) return;
  const interval = Math.max(1000, Math.min(...live.map((target) => target.pollInterval)));
  source.timer = setTimeout(() => {
    request(key, source, live);
    schedulePoll(key, source);
  }, interval);
}

// (No document on a server: importing the package there, e.g. for Next.js, must not fail.)
globalThis.document?.addEventListener('visibilitychange', () => {
  for (const [key, source] of sources) {
    if (typeof key !== 'string') continue;
    clearTimeout(source.timer);
    // Back on the tab: at once, then at the interval.
    if (!hidden()) request(key, source, [...source.targets].filter((target) => target.live));
    schedulePoll(key, source);
  }
});

/** Starts counting for `target`; returns a function that stops it. */
export function watch(key: Key, target: CountTarget): () => void {
  let source = sources.get(key);
  if (!source) sources.set(key, (source = {targets: new Set(), pending: new Set(), scheduled: false, stops: new Map()}));
  const current = source;
  current.targets.add(target);
  request(key, current, [target]);
  if (target.live && typeof key !== 'string' && key.subscribe) {
    current.stops.set(target, key.subscribe(target.thread, () => request(key, current, [target])));
  }
  schedulePoll(key, current);
  return () => {
    current.targets.delete(target);
    current.stops.get(target)?.();
    current.stops.delete(target);
    if (current.targets.size) schedulePoll(key, current);
    else {
      clearTimeout(current.timer);
      sources.delete(key);
    }
  };
}
