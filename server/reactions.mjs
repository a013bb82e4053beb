// Reactions ("Empfehlen"), staff flags and the order of top-level comments
// in the reference server (docs/rest-api.md), as plain functions on one
// thread of its store.
//
// One reaction per reader (X-Reader-Id) and comment: a PUT of the state a
// reader already has changes nothing. Each reaction keeps the change numbers
// (the thread's change sequence) it was given and taken back at, and each
// pinning the number it was set at, so a page can be placed by the counts
// and pins as they were when the reader began paging (the cursor's `asOf`):
// a count that changes between two page loads never repeats or skips a
// comment. A real backend can do the same with a reactions table holding
// `created_at` and `removed_at` (soft deletes), or keep a snapshot of the
// order per paging session.

/** A record's own `reactions`: counted elsewhere (seed data); ours add to them. */
const baseCount = (comment) => (Number.isSafeInteger(comment.reactions) && comment.reactions >= 0 ? comment.reactions : 0);
const active = (row, asOf) => row.from <= asOf && (row.to === null || row.to > asOf);

function rowsOf(thread, id) {
  return thread.reactions.get(id) ?? [];
}

/** The comment's count at change number `asOf` (default: now). */
export function countAt(thread, comment, asOf = Infinity) {
  return baseCount(comment) + rowsOf(thread, comment.id).filter((row) => active(row, asOf)).length;
}

export function hasReacted(thread, id, reader) {
  return Boolean(reader) && rowsOf(thread, id).some((row) => row.reader === reader && row.to === null);
}

/** Sets a reader's reaction at change number `sequence`; true if that changed anything. */
export function applyReaction(thread, id, reader, reacted, sequence) {
  const rows = rowsOf(thread, id);
  const current = rows.find((row) => row.reader === reader && row.to === null);
  if (reacted === Boolean(current)) return false;
  if (current) current.to = sequence;
  else rows.push({reader, from: sequence, to: null});
  thread.reactions.set(id, rows);
  return true;
}

/** Records that `pinned` became `value` at change number `sequence`. */
export function recordPinned(thread, comment, value, sequence) {
  const history = thread.pins.get(comment.id) ?? [[0, comment.pinned === true]];
  history.push([sequence, value]);
  thread.pins.set(comment.id, history);
}

function pinnedAt(thread, comment, asOf) {
  let pinned = comment.pinned === true;
  const history = thread.pins.get(comment.id);
  if (history) for (const [sequence, value] of history) if (sequence <= asOf) pinned = value;
  return pinned;
}

/** The comment as sent to `reader`: the current count, whether they reacted, and the flags (default false). */
export function present(thread, comment, reader) {
  return {
    ...comment,
    reactions: countAt(thread, comment),
    reacted: hasReacted(thread, comment.id, reader),
    featured: comment.featured === true,
    pinned: comment.pinned === true,
    // Grows with every change of the comment (its change number): a client drops a change older than what it shows.
    revision: thread.changes.get(comment.id) ?? 0,
  };
}

/**
 * Where a top-level comment goes at change number `asOf`: pinned first, then
 * by `sort` (`reactions`: most first, ties newest first); numbers compared
 * ascending, then the id (the greater first, except `oldest`).
 */
export function placeOf(thread, comment, sort, asOf) {
  const time = Date.parse(comment.createdAt);
  const pinned = pinnedAt(thread, comment, asOf) ? 0 : 1;
  if (sort === 'oldest') return {key: [pinned, Number.isNaN(time) ? Number.MAX_VALUE : time], id: comment.id};
  const newer = Number.isNaN(time) ? Number.MAX_VALUE : -time;
  const key = sort === 'reactions' ? [pinned, -countAt(thread, comment, asOf), newer] : [pinned, newer];
  return {key, id: comment.id};
}

export function compare(a, b, sort) {
  for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i] - b.key[i];
  const direction = sort === 'oldest' ? 1 : -1;
  return a.id < b.id ? -direction : a.id > b.id ? direction : 0;
}

export function encodeCursor(asOf, {key, id}) {
  return Buffer.from(JSON.stringify([asOf, key, id])).toString('base64url');
}

export function decodeCursor(value) {
  try {
    const [asOf, key, id] = JSON.parse(Buffer.from(value, 'base64url').toString());
    if (Number.isFinite(asOf) && Array.isArray(key) && key.every((n) => typeof n === 'number') && typeof id === 'string') return {asOf, key, id};
  } catch {
    // fall through
  }
  return undefined;
}
