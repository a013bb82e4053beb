/**
 * After the reader signed in or out without a reload: what the backend tells only an author (what
 * they may still do with their comments) is asked for again. Loaded on the first change of viewer.
 */
import {readerId} from '../drafts/reader-id.js';
import {recordId} from '../model/parse.js';
import type {DiscussionController, DiscussionSource} from './discussion-controller.js';

/** The viewer's own comments beyond the first page asked for again: a request each, at most this many. */
export const OWN_REFRESH_LIMIT = 20;

/**
 * Loads the first page again and puts its comments in place of those shown (new ones are added):
 * nothing blanks, nothing moves, forms and folding stay. Then the viewer's own comments elsewhere
 * (later pages, replies loaded on request, a comment opened by a link) are asked for one by one
 * (`locate`); the rest keep what they showed. Stops as soon as `current()` is false. Rejects when
 * the first page fails.
 */
export async function refreshForViewer(
  discussion: DiscussionController,
  source: DiscussionSource,
  signal: AbortSignal,
  current: () => boolean
): Promise<void> {
  const page = await source.adapter.load({thread: source.thread, cursor: null, sort: source.sort, limit: source.pageSize, signal, readerId: readerId()});
  if (!current() || !Array.isArray(page.comments)) return;
  const known = page.comments.filter((record) => {
    const id = recordId(record);
    return id !== undefined && discussion.tree.has(id);
  });
  for (const record of known) discussion.replace(record);
  discussion.ingest(page.comments.filter((record) => !known.includes(record)));
  if (page.discussion) discussion.info = {...discussion.info, ...page.discussion};
  discussion.requestUpdate();

  const account = discussion.viewer?.id;
  if (!account || !source.adapter.locate) return;
  const fresh = new Set(page.comments.map(recordId));
  const ids: string[] = [];
  for (const comment of discussion.tree.comments.values()) {
    if (comment.author.id === account && !fresh.has(comment.id)) ids.push(comment.id);
    if (ids.length === OWN_REFRESH_LIMIT) break;
  }
  for (const id of ids) {
    try {
      const path = await source.adapter.locate({thread: source.thread, id, signal});
      if (!current() || discussion.viewer?.id !== account) return;
      const record = Array.isArray(path) ? path.find((candidate) => recordId(candidate) === id) : undefined;
      if (record) {
        discussion.replace(record);
        discussion.requestUpdate();
      }
    } catch {
      if (!current()) return;
      // Gone meanwhile, or not now: this one keeps what it showed.
    }
  }
}
