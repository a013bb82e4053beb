/**
 * The all-in-one script-tag build (`dist/article-comments.min.js`, a classic
 * script): Lit, @lit/context, all styles and every part in one
 * file (the parts other builds load on demand are inside; see parts.ts). It
 * registers the elements (also `<comment-count>`, so a page with the
 * discussion needs no second file) and puts what a page without a build step
 * needs on `window.ArticleComments` (e.g. `new ArticleComments.RestAdapter({baseUrl})`,
 * or `await ArticleComments.load('rest')` as with the module build). The
 * Waline adapter is a separate file, `dist/article-comments-waline.min.js`,
 * loaded after this one.
 */
import './define.js';
import {partLoader} from './parts.js';

export * from './script-api.js';
export {CommentReply} from './elements/comment-reply/comment-reply.js';
export {CommentReport} from './elements/comment-report/comment-report.js';
export {BrowserStorageAdapter} from './adapters/browser-storage-adapter.js';
export {RestAdapter} from './adapters/rest-adapter.js';
// The Waline file takes HttpClient and the error classes from here instead of bundling its own
// copies (see rollup.config.mjs): they stay on `window.ArticleComments`.
export {HttpClient} from './adapters/http.js';

/** A part's classes, as in the module build; here every part is inside already, the Waline adapter comes from its own file. */
export const load = partLoader(async () => {
  const WalineAdapter = (globalThis as typeof globalThis & {ArticleComments?: {WalineAdapter?: unknown}}).ArticleComments?.WalineAdapter;
  if (typeof WalineAdapter !== 'function') {
    throw new Error('ArticleComments.load("waline") needs dist/article-comments-waline.min.js, loaded after article-comments.min.js.');
  }
  return {WalineAdapter: WalineAdapter as typeof import('./adapters/waline-adapter.js').WalineAdapter};
});
