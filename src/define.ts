/** Registers `<article-comments>` and `<comment-reply>` (once, however often imported). */
import './elements/article-comments/define.js';
