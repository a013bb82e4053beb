/**
 * The words of the report dialog `<comment-report>` ("Melden"; with
 * "Rechtswidriger Inhalt" the notice of DSA Art. 16(2)): they travel with
 * the dialog, which is loaded on "Melden".
 */
import type {AdapterError} from '../adapters/errors.js';
import {formatNumber, plural} from './de.js';
import {de} from './de.js';
import {errorMessage, isOffline, retryAfterSeconds} from './errors.js';
import type {ReadingWords, ReportDialogWords} from './locale.js';

export const reportDialogText = {
  title: 'Kommentar melden',
  /** "Kommentar von <bdi>Name</bdi> melden": the name goes between, in its own element. */
  titleBefore: 'Kommentar von ',
  titleAfter: ' melden',
  reasonLegend: 'Warum melden Sie diesen Kommentar?',
  reasons: {
    offensive: 'Beleidigend oder hasserfüllt',
    spam: 'Spam oder Werbung',
    misinformation: 'Falschinformation',
    netiquette: 'Verstößt gegen die Netiquette',
    illegal: 'Rechtswidriger Inhalt',
  },
  required: '(Pflichtfeld)',
  optional: '(freiwillig)',
  detailsLabel: 'Zusätzliche Informationen',
  explanationLabel: 'Warum ist der Inhalt rechtswidrig?',
  noticeLegend: 'Angaben für eine Meldung rechtswidriger Inhalte',
  noticeIntro: 'Diese Angaben verlangt der Digital Services Act (Art. 16 Abs. 2) für eine Meldung rechtswidriger Inhalte.',
  noticeShown: 'Weitere Angaben für eine Meldung rechtswidriger Inhalte folgen unten im Formular.',
  permalinkLabel: 'Link zum gemeldeten Kommentar',
  urlsLabel: 'Weitere Links (höchstens 5, einer pro Zeile)',
  urlsCount: (count: number, max: number) => `${formatNumber(count)} von ${formatNumber(max)} Links`,
  childAbuseLabel: 'Die Meldung betrifft Darstellungen sexuellen Kindesmissbrauchs',
  childAbuseHint: 'Dann sind Name und E-Mail-Adresse freiwillig.',
  nameLabel: 'Ihr Name',
  emailLabel: 'Ihre E-Mail-Adresse',
  goodFaithLabel: 'Ich bestätige in gutem Glauben, dass die Angaben in dieser Meldung richtig und vollständig sind.',
  send: 'Meldung senden',
  invalid: (count: number) =>
    count === 1
      ? 'Eine Angabe fehlt oder ist ungültig. Bitte prüfen Sie das markierte Feld.'
      : `${formatNumber(count)} Angaben fehlen oder sind ungültig. Bitte prüfen Sie die markierten Felder.`,
  draftRestored: 'Ihre begonnene Meldung wurde wiederhergestellt.',
  /** Added to a failure's message (the message itself says what to do; the offline one says this too). */
  keptText: 'Ihre Meldung bleibt erhalten.',
  noAdapter: 'Meldungen können hier gerade nicht gesendet werden.',
  thanks: 'Vielen Dank. Ihre Meldung ist eingegangen.',
  reference: 'Aktenzeichen: ',
  receivedAt: (date: string) => `Eingegangen am ${date}`,
  close: 'Schließen',
  // Errors from adapters that read differently for a report than for a comment
  refused: 'Die Meldung wurde nicht angenommen. Bitte prüfen Sie Ihre Angaben und senden Sie sie dann noch einmal.',
  commentGone: 'Der Kommentar existiert nicht mehr; eine Meldung ist nicht mehr nötig.',
  closed: 'Für diese Diskussion werden keine Meldungen mehr angenommen. Bitte wenden Sie sich direkt an die Redaktion.',
  offline: 'Sie sind offline. Ihre Meldung bleibt erhalten – senden Sie sie, sobald die Verbindung wieder besteht.',
  forbidden: 'Bitte melden Sie sich an, um Meldungen zu senden.',
  rateLimited: 'Sie haben gerade sehr viele Meldungen gesendet. Bitte warten Sie einen Moment.',
  rateLimitedFor: (seconds: number) =>
    `Sie haben gerade sehr viele Meldungen gesendet. Bitte warten Sie ${plural(seconds, 'Sekunde', 'Sekunden')}.`,

} as const;

/** The German sentence for an error from sending a report; errors that read the same as for a comment come from `errorMessage`. */
export function reportErrorMessage(error: AdapterError, now = Date.now(), t: ReportDialogWords = reportDialogText, reading: ReadingWords = de): string {
  switch (error.kind) {
    case 'invalid':
      return t.refused;
    case 'rate-limited': {
      const seconds = retryAfterSeconds(error, now);
      return seconds > 0 ? t.rateLimitedFor(seconds) : t.rateLimited;
    }
    case 'not-found':
      return t.commentGone;
    case 'closed':
      return t.closed;
    case 'forbidden':
      return t.forbidden;
    case 'network':
      return isOffline(error) ? t.offline : errorMessage(error, now, 'post', reading);
    default:
      return errorMessage(error, now, 'post', reading);
  }
}
