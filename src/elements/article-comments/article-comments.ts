import {ContextProvider} from '@lit/context';
import {hydrate} from '@lit-labs/ssr-client';
import {adoptStyles, isServer, ReactiveElement, type PropertyValues} from 'lit';
import {DiscussionController} from '../../discussion/discussion-controller.js';
import {CommentsDataErrorEvent, CommentsLoadFailedEvent, CommentsLoadedEvent, CommentsRenderedEvent, ViewerChangeEvent} from '../../events.js';
import {localeContext} from '../../context.js';
import {toGenderStyle} from '../../i18n/de.js';
import {errorMessage} from '../../i18n/errors.js';
import {LocaleController} from '../../i18n/locale-controller.js';
import type {ReadingWords} from '../../i18n/locale.js';
import type {SortOrder} from '../../model/comment.js';
import {CommentDataError} from '../../model/errors.js';
import {clampDepth, shownRoots} from '../../model/layout.js';
import {featuredComments, filterRoots, offeredFilters} from '../../model/qa.js';
import {pageHref} from '../../model/text.js';
import {endHydration, startHydration} from '../../render/hydration.js';
import {isGrowing, progressiveIdle} from '../../render/progressive-list.js';
import {prefetch, rememberSelection, routeClick, type ActionContext} from './actions.js';
import {styles} from './article-comments.styles.js';
import {Announcer} from './announcer.js';
import {FormsController} from './forms.js';
import {LazyController} from './lazy-controller.js';
import {LiveController} from './live-controller.js';
import {liveStyles} from './live.styles.js';
import {PermalinkController} from './permalink.js';
import {ReactionsController} from './reactions-controller.js';
import {ReportController} from './report-controller.js';
import {ScrollAnchorController} from './scroll-anchor.js';
import {takeServerState} from './server-state.js';
import {SourceController} from './source.js';
import {filterLabel, renderDiscussion} from './templates/discussion.js';
import {anchorId} from './templates/names.js';
import {SettingsMemo, type ThreadSettings} from './templates/settings.js';
import {ThreadView} from './thread-view.js';
import {OwnActions} from './own-actions.js';
import {ArticleCommentsProperties} from './properties.js';

