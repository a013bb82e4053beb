/**
 * The fields a notice of illegal content needs (DSA Art. 16(2)): the
 * comment's permalink (read-only), further links, whether it concerns child
 * sexual abuse (then name and e-mail are optional), name, e-mail and the
 * confirmation in good faith. The explanation is the form's text field.
 *
 * Further links are one text field, one per line, rather than up to five
 * inputs with "add" and "remove" buttons: one label, one message and one
 * counter ("2 von 5 Links") for a screen reader to hear, nothing appearing
 * or vanishing under the keyboard focus, and a list of links pastes in one go.
 */
import {html, type TemplateResult} from 'lit';
import {live} from 'lit/directives/live.js';
import type {ReportDialogWords} from '../../i18n/locale.js';
import {MAX_FURTHER_URLS} from '../../model/report.js';
import {splitUrls, type ReportForm, type ReportFormField} from '../../model/report-form.js';
import {describedBy, fieldMessage, marker} from './fields.js';


export function renderNotice(
  form: ReportForm,
  permalink: string,
  messages: Partial<Record<ReportFormField, string>>,
  busy: boolean,
  t: ReportDialogWords
): TemplateResult {
  const identify = !form.childAbuse;
  const urlCount = splitUrls(form.urls).length;
  const invalid = (field: ReportFormField) => (messages[field] ? 'true' : 'false');
  const error = (field: ReportFormField) => messages[field] !== undefined && `${field === 'goodFaith' ? 'good-faith' : field}-error`;
  return html`<fieldset class="notice-fields" part="notice">
    <legend class="label">${t.noticeLegend}</legend>
    <p class="hint">${t.noticeIntro}</p>

    <div class="field">
      <label class="label" for="permalink">${t.permalinkLabel}</label>
      <input
        id="permalink"
        type="url"
        readonly
        .value=${live(permalink)}
        aria-invalid=${invalid('permalink')}
        aria-describedby=${describedBy(error('permalink'))}
      />
      ${fieldMessage('permalink', messages.permalink)}
    </div>

    <div class="field">
      <label class="label" for="urls">${t.urlsLabel}${marker(false, t)}</label>
      <textarea
        id="urls"
        name="urls"
        rows="3"
        inputmode="url"
        autocomplete="off"
        spellcheck="false"
        .value=${live(form.urls)}
        ?readonly=${busy}
        aria-invalid=${invalid('urls')}
        aria-describedby=${describedBy('urls-count', error('urls'))}
      ></textarea>
      <span id="urls-count" class=${urlCount > MAX_FURTHER_URLS ? 'counter over' : 'counter'}>${t.urlsCount(urlCount, MAX_FURTHER_URLS)}</span>
      ${fieldMessage('urls', messages.urls)}
    </div>

    <div class="field">
      <label class="choice">
        <input type="checkbox" id="child-abuse" name="childAbuse" .checked=${live(form.childAbuse)} aria-describedby="child-abuse-hint" />
        <span>${t.childAbuseLabel}</span>
      </label>
      <p id="child-abuse-hint" class="hint">${t.childAbuseHint}</p>
    </div>

    <div class="field">
      <label class="label" for="name">${t.nameLabel}${marker(identify, t)}</label>
      <input
        id="name"
        name="name"
        type="text"
        autocomplete="name"
        .value=${live(form.name)}
        ?required=${identify}
        ?readonly=${busy}
        aria-invalid=${invalid('name')}
        aria-describedby=${describedBy(error('name'))}
      />
      ${fieldMessage('name', messages.name)}
    </div>

    <div class="field">
      <label class="label" for="email">${t.emailLabel}${marker(identify, t)}</label>
      <input
        id="email"
        name="email"
        type="email"
        autocomplete="email"
        spellcheck="false"
        .value=${live(form.email)}
        ?required=${identify}
        ?readonly=${busy}
        aria-invalid=${invalid('email')}
        aria-describedby=${describedBy(error('email'))}
      />
      ${fieldMessage('email', messages.email)}
    </div>

    <div class="field">
      <label class="choice">
        <input
          type="checkbox"
          id="good-faith"
          name="goodFaith"
          required
          .checked=${live(form.goodFaith)}
          aria-invalid=${invalid('goodFaith')}
          aria-describedby=${describedBy(error('goodFaith'))}
        />
        <span>${t.goodFaithLabel}${marker(true, t)}</span>
      </label>
      ${fieldMessage('good-faith', messages.goodFaith)}
    </div>
  </fieldset>`;
}
