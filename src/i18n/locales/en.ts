/**
 * English (British), as an English news site writes its reader comments:
 * "6 comments", "Reply", "Recommend", "5 minutes ago", "24 November 2026".
 * Loaded on demand (see `loadLocale` in ../locale.ts), so it costs a German
 * page nothing.
 *
 * The rules are the German ones (docs/german-copy.md) in English form: a
 * number and its word are joined by a no-break space ("2,000 comments"),
 * numbers are grouped with a comma, quotes are set in “…” with ‘…’ nested,
 * one of a unit is a word ("an hour ago"), and every error message says
 * what happened and what the reader can do. English role words are neutral,
 * so every gender style gives the same badges.
 */
import {enGB as locale} from 'date-fns/locale/en-GB';
import type {BadgeRole, GenderStyle} from '../de.js';
import type {Catalogue} from '../locale.js';
import type {TimeWords, Unit} from '../../time/relative-time.js';

/** No-break space (U+00A0): a number and its word never part across lines. */
const NBSP = '\u00a0';

/** Formats a whole number with English digit grouping: 2000 → "2,000". */
function formatNumber(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 reply", "2 replies", "0 replies", with a no-break space after the number. */
function plural(count: number, one: string, other: string): string {
  return `${formatNumber(count)}${NBSP}${count === 1 ? one : other}`;
}

/** The badge of a role; English role words are neutral, so the style changes nothing. */
function roleBadge(role: BadgeRole, _style?: GenderStyle): string {
  return role === 'staff' ? 'Staff' : role === 'author' ? 'Author' : 'Expert';
}

/** The mark on a reply that answers a question; the same in every style. */
function answerLabel(role: 'staff' | 'expert', _style?: GenderStyle): string {
  return role === 'staff' ? 'Staff answer' : 'Expert answer';
}

const commentCount = (count: number): string =>
  count === 0 ? 'No comments yet' : plural(count, 'comment', 'comments');

// Time ------------------------------------------------------------------

/** One of a unit, in words (the locale says "1 minute ago"). */
const ONE: Record<Unit, string> = {
  xMinutes: `a${NBSP}minute${NBSP}ago`,
  xHours: `an${NBSP}hour${NBSP}ago`,
  xDays: `a${NBSP}day${NBSP}ago`,
};

/** "24 November 2026" (with no-break spaces), in the reader's time zone. */
function formatDate(date: number): string {
  const d = new Date(date);
  const month = locale.localize.month(d.getMonth() as never, {width: 'wide'});
  return `${d.getDate()}${NBSP}${month}${NBSP}${d.getFullYear()}`;
}

/** "Wednesday, 25 November 2026, 14:03" (24-hour), in the reader's time zone; it may break after a comma. */
function formatFullDate(date: number): string {
  const d = new Date(date);
  const weekday = locale.localize.day(d.getDay() as never, {width: 'wide'});
  const time = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  return `${weekday}, ${formatDate(date)}, ${time}`;
}

const time: TimeWords = {
  justNow: `just${NBSP}now`,
  ago: (unit, count) =>
    count === 1 ? ONE[unit] : locale.formatDistance(unit, count, {addSuffix: true, comparison: -1}).replace(/ /g, NBSP),
  date: formatDate,
  fullDate: formatFullDate,
};

// The catalogue ---------------------------------------------------------

export const en: Catalogue = {
  tag: 'en',
  time,
  count: commentCount,

  reading: {
    number: formatNumber,
    roleBadge,
    answerLabel,
    // Heading and states of <article-comments>
    heading: commentCount,
    regionLabel: 'Reader comments',
    loading: 'Loading comments…',
    empty: 'Be the first to comment.',
    loadError: 'The comments could not be loaded.',
    retry: 'Try again',
    loadMore: 'Load more comments',
    loadingMore: 'Loading more comments…',
    loadMoreError: 'More comments could not be loaded.',
    closed: 'Comments are closed on this article.',
    report: 'Report',
    reported: 'Reported',
    reportAction: (name) => `Report comment by ${name}`,
    reportedAction: (name) => `Reported comment by ${name}`,
    netiquetteLink: 'Our community guidelines',
    // Reactions, editors' picks, pinned comments, question mode
    reactionLabel: 'Recommend',
    // Starts with the visible text ("Recommend 4"), so speech control finds it by what it shows.
    reactionAction: (label, name, count) => `${label} ${formatNumber(count)}, comment by ${name}`,
    reactionCount: (count) => plural(count, 'recommendation', 'recommendations'),
    reactedTo: (name) => `You recommended the comment by ${name}.`,
    unreacted: 'Your recommendation has been withdrawn.',
    reactionFailed: 'Your recommendation could not be saved.',
    featured: 'Editor’s pick',
    pinned: 'Pinned',
    answered: 'Answered',
    answerByExpert: answerLabel('expert'),
    filterLabel: 'View',
    filterAll: (count) => `All (${formatNumber(count)})`,
    filterAllComments: 'All comments',
    filterFeatured: (count) => `Editor’s picks (${formatNumber(count)})`,
    filterAnswered: (count) => `Answered (${formatNumber(count)})`,
    filterOpen: (count) => `Unanswered (${formatNumber(count)})`,
    filterEmpty: 'There is nothing in this view yet.',
    questionStart: 'Ask a question…',
    composerStart: 'Write a comment…',
    inlineUnreadable: 'The comments on this page cannot be displayed at the moment.',
    dataProblem: (count) =>
      count === 1
        ? 'One comment could not be displayed in full.'
        : `${plural(count, 'comment', 'comments')} could not be displayed in full.`,
    sortLabel: 'Sort by',
    sortNewest: 'Newest first',
    sortOldest: 'Oldest first',
    sortReactions: 'Most recommended',
    listLabel: 'Comments',

    // Time
    justNow: time.justNow,

    // One comment
    commentLabel: (name) => `Comment by ${name}`,
    replyLabel: (name, parentName) => `Reply by ${name} to ${parentName}`,
    replyTo: 'Reply to',
    anonymous: 'Anonymous',
    badge: {staff: roleBadge('staff'), author: roleBadge('author'), expert: roleBadge('expert')},
    edited: 'edited',
    editedTitle: (date) => `Edited on ${date}`,
    unknownTime: 'Time unknown',
    pending: 'This comment is awaiting moderation.',
    pendingOwn: 'Your comment is being reviewed and will be visible to others once it has been approved.',
    deleted: 'This comment has been deleted.',
    edit: 'Edit',
    editAction: 'Edit your comment',
    delete: 'Delete',
    deleteAction: 'Delete your comment',
    deleteQuestion: 'Do you really want to delete your comment? Replies to it will stay.',
    deleteFinal: 'This cannot be undone.',
    deleteConfirm: 'Yes, delete',
    deleteCancel: 'Cancel',
    deletedOwn: 'You deleted your comment.',
    undo: 'Undo',
    undoAction: 'Undo the deletion',
    restored: 'Your comment has been restored.',
    editSaved: 'Your change has been saved.',
    deleteFailed: 'Your comment could not be deleted.',
    restoreFailed: 'Your comment could not be restored.',
    notifyOff: 'Stop notifications',
    notifyOffDone: 'You will no longer get e-mails about this comment.',
    notifyOffFailed: 'The notifications could not be stopped.',
    notifyOn: 'Notify me by e-mail about replies',
    notifyOnDone: 'You will get an e-mail when someone replies to this comment.',
    notifyOnFailed: 'The notifications could not be turned on.',
    removed: 'This comment has been removed by our editorial team.',
    rejectedOwn: 'Your comment was rejected because it breaks our community guidelines.',
    unreadable: 'This comment cannot be displayed.',
    quoteOpen: '“',
    quoteClose: '”',
    /** Quotation marks inside a quote: “He called it ‘the best car’.” */
    innerQuoteOpen: '‘',
    innerQuoteClose: '’',
    quoteLabel: 'Quote',
    quoteFromArticle: 'Quote from the article',
    quoteFromCommentPrefix: 'Quote from the comment by ',
    quoteFromUnknownComment: 'Quote from a comment',
    reply: 'Reply',
    quote: 'Quote',
    permalinkLabel: (name) => `Permalink to comment by ${name}`,
    permalinkLabelAnonymous: 'Permalink to this comment',
    replyAction: (name) => `Reply to ${name}`,
    quoteAction: (name) => `Quote comment by ${name}`,
    showReplies: (count) => `Show ${plural(count, 'reply', 'replies')}`,
    replyCount: (count) => plural(count, 'reply', 'replies'),
    hideRepliesCount: (count) => (count === 1 ? 'Hide reply' : `Hide ${plural(count, 'reply', 'replies')}`),
    // Starts with the visible words: "2 replies" (folded), "Hide 2 replies" / "Hide reply" (open).
    toggleRepliesLabel: (count, name, expanded) =>
      expanded
        ? `${count === 1 ? 'Hide reply' : `Hide ${plural(count, 'reply', 'replies')}`} to ${name}`
        : `${plural(count, 'reply', 'replies')} to ${name}`,
    toggleWhoseShow: (name) => ` to ${name}`,
    toggleWhoseHide: (name, count = 2) => `, ${count === 1 ? 'reply' : 'replies'} to ${name}`,
    replyingTo: (name) => `Your reply to ${name}`,
    closeComposer: 'Close',
    repliesLabel: (name) => `Replies to ${name}`,
    showMoreReplies: (count) => `Show more replies (${count})`,
    readMore: 'Read more',
    showLess: 'Show less',
    textExpanded: 'The full comment is now shown.',
    textShortened: 'The comment is shortened again.',
    posted: 'Your comment has been published.',
    postedPending: 'Your comment has been sent and is awaiting moderation.',
    newComments: (count) => plural(count, 'new comment', 'new comments'),
    showNewComments: (count) => `Show ${plural(count, 'new comment', 'new comments')}`,
    newReply: (name, parentName) => `New reply by ${name} to ${parentName}`,
    notFound: 'The linked comment could not be found.',
    linkFailed: 'The linked comment could not be loaded.',

    // Errors from adapters, by kind: each says what happened and what the reader can do.
    // The forms add that the text is kept, except `offline`, which says it itself.
    errors: {
      network: 'Could not connect to the server. Please check your internet connection and then try again.',
      offline: 'You are offline. Your text has been kept – post it once your connection is back.',
      offlineLoad: 'You are offline. Please try again once your connection is back.',
      timeout: 'The server did not respond in time. Please try again in a moment.',
      invalid: 'The comment was not accepted. Please revise your text and then post it again.',
      refused: 'The server refused the request. Please reload the page.',
      rateLimited: 'You have posted a lot of comments in a short time. Please wait a moment.',
      rateLimitedFor: (seconds) =>
        `You have posted a lot of comments in a short time. Please wait ${plural(seconds, 'second', 'seconds')}.`,
      busy: 'The server is busy at the moment. Please try again in a moment.',
      busyFor: (seconds) =>
        `The server is busy at the moment. Please try again in ${plural(seconds, 'second', 'seconds')}.`,
      notFound: 'This discussion could not be found. Please reload the page later.',
      parentGone: 'The comment you are replying to no longer exists. You can copy your text and post it as a new comment.',
      forbidden: 'Please sign in to comment.',
      forbiddenLoad: 'You do not have permission to do this. Please sign in and reload the page.',
      expired: 'The time for this has run out.',
      commentGone: 'This comment no longer exists.',
      signInAgain: 'Please sign in again.',
      notAllowed: 'You do not have permission to do this.',
      unexpected: 'The server sent an unexpected response. Please try again later.',
      server: 'An error occurred on the server. Please try again in a few minutes.',
      aborted: 'The operation was cancelled. Please try again.',
      unknown: 'An unknown error occurred. Please try again; if that does not help, reload the page.',
    },

    // Parts loaded on demand that did not arrive
    composerFailed:
      'The comment form could not be loaded. Please check your internet connection and try again; if that does not help, reload the page.',
    reportDialogFailed:
      'The report form could not be loaded. Please check your internet connection and try again; if that does not help, reload the page.',
  },

  composer: {
    questionLabel: 'Ask a question',
    questionBodyLabel: 'Your question',
    closedKeptText: 'Your text stays here, so you can still copy it.',
    // "You agree to our community guidelines and privacy policy when you post." (either link may be left out)
    consentBefore: 'You agree to our ',
    netiquette: 'community guidelines',
    consentAnd: ' and ',
    privacy: 'privacy policy',
    consentAfter: ' when you post.',
    composerLabel: 'Write a comment',
    composerReplyLabel: (name) => `Write a reply to ${name}`,
    bodyLabel: 'Your comment',
    replyBodyLabel: 'Your reply',
    nameLabel: 'Your name',
    nameLabelOptional: 'Your name (optional)',
    send: 'Post',
    removeQuote: 'Remove quote',
    quoting: 'You are quoting:',
    shortcutHint: 'Post with Ctrl+Enter',
    shortcutHintMac: 'Post with ⌘+Enter',
    draftRestored: 'Your draft has been restored.',
    sent: 'Your comment has been sent.',
    keptText: 'Your text has been kept.',
    autoSendLabel: 'Post automatically once the connection is back',
    autoSendOn: 'Your text will be posted automatically as soon as you are back online.',
    autoSendOff: 'Your text will not be posted automatically.',
    noAdapter: 'Comments cannot be posted here at the moment.',
    signedInAs: 'You are commenting as ',
    logout: 'Sign out',
    loginRequired: 'Sign in to join the discussion.',
    login: 'Sign in',
    loginKeepsText: 'Your text is saved and will be waiting for you here.',
    notifyLabel: 'Notify me by e-mail about replies',
    emailLabel: 'Your e-mail address',
    notifyTo: (email) => `Notifications go to ${email}.`,
    notifyPrivacy: 'Your e-mail address is not published and is used only for these notifications.',
    editLabel: 'Edit comment',
    editBodyLabel: 'Your comment',
    save: 'Save',
    editExpired: 'The time for editing has run out. Your text stays here so that you can still copy it.',

    // Validation (ordinary spaces, as the German: a server may send the same sentences)
    emailEmpty: 'Please enter your e-mail address so that we can notify you.',
    emailInvalid: 'Please enter a valid e-mail address, e.g. name@example.com.',
    questionEmpty: 'Please write your question.',
    bodyEmpty: 'Please write a comment.',
    bodyTooLong: (length, max) =>
      `Your comment is ${formatNumber(length)} characters long – the maximum is ${formatNumber(max)}.`,
    replyEmpty: 'Please write a reply.',
    replyTooLong: (length, max) =>
      `Your reply is ${formatNumber(length)} characters long – the maximum is ${formatNumber(max)}.`,
    nameEmpty: 'Please enter a name.',
    nameTooLong: (max) => `The name can be no longer than ${formatNumber(max)} characters.`,
    formInvalid: 'Please check what you have entered.',
  },

  forms: {
    sending: 'Sending…',
    cancel: 'Cancel',
    counter: (used, max) => `${formatNumber(used)} / ${formatNumber(max)}${NBSP}characters`,
    remaining: (left) =>
      left >= 0
        ? `${plural(left, 'character', 'characters')} left.`
        : `${plural(-left, 'character', 'characters')} too many.`,
  },

  reportDialog: {
    title: 'Report comment',
    /** "Report comment by <bdi>Name</bdi>": nothing follows the name in English. */
    titleBefore: 'Report comment by ',
    titleAfter: '',
    reasonLegend: 'Why are you reporting this comment?',
    reasons: {
      offensive: 'Offensive or hateful',
      spam: 'Spam or advertising',
      misinformation: 'Misinformation',
      netiquette: 'Breaks the community guidelines',
      illegal: 'Illegal content',
    },
    required: '(required)',
    optional: '(optional)',
    detailsLabel: 'Additional information',
    explanationLabel: 'Why is the content illegal?',
    noticeLegend: 'Details for a notice of illegal content',
    noticeIntro: 'The Digital Services Act (Art. 16(2)) requires these details for a notice of illegal content.',
    noticeShown: 'Further details for a notice of illegal content are requested below in the form.',
    permalinkLabel: 'Link to the reported comment',
    urlsLabel: 'Further links (up to 5, one per line)',
    urlsCount: (count, max) => `${formatNumber(count)} of ${formatNumber(max)} links`,
    childAbuseLabel: 'This notice concerns child sexual abuse material',
    childAbuseHint: 'In that case, your name and email address are optional.',
    nameLabel: 'Your name',
    emailLabel: 'Your email address',
    goodFaithLabel: 'I confirm in good faith that the information and allegations in this notice are accurate and complete.',
    send: 'Send report',
    invalid: (count) =>
      count === 1
        ? 'One field is missing or invalid. Please check the highlighted field.'
        : `${formatNumber(count)} fields are missing or invalid. Please check the highlighted fields.`,
    draftRestored: 'Your unfinished report has been restored.',
    keptText: 'Your report has been kept.',
    noAdapter: 'Reports cannot be sent here at the moment.',
    thanks: 'Thank you. Your report has been received.',
    reference: 'Reference number: ',
    receivedAt: (date) => `Received on ${date}`,
    close: 'Close',
    // Errors from adapters that read differently for a report than for a comment
    refused: 'The report was not accepted. Please check the details you have given and then send it again.',
    commentGone: 'The comment no longer exists, so a report is no longer needed.',
    closed: 'Reports are no longer accepted for this discussion. Please contact the editorial team directly.',
    offline: 'You are offline. Your report has been kept – send it once your connection is back.',
    forbidden: 'Please sign in to send reports.',
    rateLimited: 'You have sent a lot of reports in a short time. Please wait a moment.',
    rateLimitedFor: (seconds) =>
      `You have sent a lot of reports in a short time. Please wait ${plural(seconds, 'second', 'seconds')}.`,
  },

  // Per-field messages for a report (ordinary spaces, as the German: the server sends the same sentences)
  reportRules: {
    reasonMissing: 'Please choose a reason for your report.',
    explanationMissing: 'Please explain why the content is illegal.',
    tooLong: (max) => `No more than ${formatNumber(max)} characters.`,
    tooManyUrls: (max) => `No more than ${formatNumber(max)} further links.`,
    urlInvalid: 'Please only enter links that begin with http:// or https://.',
    permalinkMissing: 'The link to the reported comment is missing. Please reload the page.',
    nameMissing: 'Please enter your name.',
    emailMissing: 'Please enter your email address.',
    emailInvalid: 'Please enter a valid email address.',
    goodFaithMissing: 'Please confirm that the information you have given is accurate and complete.',
  },
};
