/**
 * The dialog's title, and what it shows once the backend stored the report:
 * the thanks, the backend's reference and the time it received the report
 * (what DSA Art. 16(4) asks a provider to confirm), and "Schließen".
 */
import {html, type TemplateResult} from 'lit';
import type {ReportReceipt} from '../../adapters/adapter.js';
import type {ReportDialogWords} from '../../i18n/locale.js';
import type {TimeWords} from '../../time/relative-time.js';

/** "Kommentar von <bdi>Name</bdi> melden": the name is untrusted text, isolated for right-to-left scripts. */
export function renderTitle(authorName: string, t: ReportDialogWords): TemplateResult {
  return html`<h2 id="title" class="title" part="title">
    ${authorName ? html`${t.titleBefore}<bdi>${authorName}</bdi>${t.titleAfter}` : t.title}
  </h2>`;
}

export function renderConfirmation(receipt: ReportReceipt, onClose: () => void, t: ReportDialogWords, time: TimeWords): TemplateResult {
  // "Schließen" gets the focus; the confirmation describes it, so a screen reader reads both.
  return html`<div class="confirmation" part="confirmation">
    <div class="body">
      <p id="thanks" class="thanks">${t.thanks}</p>
      <p id="reference">${t.reference}<strong class="reference">${receipt.id}</strong></p>
      <p id="received"><time datetime=${receipt.receivedAt}>${t.receivedAt(time.fullDate(Date.parse(receipt.receivedAt)))}</time></p>
    </div>
    <div class="footer">
      <div class="actions" part="actions">
        <button type="button" class="button" part="close-button" aria-describedby="thanks reference received" @click=${onClose}>${t.close}</button>
      </div>
    </div>
  </div>`;
}
