/**
 * What both script-tag builds put on `window.ArticleComments` for pages
 * without a build step (each adds its own: the all-in-one file every class,
 * the module build `load()` for its parts): one list, so the two stay alike.
 */
export {ArticleComments} from './elements/article-comments/article-comments.js';
export {CommentCount} from './elements/comment-count/comment-count.js';
export {MemoryAdapter} from './adapters/memory-adapter.js';
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
} from './adapters/errors.js';
export {ManualClock} from './time/clock.js';
export {defineLocale} from './i18n/locale.js';
