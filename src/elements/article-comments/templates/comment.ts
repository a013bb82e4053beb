/**
 * One comment: who, when, whom it answers, the quote, the text, a notice for
 * pending, deleted and removed comments, and its actions. Untrusted text only
 * reaches Lit text and attribute bindings.
 *
 * Buttons carry `data-action` and `data-id` instead of listeners of their
 * own: the element handles every click with one delegated listener, which
 * keeps a thread of thousands of comments cheap to create.
 */
import {html, nothing, type TemplateResult} from 'lit';
import type {ReadingWords} from '../../../i18n/locale.js';
import {isAnswer, isAnswered} from '../../../model/qa.js';
import type {Comment} from '../../../model/comment.js';
import {absolutePermalink, reportLink} from '../../../model/report-link.js';
import type {ThreadNode} from '../../../model/thread-tree.js';
import {badgeOf, canReply, noticeOf, showsAuthor, showsText, type Notice} from '../../../model/visibility.js';
import {relativeTime} from '../../../time/relative-time-directive.js';
import {renderBody, renderQuote} from './body.js';
import {anchorId, displayName, permalink} from './names.js';
import type {ThreadSettings} from './settings.js';

const NOTICES: Record<Notice, keyof ReadingWords> = {
  pending: 'pending',
  'pending-own': 'pendingOwn',
  deleted: 'deleted',
  removed: 'removed',
  'rejected-own': 'rejectedOwn',
  unreadable: 'unreadable',
};

function noticeText(notice: Notice, t: ReadingWords): string {
  return t[NOTICES[notice]] as string;
}

/**
 * The time, which is also the comment's permalink ("vor 5 Minuten" links to
 * #comment-ID). The full date is part of the link's name and shows when it
 * has keyboard focus, so it is there without hovering; `title` adds it for
 * the mouse.
 */
function renderTime(comment: Comment, name: string | null, settings: ThreadSettings): TemplateResult {
  const t = settings.locale.reading;
  const words = settings.locale.time;
  const link = (content: unknown) => html`<a
    class="time"
    part="permalink"
    href=${permalink(comment.id)}
    data-action="permalink"
    data-id=${comment.id}
    >${content}<span class="visually-hidden"> – ${name ? t.permalinkLabel(name) : t.permalinkLabelAnonymous}</span></a
  >`;
  if (comment.createdAt === null) return link(t.unknownTime);
  const full = words.fullDate(comment.createdAt);
  return link(html`<time part="time" datetime=${new Date(comment.createdAt).toISOString()} title=${full}
      >${relativeTime(comment.createdAt, settings.clock, words)}</time
    ><span class="visually-hidden">, </span><span class="visually-hidden full-date" part="full-date">${full}</span>`);
}

/** Initials on a colour from the name: decoration beside the name, hidden from assistive technology. */
function renderAvatar(name: string): TemplateResult {
  const words = name.trim().split(/[\s._-]+/u).filter(Boolean);
  const first = [...(words[0] ?? '?')][0] ?? '?';
  const last = words.length > 1 ? ([...words[words.length - 1]!][0] ?? '') : '';
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) | 0;
  return html`<span class="avatar hue-${Math.abs(hash) % 12}" part="avatar" aria-hidden="true">${(first + last).toLocaleUpperCase('de')}</span>`;
}

/** "Angeheftet", "Redaktionsempfehlung", and in question mode "Beantwortet" or whose answer it is: from the data's fields and roles only. */
function renderMarks(node: ThreadNode, parent: Comment | null, settings: ThreadSettings): unknown[] {
  const t = settings.locale.reading;
  const {comment} = node;
  if (comment.status !== 'published' || !comment.readable) return [];
  const marks: unknown[] = [];
  if (comment.pinned && !parent) marks.push(html`<span class="mark pinned" part="pinned">${t.pinned}</span>`);
  if (comment.featured) marks.push(html`<span class="mark featured" part="featured">${t.featured}</span>`);
  if (settings.qa && !parent && isAnswered(node)) marks.push(html`<span class="mark answered" part="answered">${t.answered}</span>`);
  if (settings.qa && parent && isAnswer(comment)) {
    marks.push(html`<span class="mark answer" part="answer-label">${t.answerLabel(comment.author.role === 'expert' ? 'expert' : 'staff', settings.genderStyle)}</span>`);
  }
  return marks;
}

