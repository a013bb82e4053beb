/** Small pieces every field of the report dialog uses: its marker, its message, what describes it. */
import {html, nothing, type TemplateResult} from 'lit';
import type {ReportDialogWords} from '../../i18n/locale.js';
import type {ReportFormField} from '../../model/report-form.js';

/** "(Pflichtfeld)" or "(freiwillig)" after a label: every field says which it is. */
export function marker(required: boolean, t: ReportDialogWords): TemplateResult {
  return html` <span class="marker">${required ? t.required : t.optional}</span>`;
}

/** The message at a field, if it has one; its id is `<field>-error`. */
export function fieldMessage(id: string, message: string | undefined): TemplateResult | typeof nothing {
  return message ? html`<p id="${id}-error" class="error field-error" part="error">${message}</p>` : nothing;
}

const IDS: Record<Exclude<ReportFormField, 'reason'>, string> = {
  details: 'details',
  permalink: 'permalink',
  urls: 'urls',
  name: 'name',
  email: 'email',
  goodFaith: 'good-faith',
};

/** The control that takes the focus for a field: for the reason, the chosen radio button, else the first. */
export function controlOf(root: ShadowRoot, field: ReportFormField): HTMLElement | null {
  if (field !== 'reason') return root.getElementById(IDS[field]);
  return root.querySelector<HTMLInputElement>('input[name="reason"]:checked') ?? root.querySelector<HTMLInputElement>('input[name="reason"]');
}

/** An `aria-describedby` value from the ids that apply. */
export function describedBy(...ids: (string | false | undefined)[]): string | typeof nothing {
  const list = ids.filter(Boolean).join(' ');
  return list || nothing;
}
