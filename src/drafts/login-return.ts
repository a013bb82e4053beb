/**
 * The way back from the publisher's login: when a reader follows "Anmelden"
 * from a form, which form it was (discussion and parent) is noted here, so
 * the page they return to opens that form again, where the draft (saved as
 * they typed, see draft-store.ts) is restored.
 */
import {expected, storage} from './safe-storage.js';

const KEY = 'article-comments:login-return:v1';
/** A login that takes longer than this is not a round trip any more. */
const MAX_AGE = 60 * 60 * 1000;

export interface LoginReturn {
  thread: string;
  /** The comment answered; null for the composer of a new comment. */
  parentId: string | null;
}

export function noteLoginReturn(thread: string, parentId: string | null, now = Date.now()): void {
  try {
    storage()?.setItem(KEY, JSON.stringify({thread, parentId, at: now}));
  } catch (error) {
    expected(error);
  }
}

/** The form to open again for `thread`, if a login left from there within the hour; read once. */
export function takeLoginReturn(thread: string, now = Date.now()): LoginReturn | undefined {
  try {
    const store = storage();
    const saved: unknown = JSON.parse(store?.getItem(KEY) ?? 'null');
    if (!saved || typeof saved !== 'object') return undefined;
    const {thread: savedThread, parentId, at} = saved as Record<string, unknown>;
    if (savedThread !== thread) return undefined;
    store?.removeItem(KEY);
    if (typeof at !== 'number' || now - at > MAX_AGE || now < at) return undefined;
    return {thread, parentId: typeof parentId === 'string' ? parentId : null};
  } catch (error) {
    expected(error);
    return undefined;
  }
}
