/**
 * The composer's form: quote, text field with counter and shortcut hint,
 * name field, messages at each field, and the buttons. It only arranges; the
 * element decides.
 */
import {html, nothing, type TemplateResult} from 'lit';
import {live} from 'lit/directives/live.js';
import type {Viewer} from '../../adapters/adapter.js';
import type {ComposerWords, FormWords, ReadingWords} from '../../i18n/locale.js';
import {nestQuotes} from '../../i18n/quotes.js';
import type {Quote} from '../../model/comment.js';
import {characterCount} from '../../model/text.js';
import type {FieldErrors} from '../../model/validate.js';

/** Between the name and "Abmelden" (a value, not template text: the build's template minifier trims that). */
const SEPARATOR = ' · ';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export interface FormView {
  /** The words of the form's language. */
  words: {reading: ReadingWords; composer: ComposerWords; forms: FormWords};
  body: string;
  name: string;
  quote: Quote | null;
  limit: number;
  reply: boolean;
  /** A new question in question mode. */
  question: boolean;
  replyTo: string;
  requireName: boolean;
  busy: boolean;
  cancelable: boolean;
  fieldErrors: FieldErrors;
  failure: string;
  /** A post failed offline: the form offers to send by itself once the browser is back online. */
  autoSendOffered: boolean;
  /** Whether the reader lets it (the offer's checkbox). */
  autoSend: boolean;
  notice: string;
  announcement: string;
  /** Closed while the reader was typing: the text stays, read-only and copyable, with this notice. */
  closedNotice: string;
  netiquetteUrl: string;
  privacyUrl: string;
  onSubmit(event: SubmitEvent): void;
  onKeyDown(event: KeyboardEvent): void;
  onInput(event: InputEvent): void;
  onNameInput(event: InputEvent): void;
  onRemoveQuote(): void;
  onCancel(): void;
  onAutoSendChange(event: Event): void;
  /** Changes the reader's own comment ("Speichern"), rather than writing one. */
  editing: boolean;
  /** Editing, and the time for it has passed: the text stays, read-only. */
  expired: boolean;
  /** The signed-in reader: "Sie kommentieren als …" instead of the name field. */
  viewer: Viewer | null;
  logoutUrl: string;
  /** Writing needs signing in: the publisher's login instead of "Senden". */
  loginNeeded: boolean;
  loginUrl: string;
  onLogin(): void;
  /** "Bei Antworten per E-Mail benachrichtigen" is offered. */
  offersNotify: boolean;
  notify: boolean;
  email: string;
  onNotifyChange(event: Event): void;
  onEmailInput(event: InputEvent): void;
}

/** Who writes: the signed-in reader's name (with the publisher's "Abmelden"), or the name field. */
function renderAuthor(view: FormView, nameError: string | undefined): TemplateResult | typeof nothing {
  const words = view.words.composer;
  if (view.editing) return nothing;
  if (view.viewer) {
    return html`<p class="signed-in" part="signed-in">
      ${words.signedInAs}<bdi>${view.viewer.name}</bdi>${view.logoutUrl
        ? html`${SEPARATOR}<a href=${view.logoutUrl} part="logout">${words.logout}</a>`
        : nothing}
    </p>`;
  }
  if (view.loginNeeded) return nothing;
  return renderField({
    name: 'name',
    type: 'text',
    autocomplete: 'nickname',
    label: view.requireName ? words.nameLabel : words.nameLabelOptional,
    value: view.name,
    error: nameError,
    busy: view.busy,
    onInput: view.onNameInput,
  });
}

