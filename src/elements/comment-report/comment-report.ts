import {LitElement, html, type PropertyValues} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import {consume} from '@lit/context';
import type {CommentAdapter, ReportReceipt, ReportRequest} from '../../adapters/adapter.js';
import {adapterContext, discussionContext, localeContext, type DiscussionState} from '../../context.js';
import {CommentReportCloseEvent, CommentReportEvent, CommentReportFailedEvent} from '../../events.js';
import {formText} from '../../i18n/forms.js';
import {LocaleController} from '../../i18n/locale-controller.js';
import type {FormWords, Locale, ReadingWords, ReportDialogWords, ReportRuleWords} from '../../i18n/locale.js';
import {reportDialogText} from '../../i18n/report-dialog.js';
import {reportMessages} from '../../i18n/report.js';
import {isValidReport, validateReport, type ReportFieldErrors} from '../../model/report.js';
import {commentUrl, detailsLimit, emptyReportForm, firstInvalidField, messagesByField, reportInput, type ReportForm} from '../../model/report-form.js';
import {characterCount} from '../../model/text.js';
import {systemClock, type Clock} from '../../time/clock.js';
import {styles} from './comment-report.styles.js';
import {renderConfirmation, renderTitle} from './confirmation-template.js';
import {controlOf} from './fields.js';
import {crossesThreshold, formChange} from './form-changes.js';
import {renderReportForm} from './form-template.js';
import {Modal} from './modal.js';
import {ReportKeeper} from './report-keeper.js';
import {submitReport, takesReports} from './send-report.js';

/**
 * The report dialog ("Melden"): a modal `<dialog>` that asks why a comment is
 * reported and sends the report through the adapter. "Rechtswidriger Inhalt"
 * makes it the notice of illegal content of DSA Art. 16(2).
 *
 * It checks in German at each field, keeps what the reader typed per comment
 * (in storage too, so a reload keeps it), sends every retry of one report
 * with the same idempotency key (stored once), keeps everything when sending
 * fails, and confirms with the backend's reference and the time received.
 * Opening it again for a reported comment shows that confirmation.
 *
 * @summary Reports a comment: the reasons, or a notice of illegal content (DSA Art. 16).
 * @tag comment-report
 *
 * @fires {CommentReportEvent} comment-report - The backend stored the report; `event.request` is what was sent, `event.receipt` the backend's reference and time received.
 * @fires {CommentReportFailedEvent} comment-report-failed - Sending failed; `event.error` is a typed `AdapterError`. Everything typed stays.
 * @fires {CommentReportCloseEvent} comment-report-close - The dialog closed; the opener returns focus. `event.receipt` is the stored report, or null.
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart title - "Kommentar von … melden".
 * @csspart form - The form.
 * @csspart body - The scrolling part with the fields.
 * @csspart reason - Each reason (a label around its radio button).
 * @csspart textarea - The text field: additional information, or the explanation.
 * @csspart counter - The character counter.
 * @csspart notice - The fields of a notice of illegal content.
 * @csspart error - A message at a field, the summary, or why sending failed.
 * @csspart footer - The part that stays in view with messages and buttons.
 * @csspart actions - The row with the buttons.
 * @csspart send-button - "Meldung senden".
 * @csspart cancel-button - "Abbrechen".
 * @csspart confirmation - The thanks, the reference and the time received.
 * @csspart close-button - "Schließen" after sending.
 *
 * @cssprop [--ac-color-dialog=Canvas] - Background of the dialog.
 * @cssprop [--ac-color-dialog-text=CanvasText] - Text in the dialog.
 * @cssprop [--ac-color-backdrop=rgb(0 0 0 / 0.55)] - The dimmed page behind the dialog.
 * @cssprop [--ac-color-accent=#0b57d0] - The publisher's colour: fill of buttons. Any colour works: text on it and the accent as text are derived.
 * @cssprop [--ac-color-on-accent=white or black] - Text on accent-coloured buttons; default whichever contrasts more (≥ 4.5:1).
 * @cssprop [--ac-color-accent-text=the accent, darkened or lightened] - The accent as text (links, outlines of buttons), ≥ 4.5:1 on the theme's page.
 * @cssprop [--ac-color-focus=#1f1f1f (dark: #ececec)] - Focus ring: the theme's ink, never the accent.
 * @cssprop [--ac-color-danger=#b3261e] - Messages and invalid fields.
 * @cssprop [--ac-color-field=Field] - Background of text fields.
 * @cssprop [--ac-color-field-text=FieldText] - Text in text fields.
 * @cssprop [--ac-color-border=color-mix(in srgb, currentColor 22%, transparent)] - Field and separator lines.
 * @cssprop [--ac-radius=0.5rem] - Corner radius of the dialog, fields and buttons.
 * @cssprop [--ac-space=1rem] - Base spacing unit.
 * @cssprop [--ac-font-family=inherit] - Font; inherits the page's by default.
 */
