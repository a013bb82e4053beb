/**
 * After the reader signed in or out without a reload: what the backend tells only an author (what
 * they may still do with their comments) is asked for again. Loaded on the first change of viewer.
 */
import {readerId} from '../drafts/reader-id.js';
import {recordId} from '../model/parse.js';
import type {DiscussionController, DiscussionSource} from './discussion-controller.js';

/** The viewer's own comments beyond the first page asked for again: a request each, at most this many. */
export const OWN_REFRESH_LIMIT = 20;

/** The refresh under way per discussion: the next change of viewer cancels it (its answers are for the viewer before). */
const running = new WeakMap<DiscussionController, AbortController>();

/**
 * Loads the first page again and puts its comments in place of those shown (new ones are added):
 * nothing blanks, nothing moves, forms and folding stay. Then the viewer's own comments elsewhere
 * (later pages, replies loaded on request, a comment opened by a link) are asked for one by one
 * (`locate`); the rest keep what they showed. A comment that changed while its answer was on the way
 * (the reader's own action, a live change) keeps that change. Stops when the discussion's `loading`
 * is aborted, when `sameSource()` turns false, or when the next refresh starts. Rejects when the first
 * page fails.
 */
export async function refreshForViewer(
  discussion: DiscussionController,
  source: DiscussionSource,
  loading: AbortSignal,
  sameSource: () => boolean
): Promise<void> {
  running.get(discussion)?.abort();
  const run = new AbortController();
  running.set(discussion, run);
  const stop = () => run.abort();
  loading.addEventListener('abort', stop, {once: true});
  try {
    await refresh(discussion, source, run.signal, () => !run.signal.aborted && sameSource());
  } finally {
    loading.removeEventListener('abort', stop);
    if (running.get(discussion) === run) running.delete(discussion);
  }
}

async function refresh(discussion: DiscussionController, source: DiscussionSource, signal: AbortSignal, current: () => boolean): Promise<void> {
  // Comments are immutable: the same object after the request means nothing changed meanwhile.
  const before = new Map(discussion.tree.comments);
  const page = await source.adapter.load({thread: source.thread, cursor: null, sort: source.sort, limit: source.pageSize, signal, readerId: readerId()});
  if (!current() || !Array.isArray(page.comments)) return;
  const added: unknown[] = [];
  for (const record of page.comments) {
    const id = recordId(record);
    const shown = id === undefined ? undefined : discussion.tree.comment(id);
    if (!shown) added.push(record);
    else if (shown === before.get(shown.id)) discussion.replace(record);
  }
  discussion.ingest(added);
  if (page.discussion) discussion.info = {...discussion.info, ...page.discussion};
  discussion.requestUpdate();

  const account = discussion.viewer?.id;
  if (!account || !source.adapter.locate) return;
  const fresh = new Set(page.comments.map(recordId));
  const ids: string[] = [];
  for (const comment of discussion.tree.comments.values()) {
    if (ids.length === OWN_REFRESH_LIMIT) break;
    if (comment.author.id === account && !fresh.has(comment.id)) ids.push(comment.id);
  }
  for (const id of ids) {
    const was = discussion.tree.comment(id);
    try {
      const path = await source.adapter.locate({thread: source.thread, id, signal});
      if (!current() || discussion.viewer?.id !== account) return;
      const record = Array.isArray(path) ? path.find((candidate) => recordId(candidate) === id) : undefined;
      if (record && discussion.tree.comment(id) === was) {
        discussion.replace(record);
        discussion.requestUpdate();
      }
    } catch {
      if (!current()) return;
      // Gone meanwhile, or not now: this one keeps what it showed.
    }
  }
}
