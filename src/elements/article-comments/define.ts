import {ArticleComments} from './article-comments.js';

// <comment-reply> and <comment-report> are registered when a reader first needs them (see parts.ts).
if (!customElements.get('article-comments')) customElements.define('article-comments', ArticleComments);

export {ArticleComments};
