import {CommentReply} from './comment-reply.js';

if (!customElements.get('comment-reply')) customElements.define('comment-reply', CommentReply);

export {CommentReply};
