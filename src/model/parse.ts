/**
 * Checks untrusted comment records and turns them into `Comment`s.
 *
 * Nothing here throws on bad data. Each problem becomes a `CommentDataError`
 * and the record is repaired where that is honest (an unknown role becomes
 * "reader", an unreadable date is shown as unknown) or dropped where it is not
 * (no id, not an object, a second comment with the same id).
 */
import {ROLES, STATUSES, type Comment, type CommentRecord, type Quote, type Role, type Status} from './comment.js';
import {CommentDataError} from './errors.js';
import {isRecord} from './is-record.js';

export interface ParseResult {
  comments: Comment[];
  errors: CommentDataError[];
  /** For each comment kept, the position of its record in the input. */
  indexOf: Map<string, number>;
}

/** ISO 8601 date or date-time, with an optional zone. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** The range of a JavaScript Date: ±100,000,000 days around 1970. */
const MAX_TIME = 8.64e15;

/** Reads an ISO 8601 string (or epoch ms) as epoch ms; undefined if it is neither. */
export function parseDate(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) <= MAX_TIME ? value : undefined;
  if (typeof value !== 'string' || !ISO_8601.test(value.trim())) return undefined;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? undefined : time;
}

/** An id as a non-empty string (numbers are read as strings), or undefined. */
export function readId(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The id of a record as the backend sent it (unchecked otherwise), or undefined. */
export function recordId(record: unknown): string | undefined {
  return isRecord(record) ? readId(record.id) : undefined;
}

/** Checks one record. Returns undefined when it cannot be shown at all. */
function parseRecord(
  record: unknown,
  index: number,
  report: (error: CommentDataError) => void,
  structureOnly: boolean
): Comment | undefined {
  if (!isRecord(record)) {
    report(new CommentDataError('not-an-object', `Entry ${index} is not an object.`, {index}));
    return undefined;
  }
  const id = readId(record.id);
  if (id === undefined) {
    report(new CommentDataError('missing-field', `Entry ${index} has no id.`, {index, field: 'id'}));
    return undefined;
  }
  const at = {commentId: id, index};
  const problem = (code: 'missing-field' | 'invalid-field' | 'invalid-date', field: string, what: string) =>
    structureOnly || report(new CommentDataError(code, `Comment "${id}": ${what}`, {...at, field}));
  let readable = true;

  let parentId: string | null = null;
  if (record.parentId !== undefined && record.parentId !== null) {
    parentId = readId(record.parentId) ?? null;
    if (parentId === null) problem('invalid-field', 'parentId', 'parentId must be a string or null; shown at the top level.');
  }
  if (parentId === id) {
    report(new CommentDataError('reply-cycle', `Comment "${id}" answers itself; shown at the top level.`, at));
    parentId = null;
  }

  let status: Status = 'published';
  if (record.status !== undefined && record.status !== null) {
    if (STATUSES.includes(record.status as Status)) {
      status = record.status as Status;
    } else {
      problem('invalid-field', 'status', `unknown status ${JSON.stringify(record.status)}; its text is hidden.`);
      readable = false;
    }
  }

  // Counts and staff flags place a comment too (sorting by reactions, pinned first).
  const reactions = record.reactions ?? 0;
  const countOk = typeof reactions === 'number' && Number.isSafeInteger(reactions) && reactions >= 0;
  if (!countOk) problem('invalid-field', 'reactions', `reactions ${JSON.stringify(record.reactions)} is not a count; shown as 0.`);
  const flag = (name: 'reacted' | 'featured' | 'pinned'): boolean => {
    const value = record[name] ?? false;
    if (typeof value === 'boolean') return value;
    // Never guess a badge: only `true` sets a flag.
    problem('invalid-field', name, `${name} must be true or false; read as false.`);
    return false;
  };
  const counts = {reactions: countOk ? (reactions as number) : 0, reacted: flag('reacted'), featured: flag('featured'), pinned: flag('pinned')};
  // What its author may still do: a date that cannot be read allows nothing.
  const until = (name: 'editableUntil' | 'restorableUntil'): number | null => {
    const value = record[name];
    if (value === undefined || value === null) return null;
    const time = parseDate(value);
    if (time === undefined) problem('invalid-date', name, `${name} ${JSON.stringify(value)} is not an ISO 8601 date; not allowed.`);
    return time ?? null;
  };
  const revisionOk = record.revision === undefined || record.revision === null || (Number.isSafeInteger(record.revision) && (record.revision as number) >= 0);
  if (!revisionOk) problem('invalid-field', 'revision', `revision ${JSON.stringify(record.revision)} is not a count; ignored.`);
  const own = {
    editableUntil: until('editableUntil'),
    restorableUntil: until('restorableUntil'),
    notify: typeof record.notify === 'boolean' ? record.notify : null,
    revision: revisionOk && typeof record.revision === 'number' ? record.revision : null,
  };
  // The account behind a comment decides whose own it is: a value that is not an id is none.
  const authorId = isRecord(record.author) ? (readId(record.author.id) ?? null) : null;

  if (structureOnly) {
    const createdAt = parseDate(record.createdAt) ?? null;
    return {id, parentId, author: {name: '', role: 'reader', id: authorId}, body: '', quote: null, createdAt, editedAt: null, status, readable, ...counts, ...own};
  }

  let name = '';
  let role: Role = 'reader';
  if (!isRecord(record.author)) {
    if (status === 'published') problem('missing-field', 'author', 'author is missing.');
  } else {
    if (typeof record.author.name === 'string' && record.author.name.trim() !== '') {
      name = record.author.name.trim();
    } else if (status === 'published') {
      problem('missing-field', 'author.name', 'author.name is missing.');
    }
    const rawRole = record.author.role;
    if (rawRole !== undefined && rawRole !== null) {
      if (ROLES.includes(rawRole as Role)) {
        role = rawRole as Role;
      } else {
        // Never guess a badge: an unknown role is a reader.
        problem('invalid-field', 'author.role', `unknown role ${JSON.stringify(rawRole)}; shown as a reader.`);
      }
    }
  }

  let body = '';
  if (typeof record.body === 'string') {
    body = record.body;
  } else if (status === 'published' || status === 'pending' || status === 'rejected') {
    // These show their text (a pending or rejected one to its author).
    problem(record.body === undefined ? 'missing-field' : 'invalid-field', 'body', 'body must be a string; its text cannot be shown.');
    readable = false;
  }

  let quote: Quote | null = null;
  if (record.quote !== undefined && record.quote !== null) {
    const raw = record.quote;
    if (isRecord(raw) && typeof raw.text === 'string' && raw.text.trim() !== '') {
      const source = readId(raw.source);
      if (source === undefined) problem('invalid-field', 'quote.source', 'quote.source must be "article" or a comment id.');
      quote = {text: raw.text, source: source ?? ''};
    } else {
      problem('invalid-field', 'quote', 'quote must be an object with a text; the quote is left out.');
    }
  }

  const createdAt = parseDate(record.createdAt);
  if (createdAt === undefined) {
    if (record.createdAt === undefined) problem('missing-field', 'createdAt', 'createdAt is missing.');
    else problem('invalid-date', 'createdAt', `createdAt ${JSON.stringify(record.createdAt)} is not an ISO 8601 date.`);
  }
  let editedAt: number | null = null;
  if (record.editedAt !== undefined && record.editedAt !== null) {
    editedAt = parseDate(record.editedAt) ?? null;
    if (editedAt === null) problem('invalid-date', 'editedAt', `editedAt ${JSON.stringify(record.editedAt)} is not an ISO 8601 date.`);
  }

  return {id, parentId, author: {name, role, id: authorId}, body, quote, createdAt: createdAt ?? null, editedAt, status, readable, ...counts, ...own};
}

/**
 * Checks `input` (an array of records) against the comments already `known`.
 * Returns the new comments, with reply cycles broken, and every problem found.
 */
export function parseComments(
  input: unknown,
  known: ReadonlyMap<string, Comment> = new Map(),
  options: {
    /**
     * Reads only what places a comment in the thread (id, parent, time,
     * status) and reports only problems with that: for a store that pages
     * the records and leaves checking the rest to whoever shows them.
     */
    structureOnly?: boolean;
  } = {}
): ParseResult {
  const errors: CommentDataError[] = [];
  const report = (error: CommentDataError) => errors.push(error);
  if (!Array.isArray(input)) {
    report(new CommentDataError('invalid-json', 'A discussion must be an array of comments.'));
    return {comments: [], errors, indexOf: new Map()};
  }
  const fresh = new Map<string, Comment>();
  const indexOf = new Map<string, number>();
  input.forEach((record, index) => {
    const comment = parseRecord(record, index, report, options.structureOnly ?? false);
    if (!comment) return;
    if (known.has(comment.id) || fresh.has(comment.id)) {
      report(
        new CommentDataError('duplicate-id', `Comment id "${comment.id}" is used twice; the first one is kept.`, {
          commentId: comment.id,
          index,
        })
      );
      return;
    }
    fresh.set(comment.id, comment);
    indexOf.set(comment.id, index);
  });
  breakCycles(fresh, known, report);
  return {comments: [...fresh.values()], errors, indexOf};
}

/**
 * Whether a record from an adapter passes the full check without a problem,
 * for code that hands it on as a `CommentRecord` (e.g. in an event). Its `id`
 * and `createdAt` may still be in the number forms the format also accepts.
 */
export function isCommentRecord(value: unknown): value is CommentRecord {
  const {comments, errors} = parseComments([value]);
  return comments.length === 1 && errors.length === 0;
}

/**
 * Follows each new comment's chain of parents. A chain that comes back to a
 * comment already on it is a cycle: it is broken by making the first comment
 * of the cycle (in input order) a top-level comment.
 */
function breakCycles(
  fresh: Map<string, Comment>,
  known: ReadonlyMap<string, Comment>,
  report: (error: CommentDataError) => void
): void {
  const lookup = (id: string) => fresh.get(id) ?? known.get(id);
  const settled = new Set<string>();
  // Reused for every walk: a discussion of 10,000 comments makes 10,000 walks.
  const path: Comment[] = [];
  const onPath = new Set<string>();
  for (const start of fresh.values()) {
    path.length = 0;
    onPath.clear();
    let current: Comment | undefined = start;
    while (current && !settled.has(current.id)) {
      if (onPath.has(current.id)) {
        const cycle = path.slice(path.findIndex((c) => c.id === current!.id));
        // The first of the new comments on the circle (comments already shown stay as they are).
        const order = [...fresh.keys()];
        const first = cycle
          .filter((comment) => fresh.has(comment.id))
          .reduce((a, b) => (order.indexOf(a.id) <= order.indexOf(b.id) ? a : b));
        report(
          new CommentDataError(
            'reply-cycle',
            `Comments ${cycle.map((c) => `"${c.id}"`).join(', ')} answer each other in a circle; "${first.id}" is shown at the top level.`,
            {commentId: first.id}
          )
        );
        first.parentId = null;
        break;
      }
      onPath.add(current.id);
      path.push(current);
      current = current.parentId === null ? undefined : lookup(current.parentId);
    }
    for (const comment of path) settled.add(comment.id);
  }
}
