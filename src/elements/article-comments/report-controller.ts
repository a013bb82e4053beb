/**
 * "Melden" (DSA Art. 16): the report dialog for a comment, when the backend
 * takes reports; else a link to the publisher's own form (`report-url`);
 * else no "Melden" at all, and a warning in the console, once, that the page
 * offers readers no way to report. Which comments this browser reported is
 * remembered, so their button reads "Gemeldet".
 *
 * `<comment-report>` is a part of its own (see parts.ts), loaded on "Melden"
 * (and fetched ahead when a reader hovers or focuses it).
 */
import type {ReactiveElement} from 'lit';
import type {CommentAdapter} from '../../adapters/adapter.js';
import type {DiscussionController} from '../../discussion/discussion-controller.js';
import {addMark, loadMarks} from '../../drafts/reader-marks.js';
import type {ReadingWords} from '../../i18n/locale.js';
import {absolutePermalink} from '../../model/report-link.js';
import {safeHref} from '../../model/text.js';
import {loadReportDialog} from '../../parts.js';
import {displayName, permalink} from './templates/names.js';

export interface Reporting {
  id: string;
  name: string;
  permalink: string;
}

/** The part of `<comment-report>` the element uses. */
interface ReportDialog extends HTMLElement {
  show(): void;
}

export interface ReportDeps {
  /** The words of the element's language. */
  words(): ReadingWords;
  discussion: DiscussionController;
  adapter(): CommentAdapter | undefined;
  reportUrl(): string;
  thread(): string;
  announce(text: string): void;
}

export class ReportController {
  /** The comment whose report dialog is open (the dialog is rendered while set). */
  reporting: Reporting | null = null;
  #warned = false;
  #host: ReactiveElement;
  #deps: ReportDeps;

  constructor(host: ReactiveElement, deps: ReportDeps) {
    this.#host = host;
    this.#deps = deps;
    host.addEventListener('comment-report', (event) => this.#reported(event.request.commentId));
    host.addEventListener('comment-report-close', () => void this.#closed());
  }

  /** How "Melden" works on this page. */
  get mode(): 'dialog' | 'link' | 'none' {
    const adapter = this.#deps.adapter();
    if (!adapter) return 'none';
    if (adapter.capabilities?.report && adapter.report) return 'dialog';
    if (safeHref(this.#deps.reportUrl().replaceAll('{url}', '').replaceAll('{id}', ''))) return 'link';
    if (!this.#warned) {
      this.#warned = true;
      console.warn(
        `<article-comments thread="${this.#deps.thread()}">: the backend takes no reports and no report-url is set, so readers cannot report comments here (DSA Art. 16). See README, "Reporting".`
      );
    }
    return 'none';
  }

  /** After a page arrived: the comments this browser reported read "Gemeldet". */
  applyMarks(): void {
    const tree = this.#deps.discussion.tree;
    for (const id of loadMarks(this.#deps.thread(), 'reported')) if (tree.has(id)) tree.setView(id, {reported: true});
  }

  /** Opens the report dialog for a comment; focus returns to its "Melden" (or, once reported, the comment) when it closes. */
  async open(id: string): Promise<void> {
    try {
      await loadReportDialog();
    } catch (error) {
      console.warn('<article-comments>: the report dialog could not be loaded.', error);
      this.#deps.announce(this.#deps.words().reportDialogFailed);
      return;
    }
    const comment = this.#deps.discussion.tree.comment(id);
    if (!comment) return;
    this.reporting = {id, name: displayName(comment, this.#deps.words()), permalink: absolutePermalink(location.href, permalink(id))};
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const dialog = this.#host.renderRoot.querySelector<ReportDialog>('comment-report');
    if (!dialog) return;
    await (dialog as HTMLElement & {updateComplete?: Promise<unknown>}).updateComplete;
    dialog.show();
  }

  #reported(id: string): void {
    addMark(this.#deps.thread(), 'reported', id);
    this.#deps.discussion.tree.setView(id, {reported: true});
    this.#host.requestUpdate();
  }

  async #closed(): Promise<void> {
    const id = this.reporting?.id;
    this.reporting = null;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    if (id === undefined) return;
    const article = this.#host.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(`comment-${id}`)}`);
    const button = article?.querySelector<HTMLButtonElement>('[part~="report"]:not([disabled])');
    (button ?? article)?.focus();
  }
}
