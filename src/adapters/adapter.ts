/**
 * The contract between the widget and a comment backend.
 *
 * An adapter loads a discussion page by page (opaque cursors), posts comments
 * and replies, may find one comment with its ancestors (for permalinks to
 * comments not loaded yet), may take reports of comments (DSA Art. 16), may
 * take readers' reactions ("Empfehlen"), may count the comments of many
 * discussions at once (`<comment-count>`) and may push live updates. Everything it returns is treated as untrusted:
 * records are `unknown` here, and the widget checks each with
 * `parseComments` before it renders anything. An adapter may still
 * declare the `CommentRecord`s it builds itself (a narrower type fits).
 * Failures are thrown as the typed errors in `./errors.ts`.
 */
import type {Quote, Role, SortOrder} from '../model/comment.js';
import type {CommentDataError} from '../model/errors.js';

export interface LoadRequest {
  /** The discussion's id (the element's `thread` attribute). */
  thread: string;
  /** Null for the first page; afterwards the `nextCursor` of the previous page. */
  cursor: string | null;
  /** Order of the top-level comments. Replies are ordered by the widget. */
  sort: SortOrder;
  /** How many top-level comments a page should hold. */
  limit: number;
  /**
   * The reader's stable id (`readerId()`: per browser, not per person), so
   * the backend can say which comments this reader reacted to (`reacted`).
   * Without it every `reacted` is false.
   */
  readerId?: string;
  signal?: AbortSignal;
}

/** Facts about one discussion that the backend decides. */
export interface DiscussionInfo {
  /** No new comments are accepted. */
  closed?: boolean;
  /** The publisher's words on why or until when it is closed, shown with the closed notice (plain text). */
  closedMessage?: string;
  /**
   * ISO 8601: the discussion closes at that moment (posts after it are
   * refused with `ClosedError`); the widget switches to the closed notice
   * then, without a reload.
   */
  closesAt?: string;
  /** The longest comment accepted, in characters (code points). */
  maxLength?: number;
  /** Readers may post without a name. */
  anonymous?: boolean;
  /**
   * `qa`: the discussion is in question mode (top-level comments are
   * questions; a reply by a comment whose `author.role` is `expert` or
   * `staff` answers one). Default `comments`.
   */
  mode?: 'comments' | 'qa';
  /**
   * Only signed-in readers may write (the publisher's login). A reader who
   * is not signed in may still type; instead of "Senden" the composer offers
   * the publisher's login (`login-url`), and the draft waits for the return.
   */
  loginRequired?: boolean;
}

/**
 * The signed-in reader, as the backend knows them (the publisher's account
 * system). Checked with `parseViewer`; a staff badge comes from `role`, never
 * from the name.
 */
export interface Viewer {
  /** The account's id: comments whose `author.id` is this are the reader's own. */
  id: string;
  /** The name comments are published under ("Julia W."). */
  name: string;
  role?: Role;
  /** Where reply notifications go unless the reader gives another address. Only ever shown to this reader. */
  email?: string;
}

export interface CommentPage {
  /**
   * Up to `limit` top-level comments and replies, as records (`CommentRecord`,
   * unchecked). Replies may belong to top-level comments of this page or of
   * earlier pages.
   */
  comments: readonly unknown[];
  /** The cursor of the next page, or null if this was the last. */
  nextCursor: string | null;
  /** How many comments the whole discussion has (all levels), if known. */
  total?: number;
  discussion?: DiscussionInfo;
  /**
   * Who is reading (`Viewer`-shaped, unchecked: see `parseViewer`): null when
   * nobody is signed in; absent when the backend does not say (readers are
   * then told apart by name only).
   */
  viewer?: unknown;
}

export interface PostRequest {
  thread: string;
  parentId: string | null;
  author: {name: string};
  body: string;
  quote: Quote | null;
  /**
   * Stays the same for every retry of one draft: a backend that sees the same
   * key twice must store the comment once and answer with the stored one.
   */
  idempotencyKey: string;
  /**
   * The reader wants an e-mail when someone answers (only where
   * `capabilities.notifications`): to `email`, or, when it is '', to the
   * signed-in reader's own address. Null or absent: no notifications.
   */
  notify?: {email: string} | null;
  signal?: AbortSignal;
}

