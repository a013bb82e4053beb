/**
 * `dist/article-comments-waline.min.js`: the Waline adapter for pages that
 * load the widget with a script tag. Load it after `article-comments.min.js`;
 * it adds `ArticleComments.WalineAdapter`.
 *
 * The HTTP client and the typed errors are not bundled again but taken from
 * the main file (see rollup.config.mjs), so there is one copy of each error
 * class on the page.
 */
import {HttpClient} from './adapters/http.js';

if (typeof HttpClient !== 'function') {
  throw new Error('article-comments-waline.min.js needs article-comments.min.js, loaded before it.');
}

export {WalineAdapter} from './adapters/waline-adapter.js';
