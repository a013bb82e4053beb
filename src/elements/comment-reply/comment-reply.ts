import {LitElement, html, type PropertyValues} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import {consume} from '@lit/context';
import type {CommentAdapter} from '../../adapters/adapter.js';
import {ForbiddenError, UnexpectedResponseError, toAdapterError} from '../../adapters/errors.js';
import {adapterContext, discussionContext, localeContext, type DiscussionState} from '../../context.js';
import {loadName, saveName} from '../../drafts/draft-store.js';
import {noteLoginReturn} from '../../drafts/login-return.js';
import {
  CommentChangedEvent,
  CommentEditCancelEvent,
  CommentPostFailedEvent,
  CommentPostedEvent,
  CommentReplyCancelEvent,
  CommentSendEvent,
} from '../../events.js';
import {composerText} from '../../i18n/composer.js';
import {formText} from '../../i18n/forms.js';
import {LocaleController} from '../../i18n/locale-controller.js';
import type {ComposerWords, FormWords, Locale, ReadingWords} from '../../i18n/locale.js';
import type {CommentDraft, Quote} from '../../model/comment.js';
import {isCommentRecord} from '../../model/parse.js';
import {characterCount} from '../../model/text.js';
import {DEFAULT_MAX_LENGTH, isValid, validateDraft, type FieldErrors} from '../../model/validate.js';
import {styles} from './comment-reply.styles.js';
import {DraftKeeper} from './draft-keeper.js';
import {EditWindow} from './edit-window.js';
import {describeFailure} from './failure.js';
import {renderForm} from './form-template.js';

/** Characters left at which the counter is announced. */
const COUNTER_THRESHOLDS = [100, 20, 0, -1];

/**
 * The composer: writes a new comment or a reply and posts it through the
 * adapter it finds in context (inside `<article-comments>`) or is given.
 *
 * It validates in German, saves a draft per discussion and parent while the
 * reader types (a reload restores it), never posts twice for one draft
 * (busy guard and an idempotency key kept across retries), and keeps the text
 * when posting fails. When it failed because the browser was offline, the
 * form offers to send by itself once the browser is back online (a checkbox,
 * on by default): on the window's `online` event it sends once, with the same
 * idempotency key, and the draft stays until the backend stored it.
 *
 * @summary Writes and sends a comment or a reply.
 * @tag comment-reply
 *
 * @fires {CommentSendEvent} comment-send - A valid draft is about to be sent. Cancelable.
 * @fires {CommentPostedEvent} comment-posted - The backend stored the comment; `event.comment` is the stored record.
 * @fires {CommentPostFailedEvent} comment-post-failed - Posting failed; `event.error` is a typed `AdapterError`. The text stays.
 * @fires {CommentReplyCancelEvent} comment-reply-cancel - The reader closed a reply form.
 * @fires {CommentChangedEvent} comment-edited - Editing (`edit-id`): the backend stored the change; `event.comment` is the record now.
 * @fires {CommentEditCancelEvent} comment-edit-cancel - Editing: the reader closed the form (the edit stays saved as a draft).
 *
 * @csspart form - The form around everything.
 * @csspart closed - The notice shown instead of the form when the discussion is closed (beside the kept text when it closed while the reader typed).
 * @csspart consent - "Mit dem Absenden akzeptieren Sie unsere Netiquette und Datenschutzerklärung." (with `netiquette-url`/`privacy-url` on `<article-comments>`).
 *
 * @slot notice - Replaces the consent line above "Senden".
 * @slot login - Replaces the "Anmelden" link where writing needs signing in (e.g. the publisher's own login button).
 * @slot notify-notice - Replaces the line on what the e-mail address for reply notifications is used for.
 * @csspart signed-in - "Sie kommentieren als Julia W." (with "Abmelden" when `logout-url` is set), instead of the name field.
 * @csspart logout - The "Abmelden" link.
 * @csspart login - "Melden Sie sich an, um mitzudiskutieren." with the login link, instead of "Senden".
 * @csspart login-link - The "Anmelden" link (to `login-url`).
 * @csspart notify - "Bei Antworten per E-Mail benachrichtigen" with its address.
 * @csspart email - The e-mail field for notifications (readers not signed in).
 * @csspart notify-address - Where the mails go, for a signed-in reader with an address.
 * @csspart notify-privacy - What the address is used for, with the privacy policy.
 * @csspart expired - Editing: "Die Zeit zum Bearbeiten ist abgelaufen. …"
 * @csspart quote - The quoted passage being answered.
 * @csspart textarea - The comment text field.
 * @csspart name - The name field.
 * @csspart counter - The character counter.
 * @csspart error - A validation or posting message.
 * @csspart auto-send - The offer to send once back online, after an offline failure.
 * @csspart actions - The row with the buttons.
 * @csspart send-button - The "Senden" button.
 * @csspart cancel-button - The "Abbrechen" button of a reply form.
 *
 * @cssprop [--ac-color-accent=#0b57d0] - The publisher's colour: fill of buttons. Any colour works: text on it and the accent as text are derived.
 * @cssprop [--ac-color-on-accent=white or black] - Text on accent-coloured buttons; default whichever contrasts more (≥ 4.5:1).
 * @cssprop [--ac-color-accent-text=the accent, darkened or lightened] - The accent as text (links, outlines of buttons), ≥ 4.5:1 on the theme's page.
 * @cssprop [--ac-color-focus=#1f1f1f (dark: #ececec)] - Focus ring: the theme's ink, never the accent.
 * @cssprop [--ac-color-danger=#b3261e] - Validation and error messages.
 * @cssprop [--ac-color-field=Field] - Background of text fields.
 * @cssprop [--ac-color-field-text=FieldText] - Text in text fields.
 * @cssprop [--ac-color-border=color-mix(in srgb, currentColor 22%, transparent)] - Field and separator lines.
 * @cssprop [--ac-radius=0.5rem] - Corner radius of fields and buttons.
 * @cssprop [--ac-space=1rem] - Base spacing unit.
 * @cssprop [--ac-font-family=inherit] - Font; inherits the page's by default.
 */