/** "Empfehlen" with the count, a toggle (`aria-pressed`); on one's own comment only the count. */
function renderReaction(node: ThreadNode, name: string, settings: ThreadSettings): TemplateResult | typeof nothing {
  const t = settings.locale.reading;
  const {comment} = node;
  if (!settings.reactions || comment.status !== 'published' || !comment.readable) return nothing;
  // No "0" beside "Empfehlen": the count shows from the first one.
  const count = html`<span class=${comment.reactions ? 'reaction-count' : 'reaction-count zero'} part="reaction-count">${t.number(comment.reactions)}</span>`;
  if (node.own) return comment.reactions ? html`<span class="reaction own" title=${t.reactionCount(comment.reactions)}>${count}</span>` : nothing;
  return html`<button
    type="button"
    class="link-button reaction"
    part="reaction"
    data-action="react"
    data-id=${comment.id}
    aria-pressed=${comment.reacted ? 'true' : 'false'}
    aria-label=${t.reactionAction(settings.reactionLabel, name, comment.reactions)}
  >
    ${settings.reactionLabel} ${count}
  </button>`;
}

/** "Melden" for a published comment by someone else; "Gemeldet" once this browser reported it. */
function renderReport(node: ThreadNode, name: string, settings: ThreadSettings): TemplateResult | typeof nothing {
  const t = settings.locale.reading;
  const {comment} = node;
  if (settings.report === 'none' || node.own || comment.status !== 'published' || !comment.readable) return nothing;
  if (node.view.reported) {
    return html`<button type="button" class="link-button" part="report" data-id=${comment.id} disabled aria-label=${t.reportedAction(name)}>
      ${t.reported}
    </button>`;
  }
  if (settings.report === 'link') {
    const href = reportLink(settings.reportUrl, absolutePermalink(settings.page, permalink(comment.id)), comment.id);
    return href
      ? html`<a class="link-button" part="report" href=${href} target="_blank" rel="noopener" aria-label=${t.reportAction(name)}>${t.report}</a>`
      : nothing;
  }
  return html`<button type="button" class="link-button" part="report" data-action="report" data-id=${comment.id} aria-label=${t.reportAction(name)}>
    ${t.report}
  </button>`;
}

/**
 * The reader's own comment: "Bearbeiten" within its edit window, "Löschen"
 * (first a question in the page), "Rückgängig" after deleting while allowed,
 * "Benachrichtigungen abbestellen", and the last word on any of them.
 */
function renderOwn(node: ThreadNode, settings: ThreadSettings): unknown[] {
  const t = settings.locale.reading;
  const {comment} = node;
  const own = settings.own;
  const action = node.view.ownAction;
  const step = action?.step ?? 'idle';
  const now = settings.clock.now();
  const parts: unknown[] = [];
  const button = (name: string, text: string, label: string) =>
    html`<button type="button" class="link-button" part=${`own-${name}`} data-action=${name} data-id=${comment.id} aria-label=${label} ?disabled=${step === 'busy'}>${text}</button>`;
  if (comment.status === 'deleted') {
    const until = comment.restorableUntil;
    if (own.restore && until !== null && now < until) {
      own.until(comment.id, until);
      parts.push(button('undo-delete', t.undo, t.undoAction));
    }
  } else if (comment.status === 'published' || comment.status === 'pending') {
    if (step === 'confirming') {
      parts.push(html`<div
        class="confirm"
        part="delete-question"
        role="group"
        aria-label=${t.deleteAction}
        data-id=${comment.id}
        @keydown=${own.onQuestionKey}
      >
        <p>${own.restore ? t.deleteQuestion : `${t.deleteQuestion} ${t.deleteFinal}`}</p>
        <button type="button" class="button danger" part="delete-confirm" data-action="delete-confirm" data-id=${comment.id}>${t.deleteConfirm}</button>
        <button type="button" class="button secondary" part="delete-cancel" data-action="delete-cancel" data-id=${comment.id}>${t.deleteCancel}</button>
      </div>`);
    } else if (step !== 'editing') {
      const until = comment.editableUntil;
      if (own.edit && comment.status === 'published' && until !== null && now < until) {
        own.until(comment.id, until);
        parts.push(button('edit', t.edit, t.editAction));
      }
      // Signed-in authors, or (where the backend allows it) what this browser posted.
      const mayChange = comment.author.id !== null || own.anonymous;
      if (own.delete && mayChange) parts.push(button('delete', t.delete, t.deleteAction));
      if (own.notify && comment.notify === true && mayChange) parts.push(button('notify-off', t.notifyOff, t.notifyOff));
      // Turned on again only to the account's address (there is no address field under a comment), where
      // the backend said they are off (not in a copy loaded for someone else), while replies can come.
      else if (own.notify && own.notifyTo && comment.notify === false && comment.author.id !== null && comment.status === 'published' && !settings.closed)
        parts.push(button('notify-on', t.notifyOn, t.notifyOn));
    }
  }
  if (action?.message) parts.push(html`<p class="own-message" part="own-message" tabindex="-1">${action.message}</p>`);
  return parts;
}

