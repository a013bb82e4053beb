/**
 * Everything around the thread: the heading with the count and the sort
 * order, the composer (or the button standing in for it), notices, loading,
 * error and empty states, "Weitere Kommentare laden", the "neue Kommentare"
 * button and the live region.
 */
import {html, nothing, type TemplateResult} from 'lit';
import {live} from 'lit/directives/live.js';
import type {AdapterError} from '../../../adapters/errors.js';
import type {ReadingWords} from '../../../i18n/locale.js';
import {errorMessage} from '../../../i18n/errors.js';
import type {SortOrder} from '../../../model/comment.js';
import type {Filter} from '../../../model/qa.js';
import type {ThreadNode} from '../../../model/thread-tree.js';
import type {LoadState} from '../../../discussion/discussion-controller.js';
import type {Reporting} from '../report-controller.js';
import type {ThreadSettings} from './settings.js';
import {renderPicks, renderThread} from './thread.js';

export interface DiscussionView {
  state: LoadState;
  error: AdapterError | null;
  count: number;
  headingLevel: number;
  sorts: readonly SortOrder[];
  sort: SortOrder;
  closed: boolean;
  closedMessage: string;
  composerOpen: boolean;
  /** The publisher put its own consent line into the `composer-notice` slot. */
  ownNotice: boolean;
  /** The comment being reported: its dialog is open. */
  reporting: Reporting | null;
  /** The views offered (empty: none to choose), the one shown, and the editors' picks. */
  filters: readonly {filter: Filter; label: string}[];
  filter: Filter;
  picks: readonly {node: ThreadNode; parent: ThreadNode | null}[];
  qa: boolean;
  /** Comments that could not be shown fully; whether the inline JSON was unreadable. */
  problems: number;
  unreadable: boolean;
  roots: readonly ThreadNode[];
  settings: ThreadSettings;
  /** Live comments waiting behind the button. */
  waiting: number;
  hasMore: boolean;
  loadingMore: boolean;
  loadMoreError: AdapterError | null;
  announcement: string;
  now: number;
  onSortChange: (event: Event) => void;
  onClick: (event: MouseEvent) => void;
  onPointerDown: (event: PointerEvent) => void;
  /** Hover and focus: fetches the part a button opens ahead of the click. */
  onPrefetch: (event: Event) => void;
}

const SORT_LABELS: Record<SortOrder, 'sortNewest' | 'sortOldest' | 'sortReactions'> = {newest: 'sortNewest', oldest: 'sortOldest', reactions: 'sortReactions'};

function renderHeading(view: DiscussionView): TemplateResult {
  const t = view.settings.locale.reading;
  const text = view.state === 'ready' ? t.heading(view.count) : t.regionLabel;
  const level = Math.min(6, Math.max(2, Math.floor(view.headingLevel) || 2));
  return level === 2
    ? html`<h2 id="heading" part="heading" tabindex="-1">${text}</h2>`
    : html`<div id="heading" part="heading" class="heading" role="heading" aria-level=${level} tabindex="-1">${text}</div>`;
}

/** A choice of the orders the backend can page by; a single one needs none. */
function renderSort(view: DiscussionView): TemplateResult | typeof nothing {
  const t = view.settings.locale.reading;
  if (view.sorts.length < 2) return nothing;
  return html`<label class="sort">
    <span>${t.sortLabel}</span>
    <select part="sort" .value=${live(view.sort)} @change=${view.onSortChange}>
      ${view.sorts.map((sort) => html`<option value=${sort} ?selected=${view.sort === sort}>${t[SORT_LABELS[sort]]}</option>`)}
    </select>
  </label>`;
}

function renderComposer(view: DiscussionView): TemplateResult {
  const t = view.settings.locale.reading;
  // A composer the reader had opened stays: it keeps their text, read-only, beside the notice.
  if (view.closed && !view.composerOpen) {
    return html`<slot name="closed"><p class="status closed" part="status">${view.closedMessage}</p></slot>`;
  }
  return view.composerOpen
    ? html`<comment-reply
        class="composer"
        part="composer"
        cancelable
        exportparts="form: composer-form, textarea: composer-textarea, send-button: composer-send-button"
        >${view.ownNotice ? html`<slot name="composer-notice" slot="notice"></slot>` : nothing}</comment-reply
      >`
    : html`<button type="button" class="composer-start" part="composer-start" data-action="compose">
        ${view.qa ? t.questionStart : t.composerStart}
      </button>`;
}

const skeleton = html`<div class="skeletons" aria-hidden="true">
  ${[0, 1, 2].map(
    () => html`<div class="skeleton">
      <div class="skeleton-line short"></div>
      <div class="skeleton-line"></div>
      <div class="skeleton-line"></div>
    </div>`
  )}
</div>`;