export class CommentReply extends LitElement {
  static override styles = styles;

  /** The discussion's id. Inside `<article-comments>` it comes from there. */
  @property({reflect: true}) thread = '';

  /** The id of the comment answered; empty for a new top-level comment. */
  @property({attribute: 'parent-id', reflect: true}) parentId = '';

  /** The name of the author answered, for the form's label. */
  @property({attribute: 'reply-to'}) replyTo = '';

  /** Longest comment accepted, in characters. Default: from the backend, else 2,000. */
  @property({attribute: 'max-length', type: Number}) maxLength?: number;

  /** Shows "Abbrechen" and lets Escape close the form (reply forms). */
  @property({type: Boolean, reflect: true}) cancelable = false;

  /** `light` (default), `dark`, or `auto` (the reader's system setting). Inside `<article-comments>` its theme applies. */
  @property({reflect: true}) theme?: 'light' | 'dark' | 'auto';

  /** The language, as on `<article-comments>` (inside one, its language applies). Default: the nearest `lang`, else `de-DE`. */
  @property() locale = '';

  /** The passage quoted by this comment, if any. */
  @property({attribute: false}) quote: Quote | null = null;

  /** Edits the reader's own comment with this id instead of writing a new one ("Speichern" changes it). */
  @property({attribute: 'edit-id', reflect: true}) editId = '';

  /** Editing: the comment's text now, the form's text unless a saved draft of this edit is waiting. */
  @property({attribute: false}) original = '';

  /** Editing: until when the backend allows it (epoch ms); then the form says so and keeps the text. */
  @property({attribute: false}) editableUntil: number | null = null;

  /** The backend. Inside `<article-comments>` it comes from there. */
  @property({attribute: false}) adapter?: CommentAdapter;

  @consume({context: adapterContext, subscribe: true})
  @state()
  private contextAdapter?: CommentAdapter;

  @consume({context: discussionContext, subscribe: true})
  @state()
  private discussion?: DiscussionState;

  @consume({context: localeContext, subscribe: true})
  @state()
  private contextLocale?: Locale;

  readonly #locale = new LocaleController(this);

