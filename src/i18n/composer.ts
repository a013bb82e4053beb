/**
 * The words of `<comment-reply>` and of checking a draft: they travel with
 * the composer, which is loaded when a reader starts writing.
 */
import {formatNumber} from './de.js';

export const composerText = {
  questionLabel: 'Frage stellen',
  questionBodyLabel: 'Ihre Frage',
  closedKeptText: 'Ihr Text bleibt hier stehen, Sie können ihn noch kopieren.',
  consentBefore: 'Mit dem Absenden akzeptieren Sie unsere ',
  netiquette: 'Netiquette',
  consentAnd: ' und ',
  privacy: 'Datenschutzerklärung',
  consentAfter: '.',
  composerLabel: 'Kommentar schreiben',
  composerReplyLabel: (name: string) => `Antwort an ${name} schreiben`,
  bodyLabel: 'Ihr Kommentar',
  replyBodyLabel: 'Ihre Antwort',
  nameLabel: 'Ihr Name',
  nameLabelOptional: 'Ihr Name (freiwillig)',
  send: 'Senden',
  removeQuote: 'Zitat entfernen',
  quoting: 'Sie zitieren:',
  shortcutHint: 'Senden mit Strg+Enter',
  shortcutHintMac: 'Senden mit ⌘+Enter',
  draftRestored: 'Ihr Entwurf wurde wiederhergestellt.',
  sent: 'Ihr Kommentar wurde gesendet.',
  /** Added to a failure's message (the message itself says what to do; the offline one says this too). */
  keptText: 'Ihr Text bleibt erhalten.',
  /** Offered after a post failed because the browser was offline. */
  autoSendLabel: 'Automatisch senden, sobald die Verbindung wieder besteht',
  autoSendOn: 'Ihr Text wird automatisch gesendet, sobald Sie wieder online sind.',
  autoSendOff: 'Ihr Text wird nicht automatisch gesendet.',
  noAdapter: 'Kommentare können hier gerade nicht gesendet werden.',
  // Signed-in readers, login, notifications, editing
  signedInAs: 'Sie kommentieren als ',
  logout: 'Abmelden',
  loginRequired: 'Melden Sie sich an, um mitzudiskutieren.',
  login: 'Anmelden',
  loginKeepsText: 'Ihr Text bleibt gespeichert und wartet hier auf Sie.',
  notifyLabel: 'Bei Antworten per E-Mail benachrichtigen',
  emailLabel: 'Ihre E-Mail-Adresse',
  notifyTo: (email: string) => `Benachrichtigungen gehen an ${email}.`,
  notifyPrivacy: 'Ihre E-Mail-Adresse wird nicht veröffentlicht und nur für diese Benachrichtigungen verwendet.',
  editLabel: 'Kommentar bearbeiten',
  editBodyLabel: 'Ihr Kommentar',
  save: 'Speichern',
  editExpired: 'Die Zeit zum Bearbeiten ist abgelaufen. Ihr Text bleibt hier stehen, Sie können ihn noch kopieren.',

  // Validation (also the memory and Waline adapters' answers)
  emailEmpty: 'Bitte geben Sie Ihre E-Mail-Adresse an, damit wir Sie benachrichtigen können.',
  emailInvalid: 'Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.',
  questionEmpty: 'Bitte schreiben Sie Ihre Frage.',
  bodyEmpty: 'Bitte schreiben Sie einen Kommentar.',
  bodyTooLong: (length: number, max: number) =>
    `Ihr Kommentar ist ${formatNumber(length)} Zeichen lang – erlaubt sind höchstens ${formatNumber(max)}.`,
  replyEmpty: 'Bitte schreiben Sie eine Antwort.',
  replyTooLong: (length: number, max: number) =>
    `Ihre Antwort ist ${formatNumber(length)} Zeichen lang – erlaubt sind höchstens ${formatNumber(max)}.`,
  nameEmpty: 'Bitte geben Sie einen Namen an.',
  nameTooLong: (max: number) => `Der Name darf höchstens ${formatNumber(max)} Zeichen lang sein.`,
  formInvalid: 'Bitte prüfen Sie Ihre Eingaben.',
} as const;