export class CommentReport extends LitElement {
  static override styles = styles;

  /** The discussion's id. Inside `<article-comments>` it comes from there. */
  @property({reflect: true}) thread = '';

  /** The id of the comment reported. */
  @property({attribute: 'comment-id', reflect: true}) commentId = '';

  /** The name of the comment's author, for the title "Kommentar von … melden" (shown as text). */
  @property({attribute: 'author-name'}) authorName = '';

  /** Absolute URL of the comment, sent with a notice of illegal content. Default: this page with `#comment-ID`. */
  @property() permalink = '';

  /** `light` (default), `dark`, or `auto` (the reader's system setting). Inside `<article-comments>` its theme applies. */
  @property({reflect: true}) theme?: 'light' | 'dark' | 'auto';

  /** The backend. Inside `<article-comments>` it comes from there. */
  @property({attribute: false}) adapter?: CommentAdapter;

  /** The clock for times. Inside `<article-comments>` its clock. */
  @property({attribute: false}) clock?: Clock;

  /** Focused when the dialog closes, e.g. the "Melden" button that opened it. */
  @property({attribute: false}) returnFocus?: HTMLElement;

  @consume({context: adapterContext, subscribe: true})
  @state()
  private contextAdapter?: CommentAdapter;

  @consume({context: discussionContext, subscribe: true})
  @state()
  private discussion?: DiscussionState;

  @consume({context: localeContext, subscribe: true})
  @state()
  private contextLocale?: Locale;

  /** The language, as on `<article-comments>` (inside one, its language applies). Default: the nearest `lang`, else `de-DE`. */
  @property() locale = '';

  readonly #locale = new LocaleController(this);

