/**
 * The thread: top-level comments, their replies nested up to `max-depth`
 * levels, and below that every further reply in one flat list (each naming
 * whom it answers). Template and DOM nesting therefore stop at `max-depth`
 * however deep a chain of replies goes.
 *
 * Each comment is rendered again only when its node or the settings changed
 * (`guard`): nodes are immutable and replaced along the path of any change,
 * so nothing needs to be told what a template depends on.
 */
import {html, nothing, type TemplateResult} from 'lit';
import {guard} from 'lit/directives/guard.js';
import type {Comment} from '../../../model/comment.js';
import {REPLIES_PAGE, flatReplies, isExpanded, listsFlat, revealed, shownChildren, type FlatReply} from '../../../model/layout.js';
import type {ThreadNode} from '../../../model/thread-tree.js';
import {answersFirst} from '../../../model/qa.js';
import {canReply} from '../../../model/visibility.js';
import {progressiveList} from '../../../render/progressive-list.js';
import {renderComment} from './comment.js';
import {displayName} from './names.js';
import type {ThreadSettings} from './settings.js';

const byId = (node: ThreadNode) => node.comment.id;

/** Rows a thread will take once shown: fills the budget of a task in reading order. */
function weight(settings: ThreadSettings) {
  return (node: ThreadNode) => 1 + (isExpanded(node, settings) ? Math.min(node.replyCount, REPLIES_PAGE) : 0);
}

/** The index of the item on the way to the permalink target, to render up to it first. */
function targetIndex(items: readonly ThreadNode[], settings: ThreadSettings): number {
  return settings.targetPath.size ? items.findIndex((node) => settings.targetPath.has(node.comment.id)) : -1;
}

function renderReplyForm(node: ThreadNode, settings: ThreadSettings): TemplateResult | typeof nothing {
  const reply = node.view.reply;
  // Kept when the discussion closes while the reader types: the form keeps the text, read-only.
  if (!reply || !canReply(node.comment, false)) return nothing;
  return html`<comment-reply
    class="reply-form"
    part="reply-form"
    exportparts="form: reply-form-form, textarea: reply-form-textarea, send-button: reply-form-send-button"
    parent-id=${node.comment.id}
    reply-to=${displayName(node.comment, settings.locale.reading)}
    cancelable
    .quote=${reply.quote}
  ></comment-reply>`;
}

/** One reply of a flat list: the comment and its open form, no nested list. */
function renderFlatReply({node, parent}: {node: ThreadNode; parent: ThreadNode | null}, settings: ThreadSettings): TemplateResult {
  return html`<li class="item">${renderComment(node, parent?.comment ?? null, parent !== null, settings)} ${renderReplyForm(node, settings)}</li>`;
}

/** "Weitere Antworten anzeigen (N)": reveals the next page after range `range`. */
function renderMoreButton(node: ThreadNode, range: number, hidden: number, settings: ThreadSettings): TemplateResult {
  const t = settings.locale.reading;
  return html`<button type="button" class="link-button more-replies" part="more-replies" data-action="more-replies" data-id=${node.comment.id} data-range=${range}>
    ${t.showMoreReplies(t.number(hidden))}
  </button>`;
}

/** The revealed ranges of a list, with a button for each gap; the one after the last range goes below the list. */
function renderRanges<T>(
  node: ThreadNode,
  items: readonly T[],
  settings: ThreadSettings,
  render: (items: readonly T[]) => unknown
): {list: unknown[]; after: TemplateResult | typeof nothing} {
  const ranges = revealed(node, items.length);
  const list = ranges.map(([start, end], index) => {
    const next = ranges[index + 1]?.[0];
    return html`${render(items.slice(start, end))}${next === undefined
      ? nothing
      : html`<li class="gap">${renderMoreButton(node, index, next - end, settings)}</li>`}`;
  });
  const end = ranges.at(-1)?.[1] ?? 0;
  return {list, after: end < items.length ? renderMoreButton(node, ranges.length - 1, items.length - end, settings) : nothing};
}

function renderReplies(node: ThreadNode, depth: number, settings: ThreadSettings): TemplateResult | typeof nothing {
  const flat = listsFlat(depth, settings);
  // A question's answers come first.
  const children = settings.qa && depth === 0 ? answersFirst(shownChildren(node)) : shownChildren(node);
  const items: readonly (ThreadNode | FlatReply)[] = flat ? flatReplies(node) : children;
  if (!items.length) return nothing;
  const expanded = isExpanded(node, settings);
  const id = `replies-${node.comment.id}`;
  const onPath = (row: ThreadNode | FlatReply) => settings.targetPath.has(('node' in row ? row.node : row).comment.id);
  const {list, after} = !expanded
    ? {list: [], after: nothing}
    : flat
      ? renderRanges(node, items as readonly FlatReply[], settings, (rows) =>
          progressiveList(
            rows,
            (row) => row.node.comment.id,
            (row) => guard([row.node, settings, displayName(row.parent.comment, settings.locale.reading)], () => renderFlatReply(row, settings)),
            {until: settings.targetPath.size ? rows.findIndex(onPath) : -1}
          )
        )
      : renderRanges(node, items as readonly ThreadNode[], settings, (children) =>
          progressiveList(children, byId, (child) => renderItem(child, node.comment, depth + 1, settings), {
            weight: weight(settings),
            until: targetIndex(children, settings),
          })
        );
  // "2 Antworten" / "2 Antworten ausblenden", named with whose replies they are for screen readers (after the visible words).
  const t = settings.locale.reading;
  const name = displayName(node.comment, t);
  return html`<button
      type="button"
      class="link-button toggle"
      part="toggle"
      data-action="toggle"
      data-id=${node.comment.id}
      aria-expanded=${expanded ? 'true' : 'false'}
      aria-controls=${id}
    >
      <span>${expanded ? t.hideRepliesCount(node.replyCount) : t.replyCount(node.replyCount)}<span class="visually-hidden"
          >${expanded ? t.toggleWhoseHide(name, node.replyCount) : t.toggleWhoseShow(name)}</span
        ></span>
    </button>
    <ol id=${id} class=${flat ? 'replies flat' : 'replies'} part="replies" ?hidden=${!expanded} aria-label=${t.repliesLabel(name)}>
      ${list}
    </ol>
    ${after}`;
}

/** A comment with its reply form and replies; rendered again only when its node or the settings changed. */
export function renderItem(node: ThreadNode, parent: Comment | null, depth: number, settings: ThreadSettings): unknown {
  return guard([node, settings, parent ? displayName(parent, settings.locale.reading) : null], () => {
    const hasTarget = depth === 0 && settings.targetPath.has(node.comment.id);
    return html`<li class=${hasTarget ? 'item has-target' : 'item'}>
      ${renderComment(node, parent, false, settings)} ${renderReplyForm(node, settings)} ${renderReplies(node, depth, settings)}
    </li>`;
  });
}

/** The editors' picks on their own, each naming whom it answers; in reading order. */
export function renderPicks(picks: readonly {node: ThreadNode; parent: ThreadNode | null}[], settings: ThreadSettings): unknown {
  return progressiveList(
    picks,
    (row) => row.node.comment.id,
    (row) => guard([row.node, settings, row.parent ? displayName(row.parent.comment, settings.locale.reading) : null], () => renderFlatReply(row, settings))
  );
}

/** The top-level comments, growing in steps for long discussions. */
export function renderThread(roots: readonly ThreadNode[], settings: ThreadSettings): unknown {
  return progressiveList(roots, byId, (node) => renderItem(node, null, 0, settings), {
    weight: weight(settings),
    until: targetIndex(roots, settings),
  });
}
