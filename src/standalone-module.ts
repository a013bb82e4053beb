/**
 * The script-tag module build (`dist/cdn/article-comments.js`, loaded with
 * `<script type="module">`): what a reader who only reads needs. It registers
 * `<article-comments>` and `<comment-count>` and puts the API on
 * `window.ArticleComments` for pages without a build step.
 *
 * Everything else is a file beside it, loaded when needed (see parts.ts):
 * the composer, the report dialog, the REST adapter, browser storage, and
 * the Waline adapter; `ArticleComments.load(name)` hands a page their
 * classes (e.g. `const {RestAdapter} = await ArticleComments.load('rest')`).
 */
import './elements/article-comments/define.js';
import './elements/comment-count/define.js';
import {partLoader} from './parts.js';
import * as common from './script-api.js';

export * from './script-api.js';

/** A part's classes, once its file is in: `composer`, `report`, `rest`, `storage` or `waline`. */
export const load = partLoader(async () => {
  const {WalineAdapter} = await import('./adapters/waline-adapter.js');
  return {WalineAdapter};
});

// Added to what is there: `dist/comment-count.min.js` may have been loaded first.
const global = globalThis as typeof globalThis & {ArticleComments?: Record<string, unknown>};
global.ArticleComments = Object.assign(global.ArticleComments ?? {}, common, {load});
