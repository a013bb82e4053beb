/** Registers `<article-comments>`, `<comment-reply>`, `<comment-report>` and `<comment-count>` (once, however often imported). */
import './elements/article-comments/define.js';
import './elements/comment-report/define.js';
import './elements/comment-count/define.js';
