/**
 * `dist/comment-count.min.js`: `<comment-count>` alone, for pages that only
 * list articles (under 3 KB gzip: no Lit, no adapters, a `fetch` of its
 * own). The main file registers `<comment-count>` too, so a page with the
 * discussion needs no second file. Adds `ArticleComments.CommentCount`.
 */
export {CommentCount} from './elements/comment-count/define.js';