/** The form that edits the reader's own comment, in place of its text. */
function renderEditForm(node: ThreadNode): TemplateResult {
  const {comment} = node;
  return html`<comment-reply
    class="edit-form"
    part="edit-form"
    exportparts="form: edit-form-form, textarea: edit-form-textarea, send-button: edit-form-send-button"
    edit-id=${comment.id}
    parent-id=${comment.parentId ?? ''}
    .original=${comment.body}
    .editableUntil=${comment.editableUntil}
  ></comment-reply>`;
}

/**
 * `parent` is the comment answered (null at the top level); `named` says
 * whether the reply names it in a line of its own (replies listed flat).
 */
export function renderComment(node: ThreadNode, parent: Comment | null, named: boolean, settings: ThreadSettings): TemplateResult {
  const t = settings.locale.reading;
  const {comment, own} = node;
  const visible = showsText(comment, own);
  const notice = noticeOf(comment, own);
  const author = showsAuthor(comment, own);
  const name = author ? displayName(comment, t) : '';
  const parentName = parent ? displayName(parent, t) : '';
  const label = !author && notice ? noticeText(notice, t) : parent ? t.replyLabel(name, parentName) : t.commentLabel(name);
  const badge = badgeOf(comment);
  const target = node.view.target === true;
  const classes = `comment status-${comment.status}${target ? ' target' : ''}${badge ? ` role-${badge}` : ''}`;
  return html`<article
    id=${anchorId(comment.id)}
    class=${classes}
    part=${target ? 'comment comment-target' : 'comment'}
    tabindex="-1"
    aria-label=${label}
  >
    <header class="meta" part="comment-header">
      ${settings.avatars && author ? renderAvatar(name) : nothing}
      ${author ? html`<bdi class="author" part="author">${name}</bdi>` : nothing}
      ${badge ? html`<span class="badge" part="badge">${t.roleBadge(badge, settings.genderStyle)}</span>` : nothing}
      ${renderMarks(node, parent, settings)}
      ${renderTime(comment, author ? name : null, settings)}
      ${comment.editedAt !== null && visible
        ? html`<span class="edited" title=${t.editedTitle(settings.locale.time.fullDate(comment.editedAt))}>(${t.edited})</span>`
        : nothing}
    </header>
    ${named && parent
      ? html`<p class="reply-to" part="reply-to">
          ${t.replyTo}
          <a href=${permalink(parent.id)} data-action="permalink" data-id=${parent.id}><bdi>${parentName}</bdi></a>
        </p>`
      : nothing}
    ${visible && comment.quote ? renderQuote(comment.quote, node.quoted, t) : nothing}
    ${node.own && node.view.ownAction?.step === 'editing' && visible ? renderEditForm(node) : visible ? renderBody(node, t) : nothing}
    ${notice
      ? html`<p class="placeholder" part="placeholder">${noticeText(notice, t)}${notice === 'rejected-own' && settings.netiquetteUrl
          ? html` <a href=${settings.netiquetteUrl} target="_blank" rel="noopener">${t.netiquetteLink}</a>`
          : nothing}</p>`
      : nothing}
    <div class="actions" part="actions">
      ${renderReaction(node, name, settings)}
      ${canReply(comment, settings.closed)
        ? html`<button type="button" class="link-button" data-action="reply" data-id=${comment.id} aria-label=${t.replyAction(name)}>
              ${t.reply}
            </button>
            <button type="button" class="link-button" data-action="quote" data-id=${comment.id} aria-label=${t.quoteAction(name)}>
              ${t.quote}
            </button>`
        : nothing}
      ${renderReport(node, name, settings)}
      ${node.own ? renderOwn(node, settings) : nothing}
    </div>
  </article>`;
}
