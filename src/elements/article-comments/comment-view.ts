/**
 * Templates for one comment and its replies. They only arrange: every
 * decision (what is a reply of what, what text a time shows, whether replies
 * are open) is made by the model, the time module or the element, and
 * untrusted text only ever reaches Lit text and attribute bindings.
 *
 * Buttons carry `data-action` and `data-id` instead of their own listeners:
 * the element handles all clicks with one delegated listener, which keeps a
 * thread of thousands of comments cheap to create.
 */
import {html, nothing, type TemplateResult} from 'lit';
import {repeat} from 'lit/directives/repeat.js';
import {de} from '../../i18n/de.js';
import type {Comment, Quote} from '../../model/comment.js';
import {toParagraphs, type Paragraph} from '../../model/text.js';
import type {ThreadNode} from '../../model/tree.js';
import type {Clock} from '../../time/clock.js';
import {relativeTime} from '../../time/relative-time-directive.js';
import {formatFullDate} from '../../time/relative-time.js';

export interface CommentViewOptions {
  clock: Clock;
  /** Replies deeper than this are not indented further and name whom they answer. */
  maxDepth: number;
  /** The comment a permalink points at, highlighted. */
  target: string | null;
  /** The top-level comment of the target's thread (always fully laid out). */
  targetRoot: string | null;
  closed: boolean;
  ownIds: ReadonlySet<string>;
  isExpanded(id: string): boolean;
  /** The open reply form, rendered right below the comment it answers. */
  composerFor(node: ThreadNode): TemplateResult | typeof nothing;
  /** Finds a loaded comment by id (for quotes of comments). */
  lookup(id: string): ThreadNode | undefined;
}

/** The id of a comment's `<article>`, and the fragment of its permalink. */
export function anchorId(id: string): string {
  return `comment-${id}`;
}

export function permalink(id: string): string {
  return `#${anchorId(encodeURIComponent(id))}`;
}

export function displayName(comment: Comment): string {
  return comment.author.name || de.anonymous;
}

/** Deleted and removed comments hide their author; pending ones their text. */
function isVisible(comment: Comment, own: boolean): boolean {
  if (!comment.readable) return false;
  if (comment.status === 'published') return true;
  return comment.status === 'pending' && own;
}

function placeholder(comment: Comment, own: boolean): string {
  if (!comment.readable) return de.unreadable;
  switch (comment.status) {
    case 'pending':
      return own ? de.pendingOwn : de.pending;
    case 'deleted':
      return de.deleted;
    case 'removed':
      return de.removed;
    default:
      return de.unreadable;
  }
}

/** Plain paragraphs (the common case) are one text binding; links get their own elements. */
function renderParagraphs(paragraphs: Paragraph[]): TemplateResult[] {
  return paragraphs.map((segments) =>
    segments.length === 1 && segments[0].type === 'text'
      ? html`<p>${segments[0].text}</p>`
      : html`<p>${segments.map((segment) =>
          segment.type === 'link'
            ? html`<a href=${segment.href} rel="nofollow ugc noopener noreferrer" target="_blank">${segment.text}</a>`
            : segment.text
        )}</p>`
  );
}

function renderTime(comment: Comment, clock: Clock): TemplateResult {
  if (comment.createdAt === null) return html`<span class="time">${de.unknownTime}</span>`;
  const iso = new Date(comment.createdAt).toISOString();
  return html`<time part="time" class="time" datetime=${iso} title=${formatFullDate(comment.createdAt)}
    >${relativeTime(comment.createdAt, clock)}</time
  >`;
}

function renderQuote(quote: Quote, options: CommentViewOptions): TemplateResult {
  let caption: TemplateResult | string = '';
  if (quote.source === 'article') {
    caption = de.quoteFromArticle;
  } else if (quote.source) {
    const quoted = options.lookup(quote.source);
    caption = quoted
      ? html`<a href=${permalink(quote.source)} data-action="permalink" data-id=${quote.source}
          >${de.quoteFromCommentPrefix}<bdi>${displayName(quoted.comment)}</bdi></a
        >`
      : de.quoteFromUnknownComment;
  }
  return html`<figure class="quote" part="quote">
    <blockquote>
      ${toParagraphs(quote.text).map(
        (segments, index, all) =>
          html`<p>${index === 0 ? de.quoteOpen : ''}${segments.map((segment) => segment.text).join('')}${index === all.length - 1 ? de.quoteClose : ''}</p>`
      )}
    </blockquote>
    ${caption ? html`<figcaption>${caption}</figcaption>` : nothing}
  </figure>`;
}

