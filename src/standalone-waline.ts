/**
 * `dist/article-comments-waline.min.js`: the Waline adapter for pages that
 * load the widget with a script tag. Load it after `article-comments.min.js`;
 * it adds `ArticleComments.WalineAdapter`.
 */
export {WalineAdapter} from './adapters/waline-adapter.js';