/** A labelled one-line field with its message below: the name, the e-mail address. */
function renderField(field: {
  name: 'name' | 'email';
  type: 'text' | 'email';
  autocomplete: string;
  label: string;
  value: string;
  error: string | undefined;
  /** Further descriptions (ids), e.g. what the address is used for. */
  describedBy?: string;
  busy: boolean;
  onInput(event: InputEvent): void;
}): TemplateResult {
  const errorId = `${field.name}-error`;
  const described = [field.describedBy, field.error ? errorId : ''].filter(Boolean).join(' ');
  return html`<label class="label" for=${field.name}>${field.label}</label>
    <input
      id=${field.name}
      name=${field.name}
      part=${field.name}
      type=${field.type}
      autocomplete=${field.autocomplete}
      .value=${live(field.value)}
      ?readonly=${field.busy}
      aria-invalid=${field.error ? 'true' : 'false'}
      aria-describedby=${described || nothing}
      @input=${field.onInput}
    />
    ${field.error ? html`<p id=${errorId} class="error" part="error">${field.error}</p>` : nothing}`;
}

/** The opt-in to reply notifications: the address (the account's, or a field for one) and what it is used for. */
function renderNotify(view: FormView): TemplateResult | typeof nothing {
  if (!view.offersNotify) return nothing;
  const words = view.words.composer;
  const error = view.fieldErrors.email;
  const known = view.viewer?.email;
  return html`<div class="notify" part="notify">
    <label class="choice">
      <input type="checkbox" name="notify" .checked=${live(view.notify)} ?disabled=${view.busy} @change=${view.onNotifyChange} />
      ${words.notifyLabel}
    </label>
    ${view.notify
      ? html`${known
            ? html`<p class="hint" part="notify-address">${words.notifyTo(known)}</p>`
            : renderField({
                name: 'email',
                type: 'email',
                autocomplete: 'email',
                label: words.emailLabel,
                value: view.email,
                error,
                describedBy: 'notify-privacy',
                busy: view.busy,
                onInput: view.onEmailInput,
              })}
          <div id="notify-privacy"
            ><slot name="notify-notice"
              ><p class="hint" part="notify-privacy">
                ${words.notifyPrivacy}${view.privacyUrl
                  ? html` <a href=${view.privacyUrl} target="_blank" rel="noopener">${words.privacy}</a>`
                  : nothing}
              </p></slot
            ></div
          >`
      : nothing}
  </div>`;
}

/** Instead of "Senden" where writing needs signing in: the publisher's login (or their own, in the `login` slot). */
function renderLogin(view: FormView): TemplateResult {
  const words = view.words.composer;
  return html`<div class="login" part="login">
    <p role="status">${words.loginRequired} ${view.body.trim() ? words.loginKeepsText : nothing}</p>
    <slot name="login"
      >${view.loginUrl
        ? html`<a class="button" part="login-link" href=${view.loginUrl} @click=${view.onLogin}>${words.login}</a>`
        : nothing}</slot
    >
  </div>`;
}

/** "Mit dem Absenden akzeptieren Sie unsere Netiquette und Datenschutzerklärung.", as far as the publisher gave the pages; a slot replaces it. */
function renderConsent(view: FormView): TemplateResult {
  const link = (href: string, text: string) => html`<a href=${href} target="_blank" rel="noopener">${text}</a>`;
  const parts = [view.netiquetteUrl && link(view.netiquetteUrl, view.words.composer.netiquette), view.privacyUrl && link(view.privacyUrl, view.words.composer.privacy)].filter(Boolean);
  return html`<slot name="notice"
    >${parts.length
      ? html`<p class="consent" part="consent">${view.words.composer.consentBefore}${parts[0]}${parts[1] ? html`${view.words.composer.consentAnd}${parts[1]}` : nothing}${view.words.composer.consentAfter}</p>`
      : nothing}</slot
  >`;
}

/** The offer after an offline failure: a checkbox, on by default, and what it means now. */
function renderAutoSend(view: FormView): TemplateResult {
  return html`<div class="auto-send" part="auto-send">
    <label class="choice">
      <input type="checkbox" name="auto-send" .checked=${live(view.autoSend)} @change=${view.onAutoSendChange} />
      ${view.words.composer.autoSendLabel}
    </label>
    <p class="auto-send-state" role="status">${view.autoSend ? view.words.composer.autoSendOn : view.words.composer.autoSendOff}</p>
  </div>`;
}