function renderComment(node: ThreadNode, options: CommentViewOptions): TemplateResult {
  const {comment, parent} = node;
  const own = options.ownIds.has(comment.id);
  const visible = isVisible(comment, own);
  const showAuthor = comment.status === 'published' || comment.status === 'pending';
  const name = showAuthor ? displayName(comment) : '';
  const parentName = parent ? displayName(parent.comment) : '';
  const label = !showAuthor
    ? placeholder(comment, own)
    : parent
      ? de.replyLabel(name, parentName)
      : de.commentLabel(name);
  const role = comment.author.role;
  const badge = showAuthor && role !== 'reader' ? de.badge[role] : '';
  const isTarget = options.target === comment.id;
  const canAnswer = !options.closed && comment.status === 'published' && comment.readable;
  return html`<article
    id=${anchorId(comment.id)}
    class=${`comment status-${comment.status}${isTarget ? ' target' : ''}${badge ? ` role-${role}` : ''}`}
    part=${isTarget ? 'comment comment-target' : 'comment'}
    tabindex="-1"
    aria-label=${label}
  >
    <header class="meta" part="comment-header">
      ${showAuthor ? html`<bdi class="author" part="author">${name}</bdi>` : nothing}
      ${badge ? html`<span class="badge" part="badge">${badge}</span>` : nothing}
      ${renderTime(comment, options.clock)}
      ${comment.editedAt !== null && visible
        ? html`<span class="edited" title=${de.editedTitle(formatFullDate(comment.editedAt))}>(${de.edited})</span>`
        : nothing}
    </header>
    ${node.depth > options.maxDepth && parent
      ? html`<p class="reply-to" part="reply-to">
          ${de.replyTo}
          <a href=${permalink(parent.comment.id)} data-action="permalink" data-id=${parent.comment.id}
            >@<bdi>${parentName}</bdi></a
          >
        </p>`
      : nothing}
    ${visible && comment.quote ? renderQuote(comment.quote, options) : nothing}
    ${visible
      ? html`<div class="body" part="body">${renderParagraphs(toParagraphs(comment.body))}</div>`
      : nothing}
    ${visible && comment.status === 'published'
      ? nothing
      : html`<p class="placeholder" part="placeholder">${placeholder(comment, own)}</p>`}
    <div class="actions" part="actions">
      ${canAnswer
        ? html`<button type="button" class="link-button" data-action="reply" data-id=${comment.id} aria-label=${de.replyAction(name)}>
              ${de.reply}
            </button>
            <button type="button" class="link-button" data-action="quote" data-id=${comment.id} aria-label=${de.quoteAction(name)}>
              ${de.quote}
            </button>`
        : nothing}
      <a
        class="link-button"
        part="permalink"
        href=${permalink(comment.id)}
        data-action="permalink"
        data-id=${comment.id}
        aria-label=${showAuthor ? de.permalinkLabel(name) : de.permalinkLabelAnonymous}
        >${de.permalink}</a
      >
    </div>
  </article>`;
}

/** One comment, its open reply form, and its replies (shown or folded). */
export function renderNode(node: ThreadNode, options: CommentViewOptions): TemplateResult {
  const {comment, children} = node;
  const expanded = options.isExpanded(comment.id);
  const repliesId = `replies-${comment.id}`;
  const indent = node.depth < options.maxDepth;
  return html`<li class=${node.depth === 0 && options.targetRoot === comment.id ? 'item has-target' : 'item'}>
    ${renderComment(node, options)} ${options.composerFor(node)}
    ${children.length
      ? html`<button
            type="button"
            class="link-button toggle"
            part="toggle"
            data-action="toggle"
            data-id=${comment.id}
            aria-expanded=${expanded ? 'true' : 'false'}
            aria-controls=${repliesId}
          >
            ${expanded ? de.hideReplies : de.showReplies(node.replyCount)}
          </button>
          <ol id=${repliesId} class=${indent ? 'replies' : 'replies flat'} part="replies" ?hidden=${!expanded}>
            ${expanded ? renderNodes(children, options) : nothing}
          </ol>`
      : nothing}
  </li>`;
}

export function renderNodes(nodes: readonly ThreadNode[], options: CommentViewOptions) {
  return repeat(
    nodes,
    (node) => node.comment.id,
    (node) => renderNode(node, options)
  );
}
