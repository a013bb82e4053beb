/**
 * One listener for every button and link in the thread: each carries
 * `data-action` (and `data-id`), see templates/comment.ts.
 */
import type {DiscussionController} from '../../discussion/discussion-controller.js';
import type {ReadingWords} from '../../i18n/locale.js';
import type {Filter} from '../../model/qa.js';
import {truncate} from '../../model/text.js';
import {loadComposer, loadReportDialog} from '../../parts.js';
import type {FormsController} from './forms.js';
import type {LiveController} from './live-controller.js';
import type {PermalinkController} from './permalink.js';
import {selectedText} from './quote-selection.js';
import type {ThreadView} from './thread-view.js';
import type {OwnActions} from './own-actions.js';

/** Longest passage "Zitieren" copies from a comment. */
const MAX_QUOTE = 400;

export interface ActionContext {
  /** The words of the element's language. */
  words(): ReadingWords;
  view: ThreadView;
  forms: FormsController;
  own: OwnActions;
  live: LiveController;
  discussion: DiscussionController;
  permalinks: PermalinkController;
  announce(text: string): void;
  articleFor(id: string): HTMLElement | null;
  report(id: string): Promise<void>;
  react(id: string): Promise<void>;
  setFilter(filter: Filter): void;
  host: HTMLElement & {renderRoot: HTMLElement | DocumentFragment; updateComplete: Promise<boolean>};
}

export function routeClick(event: MouseEvent, context: ActionContext): void {
  const element = (event.target as Element).closest<HTMLElement>('[data-action]');
  if (!element) return;
  const id = element.dataset.id ?? '';
  const {view, forms} = context;
  const tree = context.discussion.tree;
  const comment = tree.comment(id);
  switch (element.dataset.action) {
    case 'reply':
      if (comment) void forms.openReply(id, view.reply?.parentId === id ? view.reply.quote : null);
      break;
    case 'quote':
      if (comment) void forms.openReply(id, {text: quoteOf(context, id, comment.body), source: id}, 'quote');
      break;
    case 'toggle':
      view.toggle(id);
      break;
    case 'more-replies':
      view.showMoreReplies(id, Number(element.dataset.range ?? 0));
      break;
    case 'expand-text':
      void toggleText(context, id, element);
      break;
    case 'permalink':
      // The same fragment again fires no hashchange, so follow it here.
      if (location.hash === element.getAttribute('href')) void context.permalinks.reveal(id);
      break;
    case 'retry':
      void retry(context);
      break;
    case 'more':
      void loadMore(context);
      break;
    case 'show-new':
      void showHeld(context);
      break;
    case 'compose':
      void forms.openComposer();
      break;
    case 'report':
      if (comment) void context.report(id);
      break;
    case 'react':
      if (comment) void context.react(id);
      break;
    case 'filter':
      context.setFilter(id as Filter);
      break;
    case 'edit':
      if (comment) void loadComposer().then(() => context.own.edit(id), () => context.announce(context.words().composerFailed));
      break;
    case 'delete':
      if (comment) context.own.confirmDelete(id);
      break;
    case 'delete-cancel':
      context.own.cancelDelete(id);
      break;
    case 'delete-confirm':
      void context.own.delete(id);
      break;
    case 'undo-delete':
      void context.own.restore(id);
      break;
    case 'notify-off':
      void context.own.notifyOff(id);
      break;
    case 'notify-on':
      void context.own.notifyOn(id);
      break;
  }
}

/**
 * On pointerover and focusin: a button that opens a form ("Schreiben Sie einen
 * Kommentar …", "Antworten", "Zitieren") or the report dialog ("Melden")
 * fetches that part ahead, so it opens at once when clicked.
 */
export function prefetch(event: Event): void {
  const action = (event.target as Element).closest?.<HTMLElement>('[data-action]')?.dataset.action;
  const load =
    action === 'compose' || action === 'reply' || action === 'quote' || action === 'edit' ? loadComposer : action === 'report' ? loadReportDialog : undefined;
  // A failure is the click's to report.
  load?.().catch(() => undefined);
}

/**
 * The selection when the pointer went down on a "Zitieren" button: WebKit
 * clears the selection as soon as the button takes focus, before the click.
 */
let pressed: {id: string; text: string} | undefined;

/** On pointerdown, before focus moves: remembers what is selected in the comment of a "Zitieren" button. */
export function rememberSelection(event: PointerEvent, context: ActionContext): void {
  const button = (event.target as Element).closest<HTMLElement>('[data-action="quote"]');
  if (!button) return;
  const id = button.dataset.id ?? '';
  const article = context.articleFor(id);
  pressed = {id, text: article ? selectedText(context.host.renderRoot as ShadowRoot, article) : ''};
}

/** The reader's selection inside the comment, else the start of its text. */
function quoteOf(context: ActionContext, id: string, body: string): string {
  const article = context.articleFor(id);
  const now = article ? selectedText(context.host.renderRoot as ShadowRoot, article) : '';
  const selected = now || (pressed?.id === id ? pressed.text : '');
  pressed = undefined;
  return truncate(selected || body, MAX_QUOTE);
}

async function toggleText(context: ActionContext, id: string, button: HTMLElement): Promise<void> {
  const expanded = context.view.toggleText(id);
  context.announce(expanded ? context.words().textExpanded : context.words().textShortened);
  await context.host.updateComplete;
  // Shortened again, the button moved up: keep it (and the focus) in view.
  if (!expanded) button.scrollIntoView({block: 'nearest'});
}

/** Loads again after an error; the "Erneut versuchen" button goes, so focus moves to the heading. */
async function retry(context: ActionContext): Promise<void> {
  await context.discussion.reload();
  await context.host.updateComplete;
  context.host.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
}

/** Loads the next page; focus moves to its first comment (the button may be gone). */
async function loadMore(context: ActionContext): Promise<void> {
  const {discussion} = context;
  const before = new Set(discussion.tree.roots.map((node) => node.comment.id));
  await discussion.loadMore();
  const first = discussion.tree.roots.find((node) => !before.has(node.comment.id));
  if (!first) return;
  await context.host.updateComplete;
  await focusWhenRendered(context, first.comment.id);
}

/** Shows the comments held back by live updates and moves focus to the first of them. */
async function showHeld(context: ActionContext): Promise<void> {
  const ids = new Set(context.live.showAll());
  await context.host.updateComplete;
  const first = [...context.host.renderRoot.querySelectorAll<HTMLElement>('article.comment')].find((article) =>
    ids.has(context.discussion.tree.comment(article.id.slice('comment-'.length))?.id ?? '')
  );
  if (!first) return;
  first.scrollIntoView({block: 'nearest'});
  first.focus({preventScroll: true});
}

async function focusWhenRendered(context: ActionContext, id: string): Promise<void> {
  for (let tries = 0; tries < 100 && context.host.isConnected; tries++) {
    const article = context.articleFor(id);
    if (article) {
      article.focus();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 16));
  }
}