/**
 * A threaded German reader discussion under an article.
 *
 * Give it a discussion inline (`<script type="application/json">` inside the
 * element) or an `adapter` for a backend. It hands the adapter to everything
 * inside through `@lit/context`, so a `<comment-reply>` anywhere below finds it.
 *
 * @summary Threaded German reader comments for an article.
 * @tag article-comments
 *
 * @slot empty - Replaces "Schreiben Sie den ersten Kommentar." when there are no comments.
 * @slot closed - Replaces the notice shown when the discussion is closed.
 * @slot composer-notice - Replaces "Mit dem Absenden akzeptieren Sie unsere Netiquette und Datenschutzerklärung." above "Senden".
 *
 * @fires {CommentsLoadedEvent} comments-loaded - A page of comments arrived.
 * @fires {CommentsRenderedEvent} comments-rendered - Everything loaded is in the DOM (long pages render in steps).
 * @fires {CommentsLoadFailedEvent} comments-load-failed - Loading failed; `event.error` is a typed `AdapterError`.
 * @fires {CommentsDataErrorEvent} comments-data-error - Records were dropped or repaired; `event.errors` lists why.
 * @fires {CommentPostedEvent} comment-posted - Bubbles up from a composer inside: a comment was stored.
 * @fires {CommentSendEvent} comment-send - Bubbles up from a composer inside. Cancelable.
 * @fires {CommentPostFailedEvent} comment-post-failed - Bubbles up from a composer inside.
 * @fires {CommentChangedEvent} comment-edited - The reader's edit of their own comment was stored; `event.comment` is the record now.
 * @fires {CommentChangedEvent} comment-deleted - The reader deleted their own comment; `event.comment` is the record now (status `deleted`).
 * @fires {CommentChangedEvent} comment-restored - The reader took a deletion back.
 * @fires {ViewerChangeEvent} viewer-change - The reader signed in or out (`event.viewer`, null when out); the widget follows by itself.
 *
 * @csspart base - The section around everything.
 * @csspart header - The row with heading and sort order.
 * @csspart heading - "6 Kommentare".
 * @csspart sort - The sort order select.
 * @csspart composer-start - The button that stands in for the form until a reader starts writing.
 * @csspart composer - The `<comment-reply>` for a new top-level comment.
 * @csspart composer-form - Its form (the `form` part of `<comment-reply>`).
 * @csspart composer-textarea - Its text field.
 * @csspart composer-send-button - Its "Senden" button.
 * @csspart list - The list of top-level comments.
 * @csspart comment - Each comment (`<article>`).
 * @csspart comment-target - The comment a permalink points at (also has `comment`).
 * @csspart comment-header - Author, badge and time of a comment.
 * @csspart author - The author's name.
 * @csspart badge - "Redaktion" or "Autor:in".
 * @csspart time - The relative time (`<time>`, inside the permalink).
 * @csspart full-date - The full date beside it: in the link's name, shown while the link has keyboard focus.
 * @csspart avatar - The initials beside a name (`avatars` attribute).
 * @csspart reply-to - The "Antwort an …" line naming whom a reply deeper than `max-depth` answers.
 * @csspart quote - A quoted passage (`<figure>` with `<blockquote>`).
 * @csspart body - The comment's paragraphs.
 * @csspart placeholder - The notice for pending, deleted and removed comments.
 * @csspart actions - The row with "Empfehlen", "Antworten", "Zitieren" and "Melden".
 * @csspart own-edit - "Bearbeiten" on the reader's own comment (while its edit window is open).
 * @csspart own-delete - "Löschen" on the reader's own comment.
 * @csspart own-undo-delete - "Rückgängig" after deleting, while the backend allows it.
 * @csspart own-notify-off - "Benachrichtigungen abbestellen" on the reader's own comment with notifications on.
 * @csspart own-notify-on - "Bei Antworten per E-Mail benachrichtigen" on a signed-in reader's own comment with notifications off (mail goes to the account's address).
 * @csspart delete-question - The question asked in the page before deleting ("Möchten Sie Ihren Kommentar wirklich löschen?").
 * @csspart delete-confirm - Its "Ja, löschen" button.
 * @csspart delete-cancel - Its "Abbrechen" button.
 * @csspart own-message - The last word on a change of the reader's own comment ("Ihre Änderung ist gespeichert.", a failure).
 * @csspart edit-form - The `<comment-reply>` that edits the reader's comment in place of its text.
 * @csspart permalink - The link to a comment (`#comment-ID`): its time.
 * @csspart toggle - "2 Antworten" / "2 Antworten ausblenden", with a chevron.
 * @csspart more-replies - "Weitere Antworten anzeigen (N)" under a comment with very many replies.
 * @csspart more-text - "Weiterlesen" / "Weniger anzeigen" under a long comment.
 * @csspart replies - The list of replies to a comment.
 * @csspart reply-form - An open reply form (`<comment-reply>`).
 * @csspart reply-form-form - Its form.
 * @csspart reply-form-textarea - Its text field.
 * @csspart reply-form-send-button - Its "Senden" button.
 * @csspart load-more - The "Weitere Kommentare laden" button.
 * @csspart show-new - The "2 neue Kommentare anzeigen" button for comments that arrived live.
 * @csspart status - Loading, empty, error and closed notices.
 *
 * @cssprop [--ac-font-family=inherit] - Font; inherits the page's by default.
 * @cssprop [--ac-heading-font-family=inherit] - Font of the heading and of names (`preset="classic"`: Georgia, serif).
 * @cssprop [--ac-font-size=1rem] - Base font size.
 * @cssprop [--ac-line-height=1.55] - Line height of text.
 * @cssprop [--ac-color-text=currentColor] - Text; inherits the page's by default.
 * @cssprop [--ac-color-muted=color-mix(in srgb, currentColor 70%, transparent)] - Times, counters, placeholders.
 * @cssprop [--ac-color-border=color-mix(in srgb, currentColor 22%, transparent)] - Separators, thread lines, fields.
 * @cssprop [--ac-color-surface=transparent] - Background of each comment.
 * @cssprop [--ac-color-accent=#0b57d0] - The publisher's colour: buttons, the quote bar, the permalink bar. Any colour works: the two below are derived from it.
 * @cssprop [--ac-color-on-accent=white or black] - Text on accent-coloured buttons. Default: white or black, whichever contrasts more with the accent (≥ 4.5:1).
 * @cssprop [--ac-color-accent-text=the accent, darkened or lightened] - The accent as text (links, pressed "Empfehlen", marks). Default: the accent, darkened on a light page or lightened on a dark one until it reaches 4.5:1.
 * @cssprop [--ac-color-highlight=color-mix(in srgb, var(--ac-color-accent) 12%, transparent)] - Background of the permalink target.
 * @cssprop [--ac-color-danger=#b3261e] - Error messages.
 * @cssprop [--ac-color-badge=#8a1c1c] - Background of the "Redaktion" badge.
 * @cssprop [--ac-color-on-badge=#ffffff] - Text of the badge.
 * @cssprop [--ac-color-quote=var(--ac-color-accent)] - The bar beside quotes.
 * @cssprop [--ac-color-field=Field] - Background of text fields.
 * @cssprop [--ac-color-field-text=FieldText] - Text in text fields.
 * @cssprop [--ac-color-focus=#1f1f1f (dark: #ececec)] - Focus ring: the theme's ink, never the accent, so a focused field never looks invalid.
 * @cssprop [--ac-radius=0.5rem] - Corner radius of fields, buttons, badges.
 * @cssprop [--ac-space=1rem] - Base spacing unit.
 * @cssprop [--ac-indent=1.5rem] - Indentation per reply level.
 * @cssprop [--ac-placeholder-height=40rem] - Height of the skeleton of a `loading="lazy"` element while it waits and loads: the space its discussion will take.
 */
