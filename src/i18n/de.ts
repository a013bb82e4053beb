/**
 * The German strings of the discussion: what every reader sees. The parts
 * loaded on demand bring their own (composer.ts, forms.ts, report-dialog.ts),
 * so a reader who only reads does not download them.
 *
 * Counts go through `plural()`, so "1 Antwort" / "2 Antworten" are decided
 * by the same rule everywhere, and numbers are grouped the German way
 * ("2.000"). Both are done by hand rather than with `Intl`: every count we
 * show is a whole number, for which German needs only "one is singular", and
 * creating an `Intl.NumberFormat` costs 12–20 ms on a page's first use, more
 * than rendering the first screen of comments.
 *
 * The wording rules (no-break spaces, quotation marks, the gender
 * convention, what an error message says) are in docs/german-copy.md.
 */

/** No-break space (U+00A0): a number and its word never part across lines. */
export const NBSP = '\u00a0';

/** Formats a whole number with German digit grouping: 2000 → "2.000". */
export function formatNumber(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "1 Antwort", "2 Antworten", "0 Antworten", with a no-break space after the number. */
export function plural(count: number, one: string, other: string): string {
  return `${formatNumber(count)}${NBSP}${count === 1 ? one : other}`;
}

/**
 * How role names are gendered, where a publisher's house style decides:
 * `colon` "Autor:in" (the default: the badge has always said "Autor:in", and
 * it is the shortest form that names everyone), `pair` "Autorin/Autor",
 * `generic` "Autor". Everything else is worded neutrally in every style.
 */
export type GenderStyle = 'colon' | 'pair' | 'generic';

export const GENDER_STYLES: readonly GenderStyle[] = ['colon', 'pair', 'generic'];

export const DEFAULT_GENDER_STYLE: GenderStyle = 'colon';

/** The roles that get a badge. */
export type BadgeRole = 'staff' | 'author' | 'expert';

const ROLE_WORDS = {
  colon: {author: 'Autor:in', expert: 'Expert:in', answerByExpert: 'Antwort von Expert:in'},
  pair: {author: 'Autorin/Autor', expert: 'Expertin/Experte', answerByExpert: 'Antwort einer Expertin/eines Experten'},
  generic: {author: 'Autor', expert: 'Experte', answerByExpert: 'Antwort eines Experten'},
} as const;

/** Reads a `gender-style` attribute value; anything else is the default. */
export function toGenderStyle(value: unknown): GenderStyle {
  return GENDER_STYLES.includes(value as GenderStyle) ? (value as GenderStyle) : DEFAULT_GENDER_STYLE;
}

/** The badge of a role: "Redaktion", "Autor:in" / "Autorin/Autor" / "Autor", "Expert:in" / "Expertin/Experte" / "Experte". */
export function roleBadge(role: BadgeRole, style: GenderStyle = DEFAULT_GENDER_STYLE): string {
  return role === 'staff' ? 'Redaktion' : ROLE_WORDS[style][role];
}

/** The mark on a reply that answers a question: "Antwort der Redaktion", or by an expert in the style's words. */
export function answerLabel(role: 'staff' | 'expert', style: GenderStyle = DEFAULT_GENDER_STYLE): string {
  return role === 'staff' ? 'Antwort der Redaktion' : ROLE_WORDS[style].answerByExpert;
}

/**
 * Errors from adapters, by kind: each says what happened and what the reader can do. The forms
 * add that the text stays ("Ihr Text bleibt erhalten."), except `offline`, which says it itself.
 * (An export of its own: the Waline adapter's file needs one of them, not all of de.)
 */
export const germanErrors = {
  network: 'Keine Verbindung zum Server. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es dann noch einmal.',
  offline: 'Sie sind offline. Ihr Text bleibt erhalten – senden Sie ihn, sobald die Verbindung wieder besteht.',
  offlineLoad: 'Sie sind offline. Bitte versuchen Sie es noch einmal, sobald die Verbindung wieder besteht.',
  timeout: 'Der Server hat nicht rechtzeitig geantwortet. Bitte versuchen Sie es gleich noch einmal.',
  invalid: 'Der Kommentar wurde nicht angenommen. Bitte überarbeiten Sie Ihren Text und senden Sie ihn dann noch einmal.',
  refused: 'Der Server hat die Anfrage abgelehnt. Bitte laden Sie die Seite neu.',
  rateLimited: 'Sie haben gerade sehr viele Kommentare geschrieben. Bitte warten Sie einen Moment.',
  rateLimitedFor: (seconds: number) =>
    `Sie haben gerade sehr viele Kommentare geschrieben. Bitte warten Sie ${plural(seconds, 'Sekunde', 'Sekunden')}.`,
  busy: 'Der Server ist gerade überlastet. Bitte versuchen Sie es gleich noch einmal.',
  busyFor: (seconds: number) =>
    `Der Server ist gerade überlastet. Bitte versuchen Sie es in ${plural(seconds, 'Sekunde', 'Sekunden')} noch einmal.`,
  notFound: 'Diese Diskussion wurde nicht gefunden. Bitte laden Sie die Seite später neu.',
  parentGone: 'Der Kommentar, auf den Sie antworten, existiert nicht mehr. Sie können Ihren Text kopieren und als neuen Kommentar senden.',
  forbidden: 'Bitte melden Sie sich an, um zu kommentieren.',
  forbiddenLoad: 'Dafür fehlt Ihnen die Berechtigung. Bitte melden Sie sich an und laden Sie die Seite neu.',
  expired: 'Die Zeit dafür ist abgelaufen.',
  commentGone: 'Dieser Kommentar existiert nicht mehr.',
  signInAgain: 'Bitte melden Sie sich wieder an.',
  notAllowed: 'Dafür fehlt Ihnen die Berechtigung.',
  unexpected: 'Der Server hat unerwartet geantwortet. Bitte versuchen Sie es später noch einmal.',
  server: 'Auf dem Server ist ein Fehler aufgetreten. Bitte versuchen Sie es in einigen Minuten noch einmal.',
  aborted: 'Der Vorgang wurde abgebrochen. Bitte versuchen Sie es noch einmal.',
  unknown: 'Es ist ein unbekannter Fehler aufgetreten. Bitte versuchen Sie es noch einmal; hilft das nicht, laden Sie die Seite neu.',
} as const;

export const de = {
  /** Digit grouping of this language: 2000 → "2.000". */
  number: formatNumber,
  /** The role badge and the answer mark in a gender style (see `roleBadge`, `answerLabel`). */
  roleBadge,
  answerLabel,
  // Heading and states of <article-comments>
  heading: (count: number) =>
    count === 0 ? 'Noch keine Kommentare' : plural(count, 'Kommentar', 'Kommentare'),
  regionLabel: 'Leserkommentare',
  loading: 'Kommentare werden geladen …',
  empty: 'Schreiben Sie den ersten Kommentar.',
  loadError: 'Die Kommentare konnten nicht geladen werden.',
  retry: 'Erneut versuchen',
  loadMore: 'Weitere Kommentare laden',
  loadingMore: 'Weitere Kommentare werden geladen …',
  loadMoreError: 'Weitere Kommentare konnten nicht geladen werden.',
  closed: 'Die Kommentarfunktion für diesen Artikel ist geschlossen.',
  report: 'Melden',
  reported: 'Gemeldet',
  reportAction: (name: string) => `Kommentar von ${name} melden`,
  reportedAction: (name: string) => `Kommentar von ${name} gemeldet`,
  netiquetteLink: 'Zur Netiquette',
  // Reactions, editors' picks, pinned comments, question mode
  reactionLabel: 'Empfehlen',
  // Starts with the visible text ("Empfehlen 4"), so speech control finds it by what it shows.
  reactionAction: (label: string, name: string, count: number) => `${label} ${formatNumber(count)}, Kommentar von ${name}`,
  reactionCount: (count: number) => plural(count, 'Empfehlung', 'Empfehlungen'),
  reactedTo: (name: string) => `Sie empfehlen den Kommentar von ${name}.`,
  unreacted: 'Ihre Empfehlung ist zurückgenommen.',
  reactionFailed: 'Ihre Empfehlung konnte nicht gespeichert werden.',
  featured: 'Redaktionsempfehlung',
  pinned: 'Angeheftet',
  answered: 'Beantwortet',
  /** The default style's; `answerLabel('expert', style)` for another. */
  answerByExpert: ROLE_WORDS.colon.answerByExpert,
  filterLabel: 'Ansicht',
  filterAll: (count: number) => `Alle (${formatNumber(count)})`,
  filterAllComments: 'Alle Kommentare',
  filterFeatured: (count: number) => `Redaktionsempfehlungen (${formatNumber(count)})`,
  filterAnswered: (count: number) => `Beantwortet (${formatNumber(count)})`,
  filterOpen: (count: number) => `Offen (${formatNumber(count)})`,
  filterEmpty: 'In dieser Ansicht gibt es noch nichts.',
  questionStart: 'Stellen Sie eine Frage …',
  composerStart: 'Schreiben Sie einen Kommentar …',
  inlineUnreadable: 'Die Kommentare dieser Seite können gerade nicht angezeigt werden.',
  dataProblem: (count: number) =>
    count === 1
      ? 'Ein Kommentar konnte nicht vollständig angezeigt werden.'
      : `${plural(count, 'Kommentar', 'Kommentare')} konnten nicht vollständig angezeigt werden.`,
  sortLabel: 'Sortierung',
  sortNewest: 'Neueste zuerst',
  sortOldest: 'Älteste zuerst',
  sortReactions: 'Meiste Empfehlungen',
  listLabel: 'Kommentare',

  // Time
  justNow: `gerade${NBSP}eben`,

  // One comment
  commentLabel: (name: string) => `Kommentar von ${name}`,
  replyLabel: (name: string, parentName: string) => `Antwort von ${name} an ${parentName}`,
  replyTo: 'Antwort an',
  anonymous: 'Unbekannt',
  /** The default style's badges; `roleBadge(role, style)` for another. */
  badge: {staff: 'Redaktion', author: ROLE_WORDS.colon.author, expert: ROLE_WORDS.colon.expert} as const,
  edited: 'bearbeitet',
  editedTitle: (date: string) => `Bearbeitet am ${date}`,
  unknownTime: 'Zeitpunkt unbekannt',
  pending: 'Dieser Kommentar wird noch geprüft.',
  pendingOwn: 'Ihr Kommentar wird geprüft und ist erst danach für andere sichtbar.',
  deleted: 'Dieser Kommentar wurde gelöscht.',
  // The reader's own comments
  edit: 'Bearbeiten',
  editAction: 'Ihren Kommentar bearbeiten',
  delete: 'Löschen',
  deleteAction: 'Ihren Kommentar löschen',
  deleteQuestion: 'Möchten Sie Ihren Kommentar wirklich löschen? Antworten darauf bleiben stehen.',
  deleteFinal: 'Das lässt sich nicht rückgängig machen.',
  deleteConfirm: 'Ja, löschen',
  deleteCancel: 'Abbrechen',
  deletedOwn: 'Sie haben Ihren Kommentar gelöscht.',
  undo: 'Rückgängig',
  undoAction: 'Löschen rückgängig machen',
  restored: 'Ihr Kommentar ist wiederhergestellt.',
  editSaved: 'Ihre Änderung ist gespeichert.',
  deleteFailed: 'Ihr Kommentar konnte nicht gelöscht werden.',
  restoreFailed: 'Ihr Kommentar konnte nicht wiederhergestellt werden.',
  notifyOff: 'Benachrichtigungen abbestellen',
  notifyOffDone: 'Sie erhalten zu diesem Kommentar keine E-Mails mehr.',
  notifyOffFailed: 'Die Benachrichtigungen konnten nicht abbestellt werden.',
  notifyOn: 'Bei Antworten per E-Mail benachrichtigen',
  notifyOnDone: 'Sie erhalten zu diesem Kommentar E-Mails, wenn jemand antwortet.',
  notifyOnFailed: 'Die Benachrichtigungen konnten nicht eingeschaltet werden.',
  removed: 'Dieser Kommentar wurde von der Redaktion entfernt.',
  rejectedOwn: 'Ihr Kommentar wurde abgelehnt, weil er gegen unsere Netiquette verstößt.',
  unreadable: 'Dieser Kommentar kann nicht angezeigt werden.',
  quoteOpen: '„',
  quoteClose: '“',
  /** Quotation marks inside a quote (see quotes.ts). */
  innerQuoteOpen: '‚',
  innerQuoteClose: '‘',
  /** The name of a quote without a source. */
  quoteLabel: 'Zitat',
  quoteFromArticle: 'Zitat aus dem Artikel',
  quoteFromCommentPrefix: 'Zitat aus dem Kommentar von ',
  quoteFromUnknownComment: 'Zitat aus einem Kommentar',
  reply: 'Antworten',
  quote: 'Zitieren',
  permalinkLabel: (name: string) => `Link zum Kommentar von ${name}`,
  permalinkLabelAnonymous: 'Link zu diesem Kommentar',
  replyAction: (name: string) => `${name} antworten`,
  quoteAction: (name: string) => `Kommentar von ${name} zitieren`,
  showReplies: (count: number) => `${plural(count, 'Antwort', 'Antworten')} anzeigen`,
  /** "1 Antwort", "2 Antworten": the folded toggle's visible words. */
  replyCount: (count: number) => plural(count, 'Antwort', 'Antworten'),
  /** "Antwort ausblenden" for one, "2 Antworten ausblenden" for more. */
  hideRepliesCount: (count: number) => (count === 1 ? 'Antwort ausblenden' : `${plural(count, 'Antwort', 'Antworten')} ausblenden`),
  /** The toggle's accessible name, saying whose replies: "2 Antworten an M. Brenner anzeigen" / "… ausblenden". */
  toggleRepliesLabel: (count: number, name: string, expanded: boolean) =>
    `${plural(count, 'Antwort', 'Antworten')} an ${name} ${expanded ? 'ausblenden' : 'anzeigen'}`,
  /**
   * Read after the toggle's visible words, hidden from sight, so its name says whose replies
   * and still starts with what it shows ("aria-expanded" says whether they are shown):
   * "2 Antworten" + " an M. Brenner", "2 Antworten ausblenden" + ", Antworten an M. Brenner".
   */
  toggleWhoseShow: (name: string) => ` an ${name}`,
  toggleWhoseHide: (name: string, count = 2) => `, ${count === 1 ? 'Antwort' : 'Antworten'} an ${name}`,
  /** The heading of a reply form: "Ihre Antwort an M. Brenner". */
  replyingTo: (name: string) => `Ihre Antwort an ${name}`,
  /** Closes the composer for a new comment (its draft stays). */
  closeComposer: 'Schließen',
  repliesLabel: (name: string) => `Antworten an ${name}`,
  showMoreReplies: (count: string) => `Weitere Antworten anzeigen (${count})`,
  readMore: 'Weiterlesen',
  showLess: 'Weniger anzeigen',
  textExpanded: 'Der Kommentar wird ganz angezeigt.',
  textShortened: 'Der Kommentar wird wieder gekürzt angezeigt.',
  posted: 'Ihr Kommentar wurde veröffentlicht.',
  postedPending: 'Ihr Kommentar wurde gesendet und wird geprüft.',
  newComments: (count: number) => plural(count, 'neuer Kommentar', 'neue Kommentare'),
  showNewComments: (count: number) => `${plural(count, 'neuen Kommentar', 'neue Kommentare')} anzeigen`,
  newReply: (name: string, parentName: string) => `Neue Antwort von ${name} an ${parentName}`,
  notFound: 'Der verlinkte Kommentar wurde nicht gefunden.',
  linkFailed: 'Der verlinkte Kommentar konnte nicht geladen werden.',

  // Errors from adapters, by kind (see germanErrors).
  errors: germanErrors,


  // Parts loaded on demand (see parts.ts) that did not arrive
  composerFailed: 'Das Formular konnte nicht geladen werden. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut; hilft das nicht, laden Sie die Seite neu.',
  reportDialogFailed: 'Das Formular zum Melden konnte nicht geladen werden. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut; hilft das nicht, laden Sie die Seite neu.',
} as const;

