// Types the package's tags in Vue templates (vue-tsc, Volar): their properties
// as props and their events as typed `@event` listeners.
import type {EmitFn, HTMLAttributes, PublicProps} from 'vue';
import type {ArticleComments, ArticleCommentsEventMap, CommentCount, CommentReply, CommentReport} from 'article-comments';

type VueEmit<Events> = EmitFn<{[Name in keyof Events]: (event: Events[Name]) => void}>;

/** A custom element as Vue sees a component: the chosen properties as props, the events for `@name`. */
type DefineCustomElement<Element extends HTMLElement, Props extends keyof Element, Events extends keyof ArticleCommentsEventMap = never> = new () => Element & {
  /** @deprecated For template type checking only; not on the element. */
  $props: HTMLAttributes & Partial<Pick<Element, Props>> & PublicProps;
  /** @deprecated For template type checking only; not on the element. */
  $emit: VueEmit<Pick<ArticleCommentsEventMap, Events>>;
};

declare module 'vue' {
  interface GlobalComponents {
    'article-comments': DefineCustomElement<
      ArticleComments,
      | 'thread' | 'sort' | 'pageSize' | 'maxDepth' | 'replies' | 'maxLength' | 'closed' | 'closesAt' | 'closedMessage'
      | 'reportUrl' | 'netiquetteUrl' | 'privacyUrl' | 'reactionLabel' | 'filter' | 'headingLevel' | 'theme' | 'preset'
      | 'density' | 'avatars' | 'genderStyle' | 'src' | 'storage' | 'pollInterval' | 'loading' | 'adapter' | 'clock',
      | 'comments-loaded' | 'comments-rendered' | 'comments-load-failed' | 'comments-data-error'
      | 'comment-posted' | 'comment-send' | 'comment-post-failed'
    >;
    'comment-reply': DefineCustomElement<
      CommentReply,
      'thread' | 'parentId' | 'replyTo' | 'maxLength' | 'cancelable' | 'theme' | 'quote' | 'adapter' | 'value',
      'comment-send' | 'comment-posted' | 'comment-post-failed' | 'comment-reply-cancel'
    >;
    'comment-report': DefineCustomElement<
      CommentReport,
      'thread' | 'commentId' | 'authorName' | 'permalink' | 'theme' | 'adapter' | 'clock' | 'returnFocus',
      'comment-report' | 'comment-report-failed' | 'comment-report-close'
    >;
    'comment-count': DefineCustomElement<CommentCount, 'thread' | 'src' | 'href' | 'live' | 'pollInterval' | 'adapter'>;
  }
}
