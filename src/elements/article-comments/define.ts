// Lit's hydration support must run before Lit itself: it lets an element take over the
// shadow root the server rendered (see server-state.ts and docs/server-rendering.md)
// instead of rendering it again. It changes nothing for elements without one.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import {ArticleComments} from './article-comments.js';

// <comment-reply> and <comment-report> are registered when a reader first needs them (see parts.ts).
if (!customElements.get('article-comments')) customElements.define('article-comments', ArticleComments);

export {ArticleComments};
