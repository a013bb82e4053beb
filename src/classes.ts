/**
 * Everything the package offers, without registering any tag: import from
 * `article-comments/classes` to register the elements under names of your
 * own or in a scoped registry.
 */
export {ArticleComments} from './elements/article-comments/article-comments.js';
export {CommentReply} from './elements/comment-reply/comment-reply.js';
export {CommentCount} from './elements/comment-count/comment-count.js';
export {CommentReport} from './elements/comment-report/comment-report.js';
// Languages: add one of your own (docs/locales.md).
export {defineLocale, type Catalogue, type Locale} from './i18n/locale.js';
export type {
  AdapterCapabilities,
  CommentAdapter,
  CommentPage,
  CountsRequest,
  DeleteRequest,
  DiscussionInfo,
  EditRequest,
  IllegalContentNotice,
  NotifyRequest,
  Viewer,
  LiveUpdate,
  LoadRequest,
  LocateRequest,
  PostRequest,
  ReactionState,
  ReactRequest,
  ReportReason,
  ReportReceipt,
  ReportRequest,
} from './adapters/adapter.js';
export {
  AbortedError,
  AdapterError,
  ClosedError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
  toAdapterError,
  type AdapterErrorKind,
  type ForbiddenReason,
} from './adapters/errors.js';
export {BrowserStorageAdapter, type BrowserStorageAdapterOptions} from './adapters/browser-storage-adapter.js';
export {HttpClient, type HttpOptions, type HttpRequest} from './adapters/http.js';
export {htmlToText} from './adapters/html-to-text.js';
export type {Closing} from './adapters/closing.js';
export {MemoryAdapter, type MemoryAdapterOptions} from './adapters/memory-adapter.js';
export type {StoredReport} from './adapters/report-book.js';
export {RestAdapter, type RestAdapterOptions} from './adapters/rest-adapter.js';
export {WalineAdapter, type WalineAdapterOptions} from './adapters/waline-adapter.js';
export {adapterContext, discussionContext, type DiscussionState} from './context.js';
export type {Mail} from './adapters/own-book.js';
export {parseViewer, isEmail} from './model/viewer.js';
export {
  CommentChangedEvent,
  CommentEditCancelEvent,
  ViewerChangeEvent,
  CommentPostFailedEvent,
  CommentPostedEvent,
  CommentReplyCancelEvent,
  CommentReportCloseEvent,
  CommentReportEvent,
  CommentReportFailedEvent,
  CommentSendEvent,
  CommentsDataErrorEvent,
  CommentsLoadFailedEvent,
  CommentsLoadedEvent,
  CommentsRenderedEvent,
  type ArticleCommentsEventMap,
  type SentReport,
} from './events.js';
export type {Comment, CommentDraft, CommentRecord, Quote, Role, SortOrder, Status} from './model/comment.js';
export {CommentDataError, type DataErrorCode} from './model/errors.js';
export {parseComments, type ParseResult} from './model/parse.js';
export {compareTopLevel, type OrderValues} from './model/order.js';
export {parseCounts, parseReactionState} from './model/reactions.js';
export {readerId} from './drafts/reader-id.js';
export {
  ILLEGAL_EXPLANATION_MAX,
  MAX_FURTHER_URLS,
  REPORT_DETAILS_MAX,
  REPORT_REASONS,
  parseReceipt,
  validateReport,
  type ReportField,
  type ReportFieldErrors,
  type ReportInput,
} from './model/report.js';
export {ThreadTree, buildThread, type NodeView, type ThreadNode} from './model/thread-tree.js';
export {validateDraft, type FieldErrors} from './model/validate.js';
export {ManualClock, SystemClock, systemClock, type Clock} from './time/clock.js';
export {formatFullDate, formatRelative} from './time/relative-time.js';