  /** The words of the form's language: a language's own, or German, which comes with this part. */
  get #words(): {reading: ReadingWords; composer: ComposerWords; forms: FormWords} {
    const locale = this.#locale.current;
    return {reading: locale.reading, composer: locale.composer ?? composerText, forms: locale.forms ?? formText};
  }

  @state() private body = '';
  @state() private name = loadName();
  @state() private fieldErrors: FieldErrors = {};
  @state() private failure = '';
  @state() private autoSendOffered = false;
  @state() private autoSend = true;
  @state() private busy = false;
  @state() private notice = '';
  @state() private announcement = '';
  /** "Bei Antworten per E-Mail benachrichtigen" ticked, and the address typed for it. */
  @state() private notify = false;
  @state() private email = '';
  /** The backend said the reader must sign in (a 401 on sending). */
  @state() private loginAsked = false;
  #editLoaded = false;
  /** Editing: the text of the last attempt to save. */
  #lastEdit: string | undefined;
  readonly #window = new EditWindow(this, () => this.discussion?.clock);

  @query('textarea') private textarea!: HTMLTextAreaElement;
  @query('input[name="name"]') private nameInput!: HTMLInputElement;
  @query('input[name="email"]') private emailInput!: HTMLInputElement;

  #draft = new DraftKeeper();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
  }

  /** The signed-in reader, if any. */
  get #viewer() {
    return this.discussion?.viewer ?? null;
  }

  /** Writing needs signing in first. */
  get #loginNeeded(): boolean {
    return !this.#viewer && (this.discussion?.loginRequired === true || this.loginAsked);
  }

  /** Where the draft is kept: per parent, or per comment being edited. */
  get #draftParent(): string | null {
    return this.editId ? `edit:${this.editId}` : this.#parent;
  }

  /** Back online after an offline failure: sends once, if the reader lets it. */
  #onOnline = (): void => {
    if (!this.autoSendOffered) return;
    // Withdrawn first, so a second `online` (or one while sending) does not send again.
    this.autoSendOffered = false;
    if (this.autoSend && !this.busy) void this.send();
  }

  #onAutoSendChange = (event: Event): void => {
    this.autoSend = (event.target as HTMLInputElement).checked;
  }

  /** The thread used for drafts and posting. */
  get resolvedThread(): string {
    return this.thread || this.discussion?.thread || location.pathname;
  }

  get #resolvedAdapter(): CommentAdapter | undefined {
    return this.adapter ?? this.contextAdapter;
  }

  get #parent(): string | null {
    return this.parentId || null;
  }

  get #limit(): number {
    return this.maxLength ?? this.discussion?.maxLength ?? this.#resolvedAdapter?.capabilities?.maxLength ?? DEFAULT_MAX_LENGTH;
  }

  get #requireName(): boolean {
    if (this.#viewer || this.editId) return false;
    return this.discussion?.requireName ?? !this.#resolvedAdapter?.capabilities?.anonymous;
  }

  /** Whether the form offers reply notifications. */
  get #offersNotify(): boolean {
    return !this.editId && (this.discussion?.notifications ?? this.#resolvedAdapter?.capabilities?.notifications === true);
  }

  #now(): number {
    return this.discussion?.clock.now() ?? Date.now();
  }

  /** Whether a post is under way. */
  get sending(): boolean {
    return this.busy;
  }

  /** The text in the form. */
  get value(): string {
    return this.body;
  }

  set value(text: string) {
    this.body = text;
    this.#persist();
  }

  /** Inside `<article-comments>`: its language. Else another language may be loading: the update waits for its words. */
  protected override async scheduleUpdate(): Promise<void> {
    const waiting = this.#locale.beforeUpdate(this.contextLocale);
    if (waiting) await waiting;
    super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.loginAsked && this.#viewer) this.loginAsked = false;
    // Restore the draft of this discussion and parent once they are known.
    const restored = this.#draft.restore(this.resolvedThread, this.#draftParent, this.#now());
    if (this.editId && !this.#editLoaded && !restored) {
      // Editing without a saved draft of this edit: the comment's text now.
      this.#editLoaded = true;
      this.body = this.original;
    } else if (restored) {
      this.#editLoaded = true;
      this.body = restored.body;
      if (!changed.has('quote') || !this.quote) this.quote = restored.quote;
      // Set after the first render, so the live region exists before its text changes and is announced.
      if (restored.body.trim()) void this.updateComplete.then(() => (this.notice = this.#words.composer.draftRestored));
    } else if (restored === null) {
      // Another discussion or parent without a draft: start empty (the old text stays saved under its own key).
      this.body = '';
      if (!changed.has('quote')) this.quote = null;
    }
    if (changed.has('quote') && changed.get('quote') !== undefined) this.#persist();
  }

  /** Focuses the text field. */
  override focus(options?: FocusOptions): void {
    if (this.textarea) this.textarea.focus(options);
    else super.focus(options);
  }

  #persist(): void {
    // An edit that changes nothing is no draft.
    const body = this.editId && this.body === this.original ? '' : this.body;
    this.#draft.save(this.resolvedThread, this.#draftParent, body, this.quote, this.#now());
  }

  #onInput = (event: InputEvent): void => {
    const before = this.#limit - characterCount(this.body.trim());
    this.body = (event.target as HTMLTextAreaElement).value;
    this.notice = '';
    if (this.fieldErrors.body) this.fieldErrors = {...this.fieldErrors, body: undefined};
    this.#persist();
    // Screen readers hear the counter only near the limit, not on every key.
    const left = this.#limit - characterCount(this.body.trim());
    const threshold = COUNTER_THRESHOLDS.find((mark) => (before > mark) !== (left > mark));
    if (threshold !== undefined) this.announcement = this.#words.forms.remaining(left);
  }

  #onNotifyChange = (event: Event): void => {
    this.notify = (event.target as HTMLInputElement).checked;
    if (!this.notify && this.fieldErrors.email) this.fieldErrors = {...this.fieldErrors, email: undefined};
  };

  #onEmailInput = (event: InputEvent): void => {
    this.email = (event.target as HTMLInputElement).value;
    if (this.fieldErrors.email) this.fieldErrors = {...this.fieldErrors, email: undefined};
  };

  /** Following "Anmelden": the draft is saved; the page the reader comes back to opens this form again. */
  #onLogin = (): void => {
    this.#persist();
    if (!this.editId) noteLoginReturn(this.resolvedThread, this.#parent, this.#now());
  };

  #onNameInput = (event: InputEvent): void => {
    this.name = (event.target as HTMLInputElement).value;
    if (this.fieldErrors.name) this.fieldErrors = {...this.fieldErrors, name: undefined};
  }

  #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.send();
    } else if (event.key === 'Escape' && (this.cancelable || this.editId)) {
      event.preventDefault();
      this.cancel();
    }
  }

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.send();
  }

  #removeQuote = (): void => {
    this.quote = null;
    this.#persist();
    this.focus();
  }

  /** Closes a reply form (or the edit). The draft stays saved for next time. */
  cancel(): void {
    if (this.editId) this.dispatchEvent(new CommentEditCancelEvent(this.editId));
    else this.dispatchEvent(new CommentReplyCancelEvent(this.#parent));
  }

  /** Saves the edit of the reader's own comment: the same checks and failure handling as posting. */
  async #sendEdit(): Promise<boolean> {
    if (this.#window.expired) return false;
    const errors = validateDraft({name: '', body: this.body}, {maxLength: this.#limit, requireName: false, reply: this.#parent !== null}, this.#words.composer);
    this.fieldErrors = errors;
    this.failure = '';
    if (!isValid(errors)) {
      this.announcement = this.#words.composer.formInvalid;
      await this.updateComplete;
      this.textarea?.focus();
      return false;
    }
    const adapter = this.#resolvedAdapter;
    if (!adapter?.edit) {
      this.failure = this.#words.composer.noAdapter;
      return false;
    }
    const thread = this.resolvedThread;
    // A retry is the same request, unless the reader changed the text meanwhile: then a stored first
    // attempt (its answer lost) must not stand in for the new text.
    const body = this.body.trim();
    if (this.#lastEdit !== undefined && this.#lastEdit !== body) this.#draft.renewKey();
    this.#lastEdit = body;
    this.busy = true;
    this.#persist();
    try {
      const stored = await adapter.edit({thread, commentId: this.editId, body, idempotencyKey: this.#draft.idempotencyKey});
      if (!isCommentRecord(stored)) throw new UnexpectedResponseError('The answer to the edit is not a valid comment record.');
      this.#draft.posted(thread, this.#draftParent);
      this.dispatchEvent(new CommentChangedEvent('comment-edited', stored, thread));
      return true;
    } catch (caught) {
      const error = toAdapterError(caught);
      if (ForbiddenError.is(error) && error.reason === 'expired') this.#window.expire();
      const failure = describeFailure(error, this.#now(), this.#words, 'change');
      if (failure.fieldErrors) this.fieldErrors = failure.fieldErrors;
      if (failure.newKey) {
        this.#draft.renewKey();
        this.#persist();
      }
      this.failure = this.#window.expired ? '' : failure.message;
      return false;
    } finally {
      this.busy = false;
    }
  }

  /**
   * Validates and posts the draft. Resolves true when the comment was stored.
   * Calls while a post is under way are ignored, so a double click posts once.
   */
  async send(): Promise<boolean> {
    if (this.busy) return false;
    if (this.editId) return this.#sendEdit();
    if (this.discussion?.closed || this.#loginNeeded) return false;
    const viewer = this.#viewer;
    const notify = this.notify && this.#offersNotify;
    const errors = validateDraft(
      {name: viewer ? viewer.name : this.name, body: this.body, email: this.email},
      {
        maxLength: this.#limit,
        requireName: this.#requireName,
        reply: this.#parent !== null,
        question: this.discussion?.qa === true,
        notify,
        emailKnown: viewer?.email !== undefined,
      },
      this.#words.composer
    );
    this.fieldErrors = errors;
    this.failure = '';
    this.autoSendOffered = false;
    if (!isValid(errors)) {
      this.announcement = this.#words.composer.formInvalid;
      await this.updateComplete;
      (errors.body ? this.textarea : errors.name ? this.nameInput : this.emailInput)?.focus();
      return false;
    }
    const draft: CommentDraft = {
      thread: this.resolvedThread,
      parentId: this.#parent,
      author: {name: viewer ? viewer.name : this.name.trim()},
      body: this.body.trim(),
      quote: this.quote,
    };
    if (!this.dispatchEvent(new CommentSendEvent(draft))) return false;
    const adapter = this.#resolvedAdapter;
    if (!adapter) {
      this.failure = this.#words.composer.noAdapter;
      return false;
    }
    this.busy = true;
    this.#persist();
    try {
      const stored = await adapter.post({...draft, idempotencyKey: this.#draft.idempotencyKey, notify: notify ? {email: this.email.trim()} : null});
      // The backend's answer is untrusted like any record: a comment that cannot be shown was not stored as one.
      if (!isCommentRecord(stored)) throw new UnexpectedResponseError('The answer to the post is not a valid comment record.');
      if (!viewer) saveName(draft.author.name);
      this.#draft.posted(draft.thread, draft.parentId);
      this.body = '';
      this.quote = null;
      this.notice = '';
      this.notify = false;
      // Inside <article-comments> the thread announces the new comment.
      this.announcement = this.discussion ? '' : this.#words.composer.sent;
      this.dispatchEvent(new CommentPostedEvent(stored, draft.thread));
      return true;
    } catch (caught) {
      const error = toAdapterError(caught);
      // Not signed in (any more): the form offers the login, if there is one to offer; the text waits.
      if (ForbiddenError.is(error) && error.reason === 'login' && (this.discussion?.loginUrl || this.querySelector('[slot="login"]'))) this.loginAsked = true;
      const failure = describeFailure(error, this.#now(), this.#words);
      if (failure.fieldErrors) this.fieldErrors = failure.fieldErrors;
      if (failure.newKey) {
        this.#draft.renewKey();
        this.#persist();
      }
      this.failure = this.#loginNeeded ? '' : failure.message;
      this.autoSendOffered = failure.offline;
      this.dispatchEvent(new CommentPostFailedEvent(error, draft));
      return false;
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const closed = this.discussion?.closed === true && !this.editId;
    // Closed with nothing typed: only the notice. Closed while typing: the text stays, read-only.
    if (closed && !this.body.trim()) return html`<p class="closed" part="closed">${this.discussion!.closedMessage}</p>`;
    return renderForm({
      words: this.#words,
      closedNotice: closed ? this.discussion!.closedMessage : '',
      netiquetteUrl: this.discussion?.netiquetteUrl ?? '',
      privacyUrl: this.discussion?.privacyUrl ?? '',
      body: this.body,
      name: this.name,
      quote: this.quote,
      limit: this.#limit,
      reply: this.#parent !== null,
      question: this.#parent === null && this.discussion?.qa === true,
      replyTo: this.replyTo,
      requireName: this.#requireName,
      busy: this.busy,
      cancelable: this.cancelable || this.editId !== '',
      editing: this.editId !== '',
      expired: this.#window.expired,
      viewer: this.#viewer,
      logoutUrl: this.discussion?.logoutUrl ?? '',
      loginNeeded: this.#loginNeeded,
      loginUrl: this.discussion?.loginUrl ?? '',
      onLogin: this.#onLogin,
      offersNotify: this.#offersNotify && !this.#loginNeeded,
      notify: this.notify,
      email: this.email,
      onNotifyChange: this.#onNotifyChange,
      onEmailInput: this.#onEmailInput,
      fieldErrors: this.fieldErrors,
      failure: this.failure,
      autoSendOffered: this.autoSendOffered && !closed,
      autoSend: this.autoSend,
      notice: this.notice,
      announcement: this.announcement,
      onSubmit: this.#onSubmit,
      onKeyDown: this.#onKeyDown,
      onInput: this.#onInput,
      onNameInput: this.#onNameInput,
      onRemoveQuote: this.#removeQuote,
      onCancel: () => this.cancel(),
      onAutoSendChange: this.#onAutoSendChange,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'comment-reply': CommentReply;
  }
}
