/**
 * The events the elements fire, as typed classes. All bubble and are
 * composed, so a page can listen on the element or any ancestor.
 */
import type {ReportReceipt, ReportRequest, Viewer} from './adapters/adapter.js';
import type {AdapterError} from './adapters/errors.js';
import type {CommentDraft, CommentRecord} from './model/comment.js';
import type {CommentDataError} from './model/errors.js';

const init = {bubbles: true, composed: true};

/**
 * `comment-send`: a valid draft is about to be posted. Cancelable: call
 * `preventDefault()` to stop it (e.g. to ask the reader to log in first).
 */
export class CommentSendEvent extends Event {
  static readonly eventName = 'comment-send';
  constructor(readonly draft: Readonly<CommentDraft>) {
    super(CommentSendEvent.eventName, {...init, cancelable: true});
  }
}

/** `comment-posted`: the backend stored a comment; `comment` is the stored record. */
export class CommentPostedEvent extends Event {
  static readonly eventName = 'comment-posted';
  constructor(
    readonly comment: CommentRecord,
    readonly thread: string
  ) {
    super(CommentPostedEvent.eventName, init);
  }
}

/** `comment-post-failed`: posting failed; the reader's text is kept in the form. */
export class CommentPostFailedEvent extends Event {
  static readonly eventName = 'comment-post-failed';
  constructor(
    readonly error: AdapterError,
    readonly draft: Readonly<CommentDraft>
  ) {
    super(CommentPostFailedEvent.eventName, init);
  }
}

/** `comment-reply-cancel`: the reader closed a reply form (Escape or "Abbrechen"). */
export class CommentReplyCancelEvent extends Event {
  static readonly eventName = 'comment-reply-cancel';
  constructor(readonly parentId: string | null) {
    super(CommentReplyCancelEvent.eventName, init);
  }
}

/** `comments-loaded`: a page of the discussion arrived. */
export class CommentsLoadedEvent extends Event {
  static readonly eventName = 'comments-loaded';
  constructor(
    /** Comments shown now, at all levels. */
    readonly loaded: number,
    readonly hasMore: boolean
  ) {
    super(CommentsLoadedEvent.eventName, init);
  }
}

/**
 * `comments-rendered`: everything loaded so far is in the DOM. Long pages are
 * rendered in steps (the first screen first); this fires after the last.
 */
export class CommentsRenderedEvent extends Event {
  static readonly eventName = 'comments-rendered';
  constructor(
    /** Comments in the DOM, at all levels. */
    readonly rendered: number
  ) {
    super(CommentsRenderedEvent.eventName, init);
  }
}

/** `comments-load-failed`: loading a page failed; the widget shows a retry button. */
export class CommentsLoadFailedEvent extends Event {
  static readonly eventName = 'comments-load-failed';
  constructor(readonly error: AdapterError) {
    super(CommentsLoadFailedEvent.eventName, init);
  }
}

/** `comments-data-error`: records were dropped or repaired; see `errors`. */
export class CommentsDataErrorEvent extends Event {
  static readonly eventName = 'comments-data-error';
  constructor(readonly errors: readonly CommentDataError[]) {
    super(CommentsDataErrorEvent.eventName, init);
  }
}

/** A report as it was sent: everything but the abort signal. */
export type SentReport = Omit<ReportRequest, 'signal'>;

/**
 * `comment-report`: the backend stored a reader's report of a comment;
 * `request` is what was sent, `receipt` the backend's reference and time
 * received. A publisher without a backend of its own (memory, browser
 * storage) can forward it from here.
 */
export class CommentReportEvent extends Event {
  static readonly eventName = 'comment-report';
  constructor(
    readonly request: Readonly<SentReport>,
    readonly receipt: Readonly<ReportReceipt>
  ) {
    super(CommentReportEvent.eventName, init);
  }
}

/** `comment-report-failed`: sending a report failed; everything the reader gave stays in the dialog. */
export class CommentReportFailedEvent extends Event {
  static readonly eventName = 'comment-report-failed';
  constructor(
    readonly error: AdapterError,
    readonly request: Readonly<SentReport>
  ) {
    super(CommentReportFailedEvent.eventName, init);
  }
}

/**
 * `comment-report-close`: the report dialog closed (Escape, "Abbrechen",
 * "Schließen" or `close()`). The opener returns focus; `receipt` is the
 * stored report of the comment, or null when none was sent.
 */
export class CommentReportCloseEvent extends Event {
  static readonly eventName = 'comment-report-close';
  constructor(
    readonly commentId: string,
    readonly receipt: Readonly<ReportReceipt> | null
  ) {
    super(CommentReportCloseEvent.eventName, init);
  }
}

/** Every event of the package by name, for typed listeners. */
/**
 * `comment-edited`, `comment-deleted`, `comment-restored`: the backend
 * changed the reader's own comment; `comment` is the record as stored now.
 */
export class CommentChangedEvent extends Event {
  constructor(
    type: 'comment-edited' | 'comment-deleted' | 'comment-restored',
    readonly comment: unknown,
    readonly thread: string
  ) {
    super(type, init);
  }
}

/** `comment-edit-cancel`: the reader closed the form that edits their comment `commentId` (the edit stays saved as a draft). */
export class CommentEditCancelEvent extends Event {
  static readonly eventName = 'comment-edit-cancel';
  constructor(readonly commentId: string) {
    super(CommentEditCancelEvent.eventName, init);
  }
}

/** `viewer-change`: the reader signed in or out (`viewer` null); the widget follows by itself. */
export class ViewerChangeEvent extends Event {
  static readonly eventName = 'viewer-change';
  constructor(readonly viewer: Readonly<Viewer> | null) {
    super(ViewerChangeEvent.eventName, init);
  }
}

export interface ArticleCommentsEventMap {
  'comment-send': CommentSendEvent;
  'comment-posted': CommentPostedEvent;
  'comment-post-failed': CommentPostFailedEvent;
  'comment-reply-cancel': CommentReplyCancelEvent;
  'comments-loaded': CommentsLoadedEvent;
  'comments-rendered': CommentsRenderedEvent;
  'comments-load-failed': CommentsLoadFailedEvent;
  'comments-data-error': CommentsDataErrorEvent;
  'comment-report': CommentReportEvent;
  'comment-report-failed': CommentReportFailedEvent;
  'comment-report-close': CommentReportCloseEvent;
  'comment-edited': CommentChangedEvent;
  'comment-deleted': CommentChangedEvent;
  'comment-restored': CommentChangedEvent;
  'viewer-change': ViewerChangeEvent;
  'comment-edit-cancel': CommentEditCancelEvent;
}

declare global {
  // The events are composed and bubble: typed on elements and on the document.
  interface HTMLElementEventMap extends ArticleCommentsEventMap {}
  interface DocumentEventMap extends ArticleCommentsEventMap {}
}