/** The form's name and its text field's label: an edit, a reply (to whom), a question, or a comment. */
function labels(view: FormView): {form: string; body: string} {
  const {composer, reading} = view.words;
  if (view.editing) return {form: composer.editLabel, body: composer.editBodyLabel};
  if (view.reply) {
    return view.replyTo
      ? {form: composer.composerReplyLabel(view.replyTo), body: reading.replyingTo(view.replyTo)}
      : {form: composer.replyBodyLabel, body: composer.replyBodyLabel};
  }
  return view.question ? {form: composer.questionLabel, body: composer.questionBodyLabel} : {form: composer.composerLabel, body: composer.bodyLabel};
}

export function renderForm(view: FormView): TemplateResult {
  const used = characterCount(view.body.trim());
  const over = used > view.limit;
  const {form: label, body: bodyLabel} = labels(view);
  const {body: bodyError, name: nameError} = view.fieldErrors;
  return html`
    <form
      part="form"
      aria-label=${label}
      aria-busy=${view.busy ? 'true' : 'false'}
      novalidate
      @submit=${view.onSubmit}
      @keydown=${view.onKeyDown}
    >
      ${view.quote
        ? html`<div class="quote" part="quote">
            <span class="quote-label">${view.words.composer.quoting}</span>
            <blockquote>${view.words.reading.quoteOpen}${nestQuotes(view.quote.text, view.words.reading.innerQuoteOpen, view.words.reading.innerQuoteClose)}${view.words.reading.quoteClose}</blockquote>
            <button type="button" class="link-button" @click=${view.onRemoveQuote}>${view.words.composer.removeQuote}</button>
          </div>`
        : nothing}
      <label class="label" for="body">${bodyLabel}</label>
      <textarea
        id="body"
        name="body"
        part="textarea"
        rows="4"
        .value=${live(view.body)}
        ?readonly=${view.busy || view.closedNotice !== '' || view.expired}
        aria-invalid=${bodyError ? 'true' : 'false'}
        aria-describedby="counter hint ${bodyError ? 'body-error' : ''} ${view.closedNotice ? 'closed-notice' : ''} ${view.expired ? 'expired-notice' : ''}"
        @input=${view.onInput}
      ></textarea>
      <div class="meta">
        <span id="counter" part="counter" class=${over ? 'counter over' : 'counter'}>${view.words.forms.counter(used, view.limit)}</span>
        <span id="hint" class="hint">${isMac ? view.words.composer.shortcutHintMac : view.words.composer.shortcutHint}</span>
      </div>
      ${bodyError ? html`<p id="body-error" class="error" part="error">${bodyError}</p>` : nothing}
      ${renderAuthor(view, nameError)}
      ${renderNotify(view)}
      <p class="failure error" part="error" role="alert">${view.failure}</p>
      ${view.expired ? html`<p id="expired-notice" class="closed" part="expired" role="status">${view.words.composer.editExpired}</p>` : nothing}
      ${view.autoSendOffered ? renderAutoSend(view) : nothing}
      <p class="notice" role="status">${view.notice}</p>
      ${view.closedNotice
        ? html`<p id="closed-notice" class="closed" part="closed" role="status">${view.closedNotice} ${view.words.composer.closedKeptText}</p>`
        : view.editing
          ? nothing
          : renderConsent(view)}
      ${view.loginNeeded && !view.closedNotice && !view.editing ? renderLogin(view) : nothing}
      <div class="actions" part="actions">
        ${view.closedNotice || view.expired || (view.loginNeeded && !view.editing)
          ? nothing
          : html`<button type="submit" class="button" part="send-button" aria-disabled=${view.busy ? 'true' : 'false'}>
              ${view.busy ? view.words.forms.sending : view.editing ? view.words.composer.save : view.words.composer.send}
            </button>`}
        ${view.cancelable
          ? html`<button type="button" class="button secondary" part="cancel-button" @click=${view.onCancel}>
              ${view.reply || view.editing ? view.words.forms.cancel : view.words.reading.closeComposer}
            </button>`
          : nothing}
      </div>
      <div class="visually-hidden" role="status">${view.announcement}</div>
    </form>
  `;
}
