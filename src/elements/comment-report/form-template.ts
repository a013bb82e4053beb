/**
 * The report form: the reasons, the text field (additional information, or
 * with "Rechtswidriger Inhalt" the required explanation), the notice fields
 * for illegal content, the messages and the buttons. It only arranges; the
 * element decides.
 */
import {html, nothing, type TemplateResult} from 'lit';
import {live} from 'lit/directives/live.js';
import type {FormWords, ReportDialogWords} from '../../i18n/locale.js';
import {REPORT_REASONS} from '../../model/report.js';
import {detailsLimit, type ReportForm, type ReportFormField} from '../../model/report-form.js';
import {characterCount} from '../../model/text.js';
import {describedBy, fieldMessage, marker} from './fields.js';
import {renderNotice} from './notice-template.js';


export interface ReportFormView {
  /** The words of the dialog's language. */
  words: {dialog: ReportDialogWords; forms: FormWords};
  form: ReportForm;
  permalink: string;
  /** The message at each field (see `messagesByField`). */
  messages: Partial<Record<ReportFormField, string>>;
  /** "2 Angaben fehlen …" after a refused "Meldung senden", else ''. */
  summary: string;
  failure: string;
  /** "Ihre begonnene Meldung wurde wiederhergestellt." */
  notice: string;
  busy: boolean;
  onSubmit(event: SubmitEvent): void;
  /** Every `input` and `change` in the form (see `formChange`). */
  onEdit(event: Event): void;
  onCancel(): void;
}

function renderReasons(view: ReportFormView): TemplateResult {
  const t = view.words.dialog;
  const error = view.messages.reason;
  return html`<fieldset class="reasons" aria-describedby=${describedBy(error && 'reason-error')}>
    <legend class="label">${t.reasonLegend}${marker(true, t)}</legend>
    ${REPORT_REASONS.map(
      (reason) => html`<label class="choice" part="reason">
        <input
          type="radio"
          name="reason"
          value=${reason}
          required
          .checked=${live(view.form.reason === reason)}
          aria-describedby=${describedBy(error && 'reason-error')}
        />
        <span>${t.reasons[reason]}</span>
      </label>`
    )}
    ${fieldMessage('reason', error)}
  </fieldset>`;
}

function renderDetails(view: ReportFormView): TemplateResult {
  const t = view.words.dialog;
  const illegal = view.form.reason === 'illegal';
  const limit = detailsLimit(view.form.reason);
  const used = characterCount(view.form.details.trim());
  const error = view.messages.details;
  return html`<div class="field">
    <label class="label" for="details">${illegal ? t.explanationLabel : t.detailsLabel}${marker(illegal, t)}</label>
    <textarea
      id="details"
      name="details"
      part="textarea"
      rows=${illegal ? 5 : 3}
      .value=${live(view.form.details)}
      ?required=${illegal}
      ?readonly=${view.busy}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy('details-counter', error && 'details-error')}
    ></textarea>
    <span id="details-counter" part="counter" class=${used > limit ? 'counter over' : 'counter'}>${view.words.forms.counter(used, limit)}</span>
    ${fieldMessage('details', error)}
  </div>`;
}

export function renderReportForm(view: ReportFormView): TemplateResult {
  const t = view.words.dialog;
  return html`<form
    part="form"
    novalidate
    aria-busy=${view.busy ? 'true' : 'false'}
    @submit=${view.onSubmit}
    @input=${view.onEdit}
    @change=${view.onEdit}
  >
    <div class="body" part="body">
      <p class="notice" role="status">${view.notice}</p>
      ${renderReasons(view)} ${renderDetails(view)}
      ${view.form.reason === 'illegal' ? renderNotice(view.form, view.permalink, view.messages, view.busy, t) : nothing}
    </div>
    <div class="footer" part="footer">
      <p class="summary error" part="error" role="status">${view.summary}</p>
      <p class="failure error" part="error" role="alert">${view.failure}</p>
      <div class="actions" part="actions">
        <button type="submit" class="button" part="send-button" aria-disabled=${view.busy ? 'true' : 'false'}>
          ${view.busy ? view.words.forms.sending : t.send}
        </button>
        <button type="button" class="button secondary" part="cancel-button" aria-disabled=${view.busy ? 'true' : 'false'} @click=${view.onCancel}>
          ${view.words.forms.cancel}
        </button>
      </div>
    </div>
  </form>`;
}
