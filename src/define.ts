/**
 * Registers `<article-comments>`, `<comment-reply>`, `<comment-report>` and
 * `<comment-count>` (once, however often imported), all at once: code that
 * creates a `<comment-reply>` or `<comment-report>` of its own can use it
 * right away. (`<article-comments>` alone would load the other two when a
 * reader first needs them; the script-tag module build does that.)
 */
import './elements/article-comments/define.js';
import './elements/comment-reply/define.js';
import './elements/comment-report/define.js';
import './elements/comment-count/define.js';
