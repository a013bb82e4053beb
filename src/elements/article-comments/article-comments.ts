import {LitElement, html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {guard} from 'lit/directives/guard.js';
import {live} from 'lit/directives/live.js';
import {repeat} from 'lit/directives/repeat.js';
import {property, state} from 'lit/decorators.js';
import {provide} from '@lit/context';
import type {CommentAdapter} from '../../adapters/adapter.js';
import {BrowserStorageAdapter} from '../../adapters/browser-storage-adapter.js';
import {MemoryAdapter} from '../../adapters/memory-adapter.js';
import {RestAdapter} from '../../adapters/rest-adapter.js';
import {adapterContext, discussionContext, type DiscussionState} from '../../context.js';
import {
  CommentsDataErrorEvent,
  CommentsLoadFailedEvent,
  CommentsLoadedEvent,
  CommentsRenderedEvent,
  type CommentPostedEvent,
  type CommentReplyCancelEvent,
} from '../../events.js';
import {loadDraft} from '../../drafts/draft-store.js';
import {de} from '../../i18n/de.js';
import {errorMessage} from '../../i18n/errors.js';
import {SORT_ORDERS, type Comment, type Quote, type SortOrder} from '../../model/comment.js';
import {CommentDataError} from '../../model/errors.js';
import {truncate} from '../../model/text.js';
import {pathTo, rootOf, type ThreadNode} from '../../model/tree.js';
import {DEFAULT_MAX_LENGTH} from '../../model/validate.js';
import {systemClock, type Clock} from '../../time/clock.js';
import type {CommentReply} from '../comment-reply/comment-reply.js';
import {styles} from './article-comments.styles.js';
import {liveStyles} from './live.styles.js';
import {anchorId, displayName, renderNode, type CommentViewOptions} from './comment-view.js';
import {DiscussionController} from './discussion-controller.js';
import {readInlineDiscussion, type InlineDiscussion} from './inline-discussion.js';
import {PermalinkController} from './permalink.js';
import {ProgressiveController} from './progressive-controller.js';
import {ThreadView} from './thread-view.js';

/** How long a live comment waits before it is announced, in case it is the reader's own echo. */
const ECHO_WAIT = 400;

/** Longest passage "Zitieren" copies from a comment. */
const MAX_QUOTE = 400;

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
 *
 * @fires {CommentsLoadedEvent} comments-loaded - A page of comments arrived.
 * @fires {CommentsRenderedEvent} comments-rendered - Everything loaded is in the DOM (long pages render in steps).
 * @fires {CommentsLoadFailedEvent} comments-load-failed - Loading failed; `event.error` is a typed `AdapterError`.
 * @fires {CommentsDataErrorEvent} comments-data-error - Records were dropped or repaired; `event.errors` lists why.
 * @fires {CommentPostedEvent} comment-posted - Bubbles up from a composer inside: a comment was stored.
 * @fires {CommentSendEvent} comment-send - Bubbles up from a composer inside. Cancelable.
 * @fires {CommentPostFailedEvent} comment-post-failed - Bubbles up from a composer inside.
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
 * @csspart time - The relative time.
 * @csspart reply-to - The "Antwort an …" line naming whom a reply deeper than `max-depth` answers.
 * @csspart quote - A quoted passage (`<figure>` with `<blockquote>`).
 * @csspart body - The comment's paragraphs.
 * @csspart placeholder - The notice for pending, deleted and removed comments.
 * @csspart actions - The row with "Antworten", "Zitieren" and "Link".
 * @csspart permalink - The "Link" to a comment.
 * @csspart toggle - "2 Antworten anzeigen" / "Antworten ausblenden".
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
 * @cssprop [--ac-font-size=1rem] - Base font size.
 * @cssprop [--ac-line-height=1.55] - Line height of text.
 * @cssprop [--ac-color-text=currentColor] - Text; inherits the page's by default.
 * @cssprop [--ac-color-muted=color-mix(in srgb, currentColor 70%, transparent)] - Times, counters, placeholders.
 * @cssprop [--ac-color-border=color-mix(in srgb, currentColor 22%, transparent)] - Separators, thread lines, fields.
 * @cssprop [--ac-color-surface=transparent] - Background of each comment.
 * @cssprop [--ac-color-accent=#0b57d0] - Links, buttons, focus rings, quote bar.
 * @cssprop [--ac-color-on-accent=#ffffff] - Text on accent-coloured buttons.
 * @cssprop [--ac-color-highlight=color-mix(in srgb, var(--ac-color-accent) 14%, transparent)] - Background of the permalink target.
 * @cssprop [--ac-color-danger=#b3261e] - Error messages.
 * @cssprop [--ac-color-badge=#8a1c1c] - Background of the "Redaktion" badge.
 * @cssprop [--ac-color-on-badge=#ffffff] - Text of the badge.
 * @cssprop [--ac-color-quote=var(--ac-color-accent)] - The bar beside quotes.
 * @cssprop [--ac-color-field=Field] - Background of text fields.
 * @cssprop [--ac-color-field-text=FieldText] - Text in text fields.
 * @cssprop [--ac-color-focus=var(--ac-color-accent)] - Focus ring.
 * @cssprop [--ac-radius=0.5rem] - Corner radius of fields, buttons, badges.
 * @cssprop [--ac-space=1rem] - Base spacing unit.
 * @cssprop [--ac-indent=1.5rem] - Indentation per reply level.
 */
export class ArticleComments extends LitElement {
  static override styles = [styles, liveStyles];

  /** The discussion's id. Defaults to the page's path. */
  @property({reflect: true}) thread = '';

  /** Order of top-level comments: `newest` or `oldest`. Replies are always oldest first. */
  @property({reflect: true}) sort: SortOrder = 'newest';

  /** Top-level comments per page ("Weitere Kommentare laden" fetches the next). */
  @property({attribute: 'page-size', type: Number}) pageSize = 20;

  /** Reply levels that are indented; deeper replies name whom they answer ("Antwort an …") instead. */
  @property({attribute: 'max-depth', type: Number}) maxDepth = 3;

  /** Whether replies start `expanded` or `collapsed`. */
  @property() replies: 'expanded' | 'collapsed' = 'expanded';

  /** Longest comment accepted, in characters. Default: from the backend, else 2,000. */
  @property({attribute: 'max-length', type: Number}) maxLength?: number;

  /** Closes the discussion: comments stay readable, no new ones can be written. */
  @property({type: Boolean, reflect: true}) closed = false;

  /** Level of the "6 Kommentare" heading in the page's outline (2–6). */
  @property({attribute: 'heading-level', type: Number}) headingLevel = 2;

  /** `light` (default), `dark`, or `auto` (follows the reader's system setting). */
  @property({reflect: true}) theme: 'light' | 'dark' | 'auto' = 'light';

  /** Base URL of a backend that speaks the REST contract (docs/rest-api.md). */
  @property() src = '';

  /** Where the inline discussion and new posts live without `src`: `memory` (this visit) or `local` (this browser, shared by its tabs). */
  @property() storage: 'memory' | 'local' = 'memory';

  /** With `src`: milliseconds between checks for new comments when the server has no event stream. */
  @property({attribute: 'poll-interval', type: Number}) pollInterval = 30_000;

  /** The backend. Without one: `src`, else the inline JSON (or an empty discussion). */
  @property({attribute: false}) adapter?: CommentAdapter;

  /** The clock all timestamps read; inject a `ManualClock` to pin "now". */
  @property({attribute: false}) clock: Clock = systemClock;

  @provide({context: adapterContext})
  @state()
  private providedAdapter?: CommentAdapter;

  @provide({context: discussionContext})
  @state()
  private providedDiscussion?: DiscussionState;

  @state() private announcement = '';
  /**
   * The form for a new comment is created when a reader starts writing (most
   * readers only read): a button that looks like the text field stands in.
   * With a saved draft it is there from the start.
   */
  @state() private composerOpen?: boolean;
  /**
   * Live top-level comments not shown yet, behind the "neue Kommentare"
   * button; true once announced (a moment after arriving, so the reader's own
   * comment, whose echo may come before the answer to the post, is never
   * announced as someone else's).
   */
  @state() private held = new Map<string, boolean>();

  #inline: InlineDiscussion | undefined;
  #built: {key: string; adapter: CommentAdapter} | undefined;
  #waitingForParser = false;
  /** A load finished and `comments-rendered` is due once everything is in the DOM. */
  #renderPending = false;

  #discussion = new DiscussionController(this, {
    onLoaded: (loaded, hasMore) => {
      this.#renderPending = true;
      this.dispatchEvent(new CommentsLoadedEvent(loaded, hasMore));
      void this.updateComplete.then(() => this.#permalinks.discussionReady());
    },
    onLoadFailed: (error) => this.dispatchEvent(new CommentsLoadFailedEvent(error)),
    onDataErrors: (errors) => {
      // For developers; the event and `dataErrors` carry the typed errors.
      console.warn(
        `<article-comments thread="${this.resolvedThread}">: ${errors.length} data problem(s):\n` +
          errors.map((error) => `- ${error.code}: ${error.message}`).join('\n')
      );
      this.dispatchEvent(new CommentsDataErrorEvent(errors));
    },
    onLiveComment: (comment) => this.#onLiveComment(comment),
    onReset: (newDiscussion) => {
      this.#progressive.reset();
      this.held = new Map();
      if (newDiscussion) {
        this.#view.reset();
        this.composerOpen = undefined;
      }
    },
  });

  #permalinks = new PermalinkController(this);

  #progressive = new ProgressiveController(this, () => {
    if (!this.#renderPending) return;
    this.#renderPending = false;
    this.dispatchEvent(new CommentsRenderedEvent(this.renderRoot.querySelectorAll('article.comment').length));
  });

  #view = new ThreadView(
    (id) => {
      const node = this.#discussion.thread.byId.get(id);
      return node ? rootOf(node).comment.id : undefined;
    },
    () => this.requestUpdate()
  );

  constructor() {
    super();
    this.addEventListener('comment-posted', (event) => void this.#onPosted(event));
    this.addEventListener('comment-reply-cancel', (event) => this.#onReplyCancel(event));
  }

  /** Every data problem found so far (dropped or repaired records). */
  get dataErrors(): readonly CommentDataError[] {
    return this.#discussion.dataErrors;
  }

  /** The thread id in use: the `thread` attribute, else the page's path. */
  get resolvedThread(): string {
    return this.thread || location.pathname;
  }

  /** Loads the discussion again from the first page. */
  reload(): Promise<void> {
    return this.#discussion.reload();
  }

  /**
   * Before the first render, start loading: data that is there at once
   * (inline JSON, memory, browser storage) then appears in the first paint,
   * instead of after a skeleton that flashes for a frame.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) {
      const loading = this.#configure();
      if (loading) await Promise.race([loading, new Promise((resolve) => setTimeout(resolve))]);
    }
    super.scheduleUpdate();
  }

  /** Points the discussion at the adapter and settings in use; returns the load it started, if any. */
  #configure(): Promise<void> | undefined {
    const adapter = this.adapter ?? this.#defaultAdapter();
    if (!adapter) return undefined;
    if (this.providedAdapter !== adapter) {
      this.providedAdapter = adapter;
      if (adapter.dataErrors) this.#discussion.report(adapter.dataErrors);
    }
    return this.#discussion.configure({
      adapter,
      thread: this.resolvedThread,
      sort: this.#resolvedSort,
      pageSize: Math.max(1, Math.floor(this.pageSize) || 20),
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#configure();
    this.composerOpen ??= loadDraft(this.resolvedThread, null, this.clock.now()) !== undefined;
    const adapter = this.providedAdapter;
    if (!adapter) return;
    const discussion: DiscussionState = {
      thread: this.resolvedThread,
      closed: this.#isClosed,
      maxLength: this.maxLength ?? this.#discussion.info.maxLength ?? adapter.capabilities?.maxLength ?? DEFAULT_MAX_LENGTH,
      requireName: !(this.#discussion.info.anonymous ?? adapter.capabilities?.anonymous),
      clock: this.clock,
    };
    const old = this.providedDiscussion;
    if (!old || (Object.keys(discussion) as (keyof DiscussionState)[]).some((key) => old[key] !== discussion[key])) {
      this.providedDiscussion = discussion;
    }
    this.#view.setCollapsedByDefault(this.replies === 'collapsed');
    // Settings that change how every comment looks.
    const closed = this.#isClosed;
    if (changed.has('maxDepth') || changed.has('clock') || closed !== this.#wasClosed) this.#view.touchAll();
    this.#wasClosed = closed;
  }

  #wasClosed = false;

  get #isClosed(): boolean {
    return this.closed || this.#discussion.info.closed === true;
  }

  /**
   * The adapter used without an `adapter` property: REST when `src` is set,
   * else the inline JSON served from memory (or browser storage).
   */
  #defaultAdapter(): CommentAdapter | undefined {
    const key = this.src ? `rest ${this.src} ${this.pollInterval}` : `${this.storage} ${this.resolvedThread}`;
    if (this.#built?.key === key) return this.#built.adapter;
    let adapter: CommentAdapter;
    if (this.src) {
      adapter = new RestAdapter({baseUrl: this.src, pollInterval: this.pollInterval});
    } else {
      this.#inline ??= readInlineDiscussion(this);
      if (!this.#inline) {
        // The parser may still be adding the element's children: wait for it.
        if (!this.#waitingForParser) {
          this.#waitingForParser = true;
          document.addEventListener('DOMContentLoaded', () => this.requestUpdate(), {once: true});
        }
        return undefined;
      }
      const discussions = {[this.resolvedThread]: this.#inline.records};
      const options = {clock: this.clock};
      const memory =
        this.storage === 'local' ? new BrowserStorageAdapter(discussions, options) : new MemoryAdapter(discussions, options);
      this.#discussion.report(this.#inline.errors);
      adapter = memory;
    }
    this.#built = {key, adapter};
    return adapter;
  }

  #announce(text: string): void {
    // Cleared first so the same sentence twice is announced twice.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  /** Unfolds every comment above `node` and makes sure its thread is rendered. */
  #expandPathTo(node: ThreadNode): void {
    for (const ancestor of pathTo(node).slice(0, -1)) this.#view.expand(ancestor.comment.id);
    this.#progressive.include(this.#discussion.thread.roots.indexOf(rootOf(node)));
  }

  #articleFor(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(anchorId(id))}`);
  }

  /** Expands the path to a comment, scrolls it into view, focuses and highlights it. */
  async reveal(id: string): Promise<boolean> {
    if (!(await this.#discussion.ensure(id))) {
      this.#announce(de.notFound);
      return false;
    }
    const node = this.#discussion.thread.byId.get(id);
    if (!node) return false;
    if (this.held.has(rootOf(node).comment.id)) await this.#showHeld();
    this.#expandPathTo(node);
    this.#view.setTarget(id);
    await this.updateComplete;
    const article = this.#articleFor(id);
    if (!article) return false;
    article.focus({preventScroll: true});
    const inView = () => {
      const top = article.getBoundingClientRect().top;
      return top >= 0 && top <= innerHeight / 2;
    };
    if (inView()) return true;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    article.scrollIntoView({block: 'start', behavior: smooth ? 'smooth' : 'auto'});
    // Threads above that were skipped (content-visibility) take their real size once near:
    // when this scroll has ended, land on the target again if it moved. A later reveal, the
    // element leaving the page, or two seconds without a scroll end cancel that.
    this.#settling?.abort();
    const settling = (this.#settling = new AbortController());
    const settle = () => {
      if (settling.signal.aborted) return;
      settling.abort();
      if (!inView()) article.scrollIntoView({block: 'start'});
    };
    if (smooth) {
      addEventListener('scrollend', settle, {once: true, signal: settling.signal});
      setTimeout(() => settling.abort(), 2000);
    } else {
      requestAnimationFrame(() => requestAnimationFrame(settle));
    }
    return true;
  }

  #settling: AbortController | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#settling?.abort();
  }

  /**
   * A comment from someone else arrived. New top-level comments wait behind
   * a "2 neue Kommentare" button, so nothing moves under a reader who is
   * reading or typing; replies appear in place below their parent (after an
   * open reply form, never above it) and are announced.
   */
  #onLiveComment(comment: Comment): void {
    const node = this.#discussion.thread.byId.get(comment.id);
    if (!node) return;
    if (!node.parent) this.held = new Map(this.held).set(comment.id, false);
    else if (this.held.has(rootOf(node).comment.id)) return;
    setTimeout(() => {
      if (this.#discussion.ownIds.has(comment.id)) return;
      if (node.parent) {
        this.#announce(de.newReply(displayName(comment), displayName(node.parent.comment)));
      } else if (this.held.has(comment.id)) {
        this.held = new Map(this.held).set(comment.id, true);
        this.#announce(de.newComments([...this.held.values()].filter(Boolean).length));
      }
    }, ECHO_WAIT);
  }

  /** Shows the comments held back by live updates and moves focus to the newest. */
  async #showHeld(): Promise<void> {
    const ids = new Set(this.held.keys());
    this.held = new Map();
    const {roots} = this.#discussion.thread;
    const first = roots.findIndex((node) => ids.has(node.comment.id));
    if (first < 0) return;
    this.#progressive.include(first);
    await this.updateComplete;
    this.#articleFor(roots[first].comment.id)?.focus();
  }

  async #onPosted(event: CommentPostedEvent): Promise<void> {
    if (event.thread !== this.resolvedThread) return;
    const [added] = this.#discussion.ingest([event.comment], {own: true});
    const id = added?.id ?? String(event.comment.id);
    this.#discussion.markOwn(id);
    // Its live echo may have come first and been held back: it is the reader's own, show it.
    if (this.held.has(id)) {
      this.held = new Map(this.held);
      this.held.delete(id);
    }
    const node = this.#discussion.thread.byId.get(id);
    if (!node) return;
    this.#expandPathTo(node);
    if (this.#view.reply && this.#view.reply.parentId === node.comment.parentId) this.#view.setReply(null);
    this.#announce(node.comment.status === 'pending' ? de.postedPending : de.posted);
    await this.updateComplete;
    const article = this.#articleFor(id);
    article?.scrollIntoView({block: 'nearest'});
    article?.focus({preventScroll: true});
  }

  #onReplyCancel(event: CommentReplyCancelEvent): void {
    const parentId = event.parentId;
    if (!parentId || this.#view.reply?.parentId !== parentId) return;
    this.#view.setReply(null);
    void this.updateComplete.then(() =>
      this.#articleFor(parentId)?.querySelector<HTMLElement>('[data-action="reply"]')?.focus()
    );
  }

  /** After the next render, moves focus into the form `selector` finds. */
  async #focusForm(selector: string): Promise<void> {
    await this.updateComplete;
    const form = this.renderRoot.querySelector<CommentReply>(selector);
    await form?.updateComplete;
    form?.focus();
  }

  #openComposer(): Promise<void> {
    this.composerOpen = true;
    return this.#focusForm('comment-reply.composer');
  }

  #openReply(parentId: string, quote: Quote | null): Promise<void> {
    this.#view.setReply({parentId, quote});
    return this.#focusForm('comment-reply.reply-form');
  }

  /** Loads the next page; focus moves to its first comment (the button may be gone). */
  async #loadMore(): Promise<void> {
    const before = new Set(this.#discussion.thread.roots.map((node) => node.comment.id));
    await this.#discussion.loadMore();
    const first = this.#discussion.thread.roots.findIndex((node) => !before.has(node.comment.id));
    if (first < 0) return;
    this.#progressive.include(first);
    await this.updateComplete;
    this.#articleFor(this.#discussion.thread.roots[first].comment.id)?.focus();
  }

  /** Loads again after an error; the "Erneut versuchen" button goes, so focus moves to the heading. */
  async #retry(): Promise<void> {
    await this.reload();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
  }

  /** The reader's selection inside a comment, else the start of its text. */
  #quoteOf(comment: Comment): string {
    const root = this.renderRoot as ShadowRoot & {getSelection?: () => Selection | null};
    const selection = root.getSelection?.() ?? document.getSelection();
    const article = this.#articleFor(comment.id);
    const text = selection?.toString().trim();
    if (text && article && selection?.anchorNode && article.contains(selection.anchorNode)) return truncate(text, MAX_QUOTE);
    return truncate(comment.body, MAX_QUOTE);
  }

  /** One listener for every button and link in the thread (see comment-view.ts). */
  #onClick(event: MouseEvent): void {
    const element = (event.target as Element).closest<HTMLElement>('[data-action]');
    if (!element) return;
    const id = element.dataset.id ?? '';
    const node = this.#discussion.thread.byId.get(id);
    switch (element.dataset.action) {
      case 'reply':
        if (node) void this.#openReply(id, this.#view.reply?.parentId === id ? this.#view.reply.quote : null);
        break;
      case 'quote':
        if (node) void this.#openReply(id, {text: this.#quoteOf(node.comment), source: id});
        break;
      case 'toggle':
        this.#view.toggle(id);
        break;
      case 'permalink':
        // The same fragment again fires no hashchange, so follow it here.
        if (location.hash === element.getAttribute('href')) void this.reveal(id);
        break;
      case 'retry':
        void this.#retry();
        break;
      case 'more':
        void this.#loadMore();
        break;
      case 'show-new':
        void this.#showHeld();
        break;
      case 'compose':
        void this.#openComposer();
        break;
    }
  }

  #onSortChange(event: Event): void {
    this.sort = (event.target as HTMLSelectElement).value as SortOrder;
  }

  /** The orders the backend can page by. */
  get #sorts(): readonly SortOrder[] {
    return this.providedAdapter?.capabilities?.sorts ?? SORT_ORDERS;
  }

  /** A choice of those orders; a single one needs none. */
  #renderSort(): TemplateResult | typeof nothing {
    const sorts = this.#sorts;
    if (sorts.length < 2) return nothing;
    const labels: Record<SortOrder, string> = {newest: de.sortNewest, oldest: de.sortOldest};
    return html`<label class="sort">
      <span>${de.sortLabel}</span>
      <select part="sort" .value=${live(this.#resolvedSort)} @change=${this.#onSortChange}>
        ${sorts.map((sort) => html`<option value=${sort} ?selected=${this.#resolvedSort === sort}>${labels[sort]}</option>`)}
      </select>
    </label>`;
  }

  /** The sort in use: the `sort` attribute if the backend offers it, else the backend's first. */
  get #resolvedSort(): SortOrder {
    const sorts = this.#sorts;
    return sorts.includes(this.sort) ? this.sort : sorts[0] ?? 'newest';
  }

  #renderHeading(text: string): TemplateResult {
    const level = Math.min(6, Math.max(2, Math.floor(this.headingLevel) || 2));
    return level === 2
      ? html`<h2 id="heading" part="heading" tabindex="-1">${text}</h2>`
      : html`<div id="heading" part="heading" class="heading" role="heading" aria-level=${level} tabindex="-1">${text}</div>`;
  }

  #composerFor = (node: ThreadNode): TemplateResult | typeof nothing => {
    const target = this.#view.reply;
    if (!target || target.parentId !== node.comment.id || this.#isClosed) return nothing;
    return html`<comment-reply
      class="reply-form"
      part="reply-form"
      exportparts="form: reply-form-form, textarea: reply-form-textarea, send-button: reply-form-send-button"
      parent-id=${node.comment.id}
      reply-to=${displayName(node.comment)}
      cancelable
      .quote=${target.quote}
    ></comment-reply>`;
  };

  #renderSkeleton(): TemplateResult {
    return html`<div class="skeletons" aria-hidden="true">
      ${[0, 1, 2].map(
        () => html`<div class="skeleton">
          <div class="skeleton-line short"></div>
          <div class="skeleton-line"></div>
          <div class="skeleton-line"></div>
        </div>`
      )}
    </div>`;
  }

  #renderList(): TemplateResult {
    const controller = this.#discussion;
    const {state, error} = controller;
    if (state === 'idle' || state === 'loading') {
      return html`<p class="status" part="status">${de.loading}</p>
        ${this.#renderSkeleton()}`;
    }
    if (state === 'error') {
      return html`<div class="status error-box" part="status" role="alert">
        <p>${de.loadError} ${errorMessage(error, this.clock.now(), 'load')}</p>
        <button type="button" class="button" data-action="retry">${de.retry}</button>
      </div>`;
    }
    const {byId} = controller.thread;
    const held = this.held;
    const roots = held.size ? controller.thread.roots.filter((node) => !held.has(node.comment.id)) : controller.thread.roots;
    const shown = roots.slice(0, this.#progressive.take(roots.map((node) => node.replyCount + 1)));
    if (roots.length === 0 && held.size === 0) {
      return html`<slot name="empty"><p class="status empty" part="status">${de.empty}</p></slot>`;
    }
    const options: CommentViewOptions = {
      clock: this.clock,
      maxDepth: Math.max(0, Math.floor(this.maxDepth)),
      target: this.#view.target,
      targetRoot: this.#view.target === null ? null : this.#view.rootOf(this.#view.target) ?? null,
      closed: this.#isClosed,
      ownIds: controller.ownIds,
      isExpanded: this.#view.isExpanded,
      composerFor: this.#composerFor,
      lookup: (id) => byId.get(id),
    };
    const announced = [...held.values()].filter(Boolean).length;
    return html`<div class="new-bar">
        ${announced
          ? html`<button type="button" class="button show-new" part="show-new" data-action="show-new">
              ${de.showNewComments(announced)}
            </button>`
          : nothing}
      </div>
      <ol class="thread" part="list" aria-label=${de.listLabel}>
        ${repeat(
          shown,
          (node) => node.comment.id,
          // A thread is rendered again only when its comments or how the reader arranged it changed.
          (node) => guard([node.stamp, this.#view.stampOf(node.comment.id)], () => renderNode(node, options))
        )}
      </ol>
      ${controller.hasMore || controller.loadMoreError
        ? html`<div class="more">
            ${controller.loadMoreError
              ? html`<p class="error" role="alert">
                  ${de.loadMoreError} ${errorMessage(controller.loadMoreError, this.clock.now(), 'load')}
                </p>`
              : nothing}
            <button
              type="button"
              class="button secondary"
              part="load-more"
              data-action="more"
              aria-disabled=${controller.loadingMore ? 'true' : 'false'}
            >
              ${controller.loadingMore ? de.loadingMore : controller.loadMoreError ? de.retry : de.loadMore}
            </button>
          </div>`
        : nothing}`;
  }

  protected override render(): TemplateResult {
    const controller = this.#discussion;
    const loading = controller.state === 'idle' || controller.state === 'loading';
    const ready = controller.state === 'ready';
    const unreadable = this.dataErrors.some((error) => error.code === 'invalid-json');
    const problems = new Set(this.dataErrors.map((e) => e.details.commentId ?? e.details.index ?? e.code)).size;
    return html`<section
      part="base"
      aria-labelledby="heading"
      aria-busy=${loading || controller.loadingMore ? 'true' : 'false'}
      @click=${this.#onClick}
    >
      <header class="header" part="header">
        ${this.#renderHeading(ready ? de.heading(controller.count) : de.regionLabel)}
        ${this.#renderSort()}
      </header>
      ${this.#isClosed
        ? html`<slot name="closed"><p class="status closed" part="status">${de.closed}</p></slot>`
        : this.composerOpen
          ? html`<comment-reply
              class="composer"
              part="composer"
              exportparts="form: composer-form, textarea: composer-textarea, send-button: composer-send-button"
            ></comment-reply>`
          : html`<button type="button" class="composer-start" part="composer-start" data-action="compose">
              ${de.composerStart}
            </button>`}
      ${problems
        ? html`<p class="status notice" part="status">${unreadable ? de.inlineUnreadable : de.dataProblem(problems)}</p>`
        : nothing}
      ${this.#renderList()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'article-comments': ArticleComments;
  }
}