  /** The words of the dialog's language: a language's own, or German, which comes with this part. */
  get #words(): {dialog: ReportDialogWords; forms: FormWords; rules: ReportRuleWords; reading: ReadingWords} {
    const locale = this.#locale.current;
    return {
      dialog: locale.reportDialog ?? reportDialogText,
      forms: locale.forms ?? formText,
      rules: locale.reportRules ?? reportMessages,
      reading: locale.reading,
    };
  }

  @state() private form: ReportForm = emptyReportForm();
  @state() private stored: ReportReceipt | null = null;
  @state() private fieldErrors: ReportFieldErrors = {};
  @state() private summaryShown = false;
  @state() private failure = '';
  @state() private busy = false;
  @state() private notice = '';
  @state() private announcement = '';

  @query('dialog') private dialog?: HTMLDialogElement;

  #keeper = new ReportKeeper();
  /** A draft came back from storage: said once the dialog is open. */
  #restored = false;
  #modal = new Modal({
    dialog: () => this.dialog,
    busy: () => this.busy,
    closed: () => {
      this.notice = '';
      if (this.returnFocus?.isConnected) this.returnFocus.focus();
      this.dispatchEvent(new CommentReportCloseEvent(this.commentId, this.stored));
    },
  });

  /** The thread used for drafts and the report. */
  get resolvedThread(): string {
    return this.thread || this.discussion?.thread || location.pathname;
  }

  /** The comment's URL as sent: `permalink` made absolute, else this page with `#comment-ID`. */
  get resolvedPermalink(): string {
    return commentUrl(this.permalink, this.commentId, location.href);
  }

  /** Whether the dialog is open. */
  get open(): boolean {
    return this.#modal.open;
  }

  /** Whether a report is being sent. */
  get sending(): boolean {
    return this.busy;
  }

  /** The backend's receipt for this comment's report, once it was stored; else null. */
  get receipt(): ReportReceipt | null {
    return this.stored;
  }

  #now(): number {
    return (this.clock ?? this.discussion?.clock ?? systemClock).now();
  }

  /** Inside `<article-comments>`: its language. Else another language may be loading: the update waits for its words. */
  protected override async scheduleUpdate(): Promise<void> {
    const waiting = this.#locale.beforeUpdate(this.contextLocale);
    if (waiting) await waiting;
    super.scheduleUpdate();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    // Another comment (or the first): its unfinished report, or its receipt.
    if (!this.commentId) return;
    const restored = this.#keeper.restore(this.resolvedThread, this.commentId, this.#now());
    if (!restored) return;
    this.form = restored.form;
    this.stored = restored.receipt;
    this.fieldErrors = {};
    this.summaryShown = false;
    this.failure = '';
    this.notice = '';
    this.announcement = '';
    this.#restored = restored.restored;
  }

  /**
   * Opens the dialog as a modal (the page behind is inert) and moves focus
   * into it: to the reason (or the first field with a message), or to
   * "Schließen" when the comment was reported already.
   */
  async show(): Promise<void> {
    if (!this.isConnected) throw new DOMException('<comment-report> must be in the document to open.', 'InvalidStateError');
    await this.updateComplete;
    if (this.#modal.show() && this.#restored) this.notice = this.#words.dialog.draftRestored;
    this.#restored = false;
    await this.updateComplete;
    this.#focusStart();
  }

  /** Closes the dialog; what the reader typed stays for next time. A report being sent is still stored. */
  close(): void {
    this.#modal.close();
  }

  #focusStart(): void {
    const root = this.renderRoot as ShadowRoot;
    if (this.stored) {
      root.querySelector<HTMLElement>('[part~="close-button"]')?.focus();
      return;
    }
    controlOf(root, firstInvalidField(this.fieldErrors) ?? 'reason')?.focus();
  }

  #left(): number {
    return detailsLimit(this.form.reason) - characterCount(this.form.details.trim());
  }

  #onEdit = (event: Event): void => {
    const change = formChange(event);
    if (!change) return;
    const before = {left: this.#left(), reason: this.form.reason};
    this.form = {...this.form, ...change.changes};
    if (change.clears.some((field) => this.fieldErrors[field])) {
      const errors = {...this.fieldErrors};
      for (const field of change.clears) delete errors[field];
      this.fieldErrors = errors;
    }
    this.notice = '';
    if (this.commentId) this.#keeper.save(this.resolvedThread, this.commentId, this.form, this.#now());
    if (before.reason !== 'illegal' && this.form.reason === 'illegal') this.announcement = this.#words.dialog.noticeShown;
    else if ('details' in change.changes && crossesThreshold(before.left, this.#left())) this.announcement = this.#words.forms.remaining(this.#left());
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.send();
  };

  /**
   * Checks and sends the report. Resolves true when the backend stored it.
   * Calls while a report is being sent are ignored, so a double click sends once.
   */
  async send(): Promise<boolean> {
    if (this.busy || this.stored || !this.commentId) return false;
    const thread = this.resolvedThread;
    const commentId = this.commentId;
    const input = reportInput(this.form, this.resolvedPermalink);
    const errors = validateReport(input, this.#words.rules);
    this.fieldErrors = errors;
    this.failure = '';
    this.summaryShown = !isValidReport(errors);
    if (this.summaryShown || input.reason === '') {
      await this.updateComplete;
      this.#focusStart();
      return false;
    }
    const adapter = this.adapter ?? this.contextAdapter;
    if (!takesReports(adapter)) {
      this.failure = this.#words.dialog.noAdapter;
      return false;
    }
    const request: ReportRequest = {...input, reason: input.reason, thread, commentId, idempotencyKey: this.#keeper.idempotencyKey(thread, commentId)};
    this.#keeper.save(thread, commentId, this.form, this.#now());
    this.busy = true;
    const outcome = await submitReport(adapter, request, () => this.#now(), this.#words);
    this.busy = false;
    // The dialog may have turned to another comment meanwhile: the outcome belongs to this one.
    const current = thread === this.resolvedThread && commentId === this.commentId;
    if ('receipt' in outcome) {
      this.#keeper.sent(thread, commentId, outcome.receipt);
      if (current) {
        this.stored = outcome.receipt;
        this.form = emptyReportForm();
        this.fieldErrors = {};
      }
      this.dispatchEvent(new CommentReportEvent(request, outcome.receipt));
    } else {
      const {failure} = outcome;
      if (failure.newKey) this.#keeper.renewKey(thread, commentId, this.#now());
      if (current) {
        if (failure.fieldErrors) this.fieldErrors = failure.fieldErrors;
        this.failure = failure.message;
      }
      this.dispatchEvent(new CommentReportFailedEvent(failure.error, request));
    }
    // Onto "Schließen", or the first field the backend refused; else the focus stays where it is.
    if (current && this.open && ('receipt' in outcome || firstInvalidField(this.fieldErrors))) {
      await this.updateComplete;
      this.#focusStart();
    }
    return 'receipt' in outcome;
  }

  protected override render() {
    const messages = messagesByField(this.fieldErrors, this.#words.rules.permalinkMissing);
    const count = Object.keys(messages).length;
    const content = this.stored
      ? renderConfirmation(this.stored, () => this.close(), this.#words.dialog, this.#locale.current.time)
      : renderReportForm({
          words: {dialog: this.#words.dialog, forms: this.#words.forms},
          form: this.form,
          permalink: this.resolvedPermalink,
          messages,
          summary: this.summaryShown && count > 0 ? this.#words.dialog.invalid(count) : '',
          failure: this.failure,
          notice: this.notice,
          busy: this.busy,
          onSubmit: this.#onSubmit,
          onEdit: this.#onEdit,
          onCancel: this.#modal.cancel,
        });
    return html`<dialog part="dialog" aria-labelledby="title" @cancel=${this.#modal.onCancel} @close=${this.#modal.onClose}>
      <div class="header">${renderTitle(this.authorName, this.#words.dialog)}</div>
      ${content}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'comment-report': CommentReport;
  }
}
