import {CommentReport} from './comment-report.js';

if (!customElements.get('comment-report')) customElements.define('comment-report', CommentReport);

export {CommentReport};
