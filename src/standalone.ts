/**
 * The script-tag build (`dist/article-comments.min.js`): Lit, @lit/context,
 * date-fns and all styles in one file. It registers the elements (also
 * `<comment-count>`, so a page with the discussion needs no second file) and puts
 * what a page without a build step needs on `window.ArticleComments`
 * (e.g. `new ArticleComments.RestAdapter({baseUrl})`). The Waline adapter is
 * a separate file, `dist/article-comments-waline.min.js`, loaded after this one.
 */
import './define.js';

export {ArticleComments} from './elements/article-comments/article-comments.js';
export {CommentReply} from './elements/comment-reply/comment-reply.js';
export {CommentReport} from './elements/comment-report/comment-report.js';
export {CommentCount} from './elements/comment-count/comment-count.js';
export {MemoryAdapter} from './adapters/memory-adapter.js';
export {BrowserStorageAdapter} from './adapters/browser-storage-adapter.js';
export {RestAdapter} from './adapters/rest-adapter.js';
// The Waline file takes HttpClient and the error classes from here instead of bundling its own
// copies (see rollup.config.mjs): they stay on `window.ArticleComments`.
export {HttpClient} from './adapters/http.js';
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
