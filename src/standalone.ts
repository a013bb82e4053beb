/**
 * The script-tag build (`dist/article-comments.min.js`): Lit, @lit/context,
 * date-fns and all styles in one file. It registers both elements and puts
 * the API on `window.ArticleComments` (e.g. `new ArticleComments.MemoryAdapter()`).
 */
export * from './index.js';
