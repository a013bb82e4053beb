import {CommentCount} from './comment-count.js';

if (!customElements.get('comment-count')) customElements.define('comment-count', CommentCount);

export {CommentCount};
