import '../comment-reply/define.js';
import {ArticleComments} from './article-comments.js';

if (!customElements.get('article-comments')) customElements.define('article-comments', ArticleComments);

export {ArticleComments};