/** A reader changes the text of their own comment. */
export interface EditRequest {
  thread: string;
  commentId: string;
  body: string;
  /** The same for every retry of one edit: stored once. */
  idempotencyKey: string;
  signal?: AbortSignal;
}

/** A reader deletes their own comment, or takes the deletion back (`restore`). */
export interface DeleteRequest {
  thread: string;
  commentId: string;
  signal?: AbortSignal;
}

/** A reader turns reply notifications for their own comment on or off. */
export interface NotifyRequest {
  thread: string;
  commentId: string;
  enabled: boolean;
  /** Turning on: the address, or '' for the signed-in reader's own. */
  email: string;
  signal?: AbortSignal;
}

export interface LocateRequest {
  thread: string;
  id: string;
  signal?: AbortSignal;
}

/** Why a reader reports a comment. */
export type ReportReason = 'offensive' | 'spam' | 'misinformation' | 'netiquette' | 'illegal';

/** DSA Art. 16(2): only with reason 'illegal'. */
export interface IllegalContentNotice {
  /** Absolute URL of the reported comment (its permalink). */
  permalink: string;
  /** Up to 5 further http(s) URLs. */
  urls: string[];
  /** Required unless childAbuse. May be ''. */
  name: string;
  /** Required unless childAbuse. May be ''. */
  email: string;
  /** The report concerns depictions of child sexual abuse (name and e-mail optional). */
  childAbuse: boolean;
  /** The reader confirmed in good faith (must be true). */
  goodFaith: boolean;
}

export interface ReportRequest {
  thread: string;
  commentId: string;
  reason: ReportReason;
  /** reason 'illegal': the required explanation (≤ 1,000 chars); else the optional "Zusätzliche Informationen" (≤ 500). Characters = code points. */
  details: string;
  notice: IllegalContentNotice | null;
  /** Same for every retry of one report: stored once. */
  idempotencyKey: string;
  signal?: AbortSignal;
}

/** What the backend confirms (Art. 16(4)): its reference and when it received the report (ISO 8601). The widget treats the answer as unknown and checks it. */
export interface ReportReceipt {
  id: string;
  receivedAt: string;
}

/**
 * A reader's reaction to a comment, as the state wanted (not a toggle): a
 * retry or a double click sends the same state again and never counts twice.
 */
export interface ReactRequest {
  thread: string;
  commentId: string;
  /** The reader's stable id (`readerId()`); one reaction per reader and comment. */
  readerId: string;
  /** True: the reader reacts; false: takes the reaction back. */
  reacted: boolean;
  signal?: AbortSignal;
}

/** A comment's reactions after a change, for the reader who asked. Checked with `parseReactionState`. */
export interface ReactionState {
  reactions: number;
  reacted: boolean;
}

/** The discussions whose published comments (all levels) are counted. */
export interface CountsRequest {
  threads: string[];
  signal?: AbortSignal;
}

/**
 * A change pushed by the backend while the page is open. `changed` replaces
 * a comment the widget knows (an edit, a removal by moderation) and adds one
 * it does not know, so a backend that cannot tell the two apart sends
 * `changed`. A comment whose reactions, `featured` or `pinned` changed comes
 * as `changed` too; its `reacted` is for the reader of the discussion's last
 * `load()` through this adapter. `discussion` carries the discussion's facts after it closed,
 * reopened or changed its closing time (the whole `DiscussionInfo`, not a
 * difference).
 */
export type LiveUpdate =
  | {type: 'added'; comment: unknown}
  | {type: 'changed'; comment: unknown}
  | {type: 'discussion'; discussion: DiscussionInfo};

/** What a backend can do; every field is optional and has a default. */
export interface AdapterCapabilities {
  /** Readers may post without a name. Default false. */
  anonymous: boolean;
  /** Longest comment accepted. Default 2,000. */
  maxLength: number;
  /** Sort orders the backend can page by. Default `newest` and `oldest`; `reactions` only where listed. */
  sorts: readonly SortOrder[];
  /** Whether `subscribe` delivers live updates. */
  live: boolean;
  /** Whether `report` takes reports of comments. Default false; true only where `report` is implemented and works. */
  report: boolean;
  /** Whether `react` takes readers' reactions ("Empfehlen"). Default false. */
  reactions: boolean;
  /**
   * Whether `counts` takes many discussions in one request (`<comment-count>`
   * fills a page of teasers with one call). Default false: `counts`, where
   * present, may cost a request per discussion.
   */
  counts: boolean;
  /**
   * Whether `edit` changes a reader's own comments. Default false. Each
   * comment's `editableUntil` (sent to its author) says until when.
   */
  edit: boolean;
  /** Whether `delete` deletes a reader's own comments. Default false. Undo needs `restore` too. */
  delete: boolean;
  /** Whether posts take `notify` and `notify()` turns reply notifications on and off. Default false. */
  notifications: boolean;
  /**
   * Whether readers who are not signed in may delete (and stop notifications of) what this browser
   * posted. Default false: only signed-in authors (`author.id`) may. (Editing follows each
   * comment's `editableUntil`, which a backend sends only to an author it recognises.)
   */
  anonymousAuthors: boolean;
}

