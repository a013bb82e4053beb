/**
 * The German messages for a report of a comment that cannot be sent yet,
 * per field (see `validateReport` in model/report.ts). Each says what to do.
 * The reference server (server/report-rules.mjs) sends the same sentences.
 */
import {formatNumber} from './de.js';

export const reportMessages = {
  reasonMissing: 'Bitte wählen Sie einen Grund für Ihre Meldung.',
  explanationMissing: 'Bitte erklären Sie, warum der Inhalt rechtswidrig ist.',
  tooLong: (max: number) => `Höchstens ${formatNumber(max)} Zeichen.`,
  tooManyUrls: (max: number) => `Höchstens ${formatNumber(max)} weitere Links.`,
  urlInvalid: 'Bitte geben Sie nur Links an, die mit http:// oder https:// beginnen.',
  permalinkMissing: 'Der Link zum gemeldeten Kommentar fehlt. Bitte laden Sie die Seite neu.',
  nameMissing: 'Bitte geben Sie Ihren Namen an.',
  emailMissing: 'Bitte geben Sie Ihre E-Mail-Adresse an.',
  emailInvalid: 'Bitte geben Sie eine gültige E-Mail-Adresse an.',
  goodFaithMissing: 'Bitte bestätigen Sie, dass Ihre Angaben richtig und vollständig sind.',
};
