// Types the package's tags in Svelte markup (svelte-check, the Svelte language
// server): their properties, and their events as typed `on<event-name>` handlers.
import type {HTMLAttributes} from 'svelte/elements';
import type {ArticleComments, ArticleCommentsEventMap, CommentCount, CommentReply, CommentReport} from 'article-comments';

/** `oncomment-posted={(event) => …}` and so on, with the event's class. */
type EventHandlers<Events extends keyof ArticleCommentsEventMap> = {
  [Name in Events as `on${Name}`]?: (event: ArticleCommentsEventMap[Name]) => void;
};

/** A custom element in Svelte markup: the chosen properties (Svelte sets them as properties), the events as handlers. */
type CustomElement<Element extends HTMLElement, Props extends keyof Element, Events extends keyof ArticleCommentsEventMap = never> =
  HTMLAttributes<Element> & Partial<Pick<Element, Props>> & EventHandlers<Events>;

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'article-comments': CustomElement<
      ArticleComments,
      | 'thread' | 'sort' | 'pageSize' | 'maxDepth' | 'replies' | 'maxLength' | 'closed' | 'closesAt' | 'closedMessage'
      | 'reportUrl' | 'netiquetteUrl' | 'privacyUrl' | 'reactionLabel' | 'filter' | 'headingLevel' | 'theme' | 'preset'
      | 'density' | 'avatars' | 'genderStyle' | 'src' | 'storage' | 'pollInterval' | 'loading' | 'adapter' | 'clock',
      | 'comments-loaded' | 'comments-rendered' | 'comments-load-failed' | 'comments-data-error'
      | 'comment-posted' | 'comment-send' | 'comment-post-failed'
    >;
    'comment-reply': CustomElement<
      CommentReply,
      'thread' | 'parentId' | 'replyTo' | 'maxLength' | 'cancelable' | 'theme' | 'quote' | 'adapter' | 'value',
      'comment-send' | 'comment-posted' | 'comment-post-failed' | 'comment-reply-cancel'
    >;
    'comment-report': CustomElement<
      CommentReport,
      'thread' | 'commentId' | 'authorName' | 'permalink' | 'theme' | 'adapter' | 'clock' | 'returnFocus',
      'comment-report' | 'comment-report-failed' | 'comment-report-close'
    >;
    'comment-count': CustomElement<CommentCount, 'thread' | 'src' | 'href' | 'live' | 'pollInterval' | 'adapter'>;
  }
}