export interface CommentAdapter {
  readonly capabilities?: Partial<AdapterCapabilities>;
  /** Loads one page of a discussion. */
  load(request: LoadRequest): Promise<CommentPage>;
  /** Stores a comment or reply and returns its record as stored (server id and time). */
  post(request: PostRequest): Promise<unknown>;
  /**
   * Finds one comment and all its ancestors, for a permalink to a comment
   * that is not on a loaded page. Rejects with `NotFoundError` if it is gone.
   */
  locate?(request: LocateRequest): Promise<readonly unknown[]>;
  /**
   * Takes a reader's report of a comment and resolves to the backend's
   * receipt (`ReportReceipt`-shaped, unchecked: see `parseReceipt`). Refused
   * reports reject with `ValidationError` (fields as in `validateReport`), a
   * missing comment with `NotFoundError`. Only called when
   * `capabilities.report` is true.
   */
  report?(request: ReportRequest): Promise<unknown>;
  /**
   * Sets a reader's reaction to a comment to `request.reacted` (idempotent:
   * the same state again changes nothing) and resolves to the comment's
   * state after it (`ReactionState`-shaped, unchecked: see
   * `parseReactionState`). A missing comment rejects with `NotFoundError`.
   * Allowed in closed discussions. Only called when `capabilities.reactions`
   * is true.
   */
  react?(request: ReactRequest): Promise<unknown>;
  /**
   * Counts the published comments (all levels) of each discussion: resolves
   * to `{[thread]: number}` (unchecked: see `parseCounts`), 0 for a
   * discussion without comments.
   */
  counts?(request: CountsRequest): Promise<unknown>;
  /**
   * Changes the text of the reader's own comment and resolves to the record
   * as stored (`editedAt` set). Refused: `ForbiddenError` with reason
   * `expired` (its `editableUntil` has passed), `login` or `not-allowed`;
   * `ValidationError` for the text; `NotFoundError`. Only called when
   * `capabilities.edit` is true.
   */
  edit?(request: EditRequest): Promise<unknown>;
  /**
   * Deletes the reader's own comment: resolves to its record with status
   * `deleted` (its replies stay). The author's copy may carry
   * `restorableUntil`: until then `restore` takes it back. Only called when
   * `capabilities.delete` is true.
   */
  delete?(request: DeleteRequest): Promise<unknown>;
  /** Takes a deletion back while `restorableUntil` has not passed; resolves to the record as before. Else `ForbiddenError` (`expired`). */
  restore?(request: DeleteRequest): Promise<unknown>;
  /** Turns reply notifications for the reader's own comment on or off; resolves to the comment's record (`notify` as now). */
  notify?(request: NotifyRequest): Promise<unknown>;
  /**
   * Tells `onChange` whenever the reader signs in or out (in another tab,
   * their session ended): `Viewer`-shaped or null, unchecked (see
   * `parseViewer`). Returns a function that stops it. Without it the viewer
   * is what the last page said.
   */
  watchViewer?(onChange: (viewer: unknown) => void): () => void;
  /** Starts live updates for a discussion; returns a function that stops them. */
  subscribe?(thread: string, onUpdate: (update: LiveUpdate) => void): () => void;
  /**
   * The first page came from the publisher's server (server rendering), not
   * from `load`: `page` is that answer as the backend gave it. An adapter
   * that learns from its first page (the REST adapter's change token, from
   * which live updates start) learns it here.
   */
  resume?(request: {thread: string; page: unknown; readerId?: string}): void;
  /** Problems the adapter found in data it holds (e.g. a MemoryAdapter's seed); the widget reports them. */
  readonly dataErrors?: readonly CommentDataError[];
}
