/**
 * The comment format: what publishers write from their servers (the wire
 * format, `CommentRecord`) and what the widget works with once a record has
 * been checked (`Comment`).
 */

/** Who wrote a comment. Every role but `reader` gets a badge; in question mode a reply by `expert` or `staff` answers the question. */
export type Role = 'reader' | 'staff' | 'author' | 'expert';

/**
 * `pending`, `deleted` and `removed` comments show a placeholder and keep
 * their replies. `rejected`: moderation refused the comment; a backend sends
 * it only to its author (others never see it), so the author learns why it
 * does not appear.
 */
export type Status = 'published' | 'pending' | 'deleted' | 'removed' | 'rejected';

/**
 * Top-level comments are sorted by this; replies are always oldest first.
 * `reactions`: most reactions first; ties newest first, then by id (the
 * greater first, as with `newest`). In every order, backends list pinned
 * top-level comments first.
 */
export type SortOrder = 'newest' | 'oldest' | 'reactions';

export const ROLES: readonly Role[] = ['reader', 'staff', 'author', 'expert'];
export const STATUSES: readonly Status[] = ['published', 'pending', 'deleted', 'removed', 'rejected'];
/** The orders an adapter pages by when its `capabilities.sorts` says nothing (`reactions` only where listed). */
export const SORT_ORDERS: readonly SortOrder[] = ['newest', 'oldest'];
/** Longest comment accepted, in characters, unless the backend or the publisher says otherwise. */
export const DEFAULT_MAX_LENGTH = 2000;

/** A quoted passage: from the article, or from another comment (by its id). */
export interface Quote {
  text: string;
  /** `"article"`, or the id of the quoted comment. */
  source: string;
}

/** One comment as JSON, the way a backend sends it. See docs/comment-format.md. */
export interface CommentRecord {
  id: string;
  /** The id of the comment this one answers; null or absent for a top-level comment. */
  parentId?: string | null;
  /**
   * `id`: the account of a signed-in author (a `Viewer`'s id); the reader
   * with that id sees the comment as their own.
   */
  author: {name: string; role?: Role; id?: string | null};
  /** Plain text. A blank line starts a new paragraph. */
  body: string;
  quote?: Quote | null;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601, or null. */
  editedAt?: string | null;
  status?: Status;
  /** How many readers reacted ("Empfehlen"): an integer ≥ 0. Default 0. */
  reactions?: number;
  /** Whether the reader the page was loaded for (`LoadRequest.readerId`) reacted. Default false. */
  reacted?: boolean;
  /** An editors' pick: set by the publisher's staff only, never by readers. Default false. */
  featured?: boolean;
  /** Shown first ("Angeheftet"): set by staff only. Default false. */
  pinned?: boolean;
  /** ISO 8601: until when its author may still change it ("Bearbeiten"). Sent to the author only; absent: not editable. */
  editableUntil?: string | null;
  /** ISO 8601, on a `deleted` comment sent to its author: until when the deletion can be taken back. */
  restorableUntil?: string | null;
  /** Sent to the author only: whether they get an e-mail when someone answers. */
  notify?: boolean;
  /**
   * An integer ≥ 0 that grows with every change of the comment (an edit, a
   * deletion, a count): a change that arrives late, after a newer one, is
   * ignored rather than shown. Absent: every change is taken as it comes.
   */
  revision?: number;
}

/** A comment after checking: every field present and typed. */
export interface Comment {
  id: string;
  parentId: string | null;
  author: {name: string; role: Role; id: string | null};
  body: string;
  quote: Quote | null;
  /** Epoch ms, or null when the record's date could not be read. */
  createdAt: number | null;
  editedAt: number | null;
  status: Status;
  /** False when the text cannot be shown (no body, unknown status): a placeholder stands in. */
  readable: boolean;
  reactions: number;
  reacted: boolean;
  featured: boolean;
  pinned: boolean;
  /** Epoch ms until which the author may edit it; null: not (any more) editable. */
  editableUntil: number | null;
  /** Epoch ms until which a deletion can be undone; null: not. */
  restorableUntil: number | null;
  /** Reply notifications for its author: on, off, or null where the record does not say (a copy for anyone but its author). */
  notify: boolean | null;
  /** See `CommentRecord.revision`; null when the record has none. */
  revision: number | null;
}

/** What a reader submits: a new comment or a reply. */
export interface CommentDraft {
  thread: string;
  parentId: string | null;
  author: {name: string};
  body: string;
  quote: Quote | null;
}
