/**
 * Reactions ("Empfehlen") and comment counts as backends answer them,
 * checked: the answer to `react()` and the answer to `counts()` are
 * untrusted until read here. Plain functions, no DOM, and small: the
 * `<comment-count>` script-tag file uses `parseCounts` too.
 */
import type {ReactionState} from '../adapters/adapter.js';
import {isRecord} from './is-record.js';

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** `{reactions, reacted}` with a count (integer ≥ 0) and a boolean, or undefined. */
export function parseReactionState(value: unknown): ReactionState | undefined {
  if (!isRecord(value) || !isCount(value.reactions) || typeof value.reacted !== 'boolean') return undefined;
  return {reactions: value.reactions, reacted: value.reacted};
}

/**
 * The counts of `threads` in `{[thread]: count}`; an entry that is missing
 * or not a count is left out (the caller keeps what it showed before).
 */
export function parseCounts(value: unknown, threads: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  if (!isRecord(value)) return counts;
  for (const thread of threads) {
    const count = Object.hasOwn(value, thread) ? value[thread] : undefined;
    if (isCount(count)) counts.set(thread, count);
  }
  return counts;
}