export class ArticleComments extends ArticleCommentsProperties {
  static override styles = [styles, liveStyles];

  /** A load finished and `comments-rendered` is due once everything is in the DOM. */
  #renderPending = false;
  /** On the server: the adapter and first page `renderDiscussion()` handed over (server-state.ts). */
  readonly #server = isServer ? takeServerState() : undefined;
  /** The server rendered this element's shadow root (declarative shadow DOM): the first update takes it over. */
  #serverRendered = false;
  readonly #settings = new SettingsMemo();
  readonly #locale = new LocaleController(this, this.#server?.locale);
  readonly #localeProvider = new ContextProvider(this, {context: localeContext});

  readonly #discussion = new DiscussionController(this, {
    onLoaded: (loaded, hasMore) => {
      this.#renderPending = true;
      this.#reports.applyMarks();
      this.dispatchEvent(new CommentsLoadedEvent(loaded, hasMore));
      void this.updateComplete.then(() => {
        this.#permalinks.discussionReady();
        void this.#forms.resumeAfterLogin();
      });
    },
    onViewer: (viewer) => this.dispatchEvent(new ViewerChangeEvent(viewer)),
    onLoadFailed: (error) => this.dispatchEvent(new CommentsLoadFailedEvent(error)),
    onDataErrors: (errors) => {
      // For developers; the event and `dataErrors` carry the typed errors.
      console.warn(`<article-comments thread="${this.resolvedThread}">: ${errors.length} data problem(s):\n${errors.map((e) => `- ${e.code}: ${e.message}`).join('\n')}`);
      this.dispatchEvent(new CommentsDataErrorEvent(errors));
    },
    onLive: (comments) => this.#live.arrived(comments),
    onReset: (newDiscussion) => {
      this.#live.reset();
      if (newDiscussion) this.#forms.reset();
    },
  });

  readonly #announcer = new Announcer(this);
  readonly #anchor = new ScrollAnchorController(this);
  readonly #view = new ThreadView(() => this.#discussion.tree, () => this.#threadSettings(), () => this.requestUpdate());
  readonly #live: LiveController = new LiveController(this, {
    tree: () => this.#discussion.tree,
    settings: () => this.#threadSettings(),
    articleFor: (id) => this.#articleFor(id),
    readingLine: () => this.#anchor.readingLine(),
    isOwn: (id) => this.#discussion.ownIds.has(id),
    announce: (text) => this.#announcer.announce(text),
    words: () => this.words,
  });
  readonly #forms: FormsController = new FormsController(this, {
    discussion: this.#discussion,
    view: this.#view,
    live: this.#live,
    articleFor: (id) => this.#articleFor(id),
    announce: (text) => this.#announcer.announce(text),
    showPath: (id) => this.#showPath(id),
    started: () => this.#lazy.mayLoad(),
    words: () => this.words,
  });
  readonly #permalinks = new PermalinkController(this, {
    ensure: (id) => this.#discussion.ensure(id),
    showPath: (id) => this.#showPath(id, true),
    articleFor: (id) => this.#articleFor(id),
    failed: (reason) =>
      this.#announcer.announce(reason === 'not-found' ? this.words.notFound : `${this.words.linkFailed} ${errorMessage(reason, this.clock.now(), 'load', this.words)}`),
  });
  readonly #own = new OwnActions(this, {
    discussion: this.#discussion,
    adapter: () => this.#source.adapter,
    thread: () => this.resolvedThread,
    clock: () => this.clock,
    words: () => this.words,
    announce: (text) => this.#announcer.announce(text),
    articleFor: (id) => this.#articleFor(id),
  });
  readonly #actions: ActionContext = {
    own: this.#own,
    discussion: this.#discussion,
    view: this.#view,
    forms: this.#forms,
    live: this.#live,
    permalinks: this.#permalinks,
    announce: (text) => this.#announcer.announce(text),
    articleFor: (id) => this.#articleFor(id),
    report: (id) => this.#reports.open(id),
    react: (id) => this.#reactions.toggle(id),
    setFilter: (filter) => (this.filter = filter),
    host: this,
    words: () => this.words,
  };
  readonly #lazy = new LazyController(this);
  readonly #source = new SourceController(this, this.#discussion, () => this.#lazy.mayLoad(), this.#server);
  readonly #reactions = new ReactionsController({
    discussion: this.#discussion,
    adapter: () => this.#source.adapter,
    thread: () => this.resolvedThread,
    now: () => this.clock.now(),
    announce: (text) => this.#announcer.announce(text),
    changed: () => this.requestUpdate(),
    words: () => this.words,
  });
  readonly #reports = new ReportController(this, {
    discussion: this.#discussion,
    adapter: () => this.#source.adapter,
    reportUrl: () => this.reportUrl,
    thread: () => this.resolvedThread,
    announce: (text) => this.#announcer.announce(text),
    words: () => this.words,
  });

  constructor() {
    super();
    if (this.#server) this.clock = this.#server.clock;
  }

  /** The words of the language in use (see `locale`). */
  get words(): ReadingWords {
    return this.#locale.current.reading;
  }

  /** Every data problem found so far (dropped or repaired records). */
  get dataErrors(): readonly CommentDataError[] {
    return this.#discussion.dataErrors;
  }

  /** The thread id in use: the `thread` attribute, else the page's path. */
  get resolvedThread(): string {
    return this.thread || (isServer ? '' : location.pathname);
  }

  /** Loads the discussion again from the first page. */
  reload(): Promise<void> {
    return this.#discussion.reload();
  }

  /** Expands the path to a comment, scrolls it into view, focuses and highlights it; loads it first if needed. */
  reveal(id: string): Promise<boolean> {
    return this.#permalinks.reveal(id);
  }

  /**
   * Before the first render, start loading: data that is there at once
   * (inline JSON, memory, browser storage) then appears in the first paint,
   * instead of after a skeleton that flashes for a frame.
   */
  protected override async scheduleUpdate(): Promise<void> {
    // Another language: the update waits for its words (the first render too: no German flashing by).
    const waiting = isServer ? undefined : this.#locale.beforeUpdate();
    if (waiting) await waiting;
    if (!this.hasUpdated) {
      const loading = this.#source.configure();
      // (Server-rendered, the first render waits for the data in `shouldUpdate`, not here: a load
      // that never settles must not hold up every later update.)
      if (loading) await Promise.race([loading, new Promise((resolve) => setTimeout(resolve))]);
    }
    super.scheduleUpdate();
  }

  /**
   * A shadow root before the first update came from the server's HTML (declarative shadow DOM):
   * it is the render root, as it is, and the first update takes its nodes over (see `update`).
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    if (!this.hasUpdated && this.shadowRoot?.firstChild) {
      this.#serverRendered = true;
      // The server's <style> is inline, which a strict CSP (style-src 'self') blocks:
      // constructable stylesheets are allowed, and harmless beside it where it applied.
      adoptStyles(this.shadowRoot, (this.constructor as typeof ArticleComments).elementStyles);
      return this.shadowRoot;
    }
    return super.createRenderRoot();
  }

  /** Server-rendered: the server's DOM stays until the data it shows is here too (then it is taken over, not rebuilt). */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    if (this.#serverRendered && !this.hasUpdated && this.#discussion.state !== 'ready' && this.#discussion.state !== 'error') return false;
    return super.shouldUpdate(changed);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (isServer) this.#source.configure();
    if (changed.has('replies') && changed.get('replies') !== undefined) this.#view.resetFolding();
    if (changed.has('viewer')) this.#discussion.setPageViewer(this.viewer);
    this.#localeProvider.setValue(this.#locale.current);
  }

  /**
   * The first update of a server-rendered element takes the server's nodes over with Lit's
   * hydration (`@lit-labs/ssr-client`), called here rather than through Lit's global patch of
   * LitElement: it works whatever imported Lit first, and leaves Lit's own bookkeeping (which
   * tells directives when the element leaves the page) intact for every later update.
   */
  protected override update(changed: PropertyValues<this>): void {
    if (!this.#serverRendered || this.hasUpdated) return super.update(changed);
    const value = this.render();
    // What LitElement's update does before rendering: reflect attributes; know whether it is in the page.
    ReactiveElement.prototype['update'].call(this, changed);
    this.renderOptions.isConnected = this.isConnected;
    startHydration();
    // Rendered in another language than this browser's element speaks (a `lang` the server did not know,
    // a language file that did not arrive): Lit would keep the server's words, so render anew.
    let failed = this.renderRoot.querySelector('section')?.getAttribute('lang') !== this.#locale.current.tag;
    if (failed) console.warn('<article-comments>: the server rendered the discussion in another language; rendering it anew.');
    try {
      if (!failed) hydrate(value, this.renderRoot, this.renderOptions);
    } catch (error) {
      failed = true;
      // What the browser would render differs from the server's HTML (e.g. this reader's own
      // pending comment, which only this browser shows): render afresh rather than fail.
      console.warn('<article-comments>: the server-rendered discussion differs from the data here; rendering it anew.', error);
    } finally {
      endHydration();
    }
    if (failed) {
      this.renderRoot.replaceChildren();
      super.update(changed);
    } else {
      // Once more through Lit's own update (nothing changes in the DOM): from then on Lit holds
      // the rendered part, and connecting or removing the element reaches every directive.
      this.requestUpdate();
    }
  }

  protected override updated(): void {
    if (!this.#renderPending || this.#discussion.state !== 'ready') return;
    this.#renderPending = false;
    void progressiveIdle(this).then(() => {
      if (!isGrowing(this) && this.isConnected) {
        this.dispatchEvent(new CommentsRenderedEvent(this.renderRoot.querySelectorAll('article.comment').length));
      }
    });
  }

  /** The settings every comment's template reads: the same object until one of them changes. */
  #threadSettings(): ThreadSettings {
    const target = this.#view.target;
    return this.#settings.get({
      clock: this.clock,
      closed: this.#source.closed,
      maxDepth: clampDepth(this.maxDepth),
      collapsed: this.replies === 'collapsed',
      targetPath: new Set(target === null ? [] : this.#discussion.tree.pathTo(target)),
      report: this.#source.adapter ? this.#reports.mode : 'none',
      reportUrl: this.reportUrl,
      page: (isServer ? (this.#server?.pageUrl ?? '') : location.href).replace(/#.*$/, ''),
      netiquetteUrl: pageHref(this.netiquetteUrl) ?? '',
      reactions: this.#source.adapter ? this.#reactions.enabled : false,
      reactionLabel: this.reactionLabel.trim() || this.words.reactionLabel,
      qa: this.#discussion.info.mode === 'qa',
      avatars: this.avatars,
      genderStyle: toGenderStyle(this.genderStyle),
      locale: this.#locale.current,
      own: this.#own.settings(),
    });
  }

  /** The `<article>` of a comment, if it is rendered. */
  #articleFor(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(anchorId(id))}`);
  }

  /** Unfolds the path to a comment (showing held ones), optionally marking it as the permalink target. */
  async #showPath(id: string, target = false): Promise<void> {
    const path = this.#discussion.tree.pathTo(id);
    if (path.some((step) => this.#live.isHeld(step))) this.#live.showAll();
    this.#view.revealPath(id);
    if (target) this.#view.setTarget(id);
    await this.updateComplete;
  }

  /** The views offered (question mode, editors' picks), the one shown, and what it shows. */
  #views() {
    const roots = shownRoots(this.#discussion.tree.roots);
    const qa = this.#discussion.info.mode === 'qa';
    const filters = offeredFilters(roots, qa);
    const filter = filters.some((offered) => offered.filter === this.filter) ? this.filter : 'all';
    const tree = this.#discussion.tree;
    return {
      qa,
      filter,
      filters: filters.map((offered) => ({filter: offered.filter, label: filterLabel(offered.filter, offered.count, qa, this.words)})),
      roots: filterRoots(roots, filter),
      picks: filter === 'featured' ? featuredComments(roots).map((node) => ({node, parent: tree.node(tree.parentOf(node.comment.id) ?? '') ?? null})) : [],
    };
  }

  protected override render() {
    const discussion = this.#discussion;
    const problems = new Set(this.dataErrors.map((e) => e.details.commentId ?? e.details.index ?? e.code)).size;
    return renderDiscussion({
      state: discussion.state,
      error: discussion.error,
      count: discussion.count,
      headingLevel: this.headingLevel,
      sorts: this.#source.sorts,
      sort: this.#source.sort,
      closed: this.#source.closed,
      closedMessage: this.#source.closedMessage,
      composerOpen: this.#forms.composerOpen,
      ownNotice: !isServer && this.querySelector(':scope > [slot="composer-notice"]') !== null,
      reporting: this.#reports.reporting,
      problems,
      unreadable: this.dataErrors.some((error) => error.code === 'invalid-json'),
      ...this.#views(),
      settings: this.#threadSettings(),
      waiting: this.#live.announced,
      hasMore: discussion.hasMore,
      loadingMore: discussion.loadingMore,
      loadMoreError: discussion.loadMoreError,
      announcement: this.#announcer.text,
      now: this.clock.now(),
      onSortChange: (event) => (this.sort = (event.target as HTMLSelectElement).value as SortOrder),
      onClick: (event) => routeClick(event, this.#actions),
      onPointerDown: (event) => rememberSelection(event, this.#actions),
      onPrefetch: prefetch,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'article-comments': ArticleComments;
  }
}