function renderMore(view: DiscussionView): TemplateResult | typeof nothing {
  const t = view.settings.locale.reading;
  if (!view.hasMore && !view.loadMoreError) return nothing;
  return html`<div class="more">
    ${view.loadMoreError
      ? html`<p class="error" role="alert">${t.loadMoreError} ${errorMessage(view.loadMoreError, view.now, 'load', t)}</p>`
      : nothing}
    <button type="button" class="button secondary" part="load-more" data-action="more" aria-disabled=${view.loadingMore ? 'true' : 'false'}>
      ${view.loadingMore ? t.loadingMore : view.loadMoreError ? t.retry : t.loadMore}
    </button>
  </div>`;
}

/** A view's name on its button. */
export function filterLabel(filter: Filter, count: number, qa: boolean, t: ReadingWords): string {
  switch (filter) {
    case 'all':
      return qa ? t.filterAll(count) : t.filterAllComments;
    case 'featured':
      return t.filterFeatured(count);
    case 'answered':
      return t.filterAnswered(count);
    case 'open':
      return t.filterOpen(count);
  }
}

/** "Alle Kommentare" / "Redaktionsempfehlungen (3)", or in question mode "Alle", "Beantwortet", "Offen": toggle buttons. */
function renderFilters(view: DiscussionView): TemplateResult | typeof nothing {
  const t = view.settings.locale.reading;
  if (!view.filters.length) return nothing;
  return html`<div class="filters" part="filters" role="group" aria-label=${t.filterLabel}>
    ${view.filters.map(
      ({filter, label}) =>
        html`<button type="button" class="filter" part="filter" data-action="filter" data-id=${filter} aria-pressed=${view.filter === filter ? 'true' : 'false'}>
          ${label}
        </button>`
    )}
  </div>`;
}

function renderList(view: DiscussionView): TemplateResult {
  const t = view.settings.locale.reading;
  if (view.state === 'idle' || view.state === 'loading') {
    return html`<p class="status" part="status">${t.loading}</p>
      ${skeleton}`;
  }
  if (view.state === 'error') {
    return html`<div class="status error-box" part="status" role="alert">
      <p>${t.loadError} ${errorMessage(view.error, view.now, 'load', t)}</p>
      <button type="button" class="button" data-action="retry">${t.retry}</button>
    </div>`;
  }
  if (view.filter === 'all' && view.roots.length === 0 && view.waiting === 0) {
    return html`<slot name="empty"><p class="status empty" part="status">${t.empty}</p></slot>`;
  }
  const items = view.filter === 'featured' ? view.picks.length : view.roots.length;
  return html`<div class="list-area"><div class="new-bar">
      ${view.waiting
        ? html`<button type="button" class="button show-new" part="show-new" data-action="show-new">${t.showNewComments(view.waiting)}</button>`
        : nothing}
    </div>
    ${renderFilters(view)}
    ${items === 0 ? html`<p class="status empty" part="status">${t.filterEmpty}</p>` : nothing}
    <ol class=${view.filter === 'featured' ? 'thread picks' : 'thread'} part="list" aria-label=${t.listLabel}>
      ${view.filter === 'featured' ? renderPicks(view.picks, view.settings) : renderThread(view.roots, view.settings)}
    </ol>
    ${view.filter === 'featured' ? nothing : renderMore(view)}</div>`;
}

export function renderDiscussion(view: DiscussionView): TemplateResult {
  const t = view.settings.locale.reading;
  const loading = view.state === 'idle' || view.state === 'loading';
  return html`<section part="base" lang=${view.settings.locale.tag} aria-labelledby="heading" aria-busy=${loading || view.loadingMore ? 'true' : 'false'} @click=${view.onClick} @pointerdown=${view.onPointerDown} @pointerover=${view.onPrefetch} @focusin=${view.onPrefetch}>
    <header class="header" part="header">${renderHeading(view)} ${renderSort(view)}</header>
    ${renderComposer(view)}
    ${view.problems
      ? html`<p class="status notice" part="status">${view.unreadable ? t.inlineUnreadable : t.dataProblem(view.problems)}</p>`
      : nothing}
    ${renderList(view)}
    <div class="visually-hidden" role="status" aria-live="polite">${view.announcement}</div>
    ${view.reporting
      ? html`<comment-report
          part="report-dialog"
          comment-id=${view.reporting.id}
          author-name=${view.reporting.name}
          .permalink=${view.reporting.permalink}
        ></comment-report>`
      : nothing}
  </section>`;
}
