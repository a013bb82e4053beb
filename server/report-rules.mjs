// The reference server's checks of a report (docs/rest-api.md, "Reports"):
// the same rules and German messages as src/model/report.ts and
// src/i18n/report.ts, in plain Node.js so the server needs nothing built.
// tests/reports-backend.test.ts checks that both say the same.

export const REASONS = ['offensive', 'spam', 'misinformation', 'netiquette', 'illegal'];
export const DETAILS_MAX = 500;
export const EXPLANATION_MAX = 1000;
export const MAX_FURTHER_URLS = 5;

const messages = {
  reasonMissing: 'Bitte wählen Sie einen Grund für Ihre Meldung.',
  explanationMissing: 'Bitte erklären Sie, warum der Inhalt rechtswidrig ist.',
  tooLong: (max) => `Höchstens ${new Intl.NumberFormat('de-DE').format(max)} Zeichen.`,
  tooManyUrls: (max) => `Höchstens ${max} weitere Links.`,
  urlInvalid: 'Bitte geben Sie nur Links an, die mit http:// oder https:// beginnen.',
  permalinkMissing: 'Der Link zum gemeldeten Kommentar fehlt. Bitte laden Sie die Seite neu.',
  nameMissing: 'Bitte geben Sie Ihren Namen an.',
  emailMissing: 'Bitte geben Sie Ihre E-Mail-Adresse an.',
  emailInvalid: 'Bitte geben Sie eine gültige E-Mail-Adresse an.',
  goodFaithMissing: 'Bitte bestätigen Sie, dass Ihre Angaben richtig und vollständig sind.',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const text = (value) => (typeof value === 'string' ? value.trim() : '');
const length = (value) => [...value].length;
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

function isUrl(value, httpOnly) {
  try {
    const url = new URL(value);
    return !httpOnly || url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The request body as it would be stored: trimmed, empty links left out, a notice only with reason `illegal`. */
export function normalizeReport(input) {
  const reason = isObject(input) && REASONS.includes(input.reason) ? input.reason : null;
  const raw = reason === 'illegal' && isObject(input.notice) ? input.notice : null;
  const notice = raw && {
    permalink: text(raw.permalink),
    urls: (Array.isArray(raw.urls) ? raw.urls : []).map(text).filter((url) => url !== ''),
    name: text(raw.name),
    email: text(raw.email),
    childAbuse: raw.childAbuse === true,
    goodFaith: raw.goodFaith === true,
  };
  return {reason, details: text(input?.details), notice};
}

/** German messages per field for a report that cannot be taken; {} when it can. */
export function reportErrors(report) {
  const fields = {};
  const illegal = report.reason === 'illegal';
  if (!report.reason) fields.reason = messages.reasonMissing;
  const max = illegal ? EXPLANATION_MAX : DETAILS_MAX;
  if (illegal && report.details === '') fields.details = messages.explanationMissing;
  else if (length(report.details) > max) fields.details = messages.tooLong(max);
  if (!illegal) return fields;
  const notice = report.notice ?? {permalink: '', urls: [], name: '', email: '', childAbuse: false, goodFaith: false};
  if (notice.urls.length > MAX_FURTHER_URLS) fields.urls = messages.tooManyUrls(MAX_FURTHER_URLS);
  else if (notice.urls.some((url) => !isUrl(url, true))) fields.urls = messages.urlInvalid;
  else if (!isUrl(notice.permalink, false)) fields.urls = messages.permalinkMissing;
  if (!notice.childAbuse && notice.name === '') fields.name = messages.nameMissing;
  if (notice.email === '') {
    if (!notice.childAbuse) fields.email = messages.emailMissing;
  } else if (!EMAIL.test(notice.email)) {
    fields.email = messages.emailInvalid;
  }
  if (!notice.goodFaith) fields.goodFaith = messages.goodFaithMissing;
  return fields;
}
