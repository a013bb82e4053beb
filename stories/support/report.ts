/**
 * The report dialog in stories: a comment with its "Melden" button, the
 * `<comment-report>` it opens, and a reader's actions in the dialog (pick a
 * reason, type, tick, send) for `play` functions.
 */
import {html, type TemplateResult} from 'lit';
import type {StoryContext} from '@storybook/web-components-vite';
import type {CommentAdapter, ReportReason} from '../../src/adapters/adapter.js';
import {MemoryAdapter, type MemoryAdapterOptions} from '../../src/adapters/memory-adapter.js';
import type {CommentReport} from '../../src/elements/comment-report/comment-report.js';
import {ferrari} from '../data/discussions.js';
import {find, themeOf, type CustomPropertyArgs, type Theme} from './render.js';
import {storyClock} from './time.js';

/** The attributes of <comment-report> that Controls can change. */
export interface ReportArgs extends CustomPropertyArgs {
  thread: string;
  'comment-id': string;
  'author-name': string;
  permalink: string;
  theme?: Theme;
}

/** The discussion the stories report from: the Ferrari article's (comment c6 is Rosso Corsa's). */
export function reportBackend(thread: string, options: MemoryAdapterOptions = {}): MemoryAdapter {
  return new MemoryAdapter({[thread]: ferrari}, {clock: storyClock(), ...options});
}

function openFromButton(event: Event): void {
  void (event.currentTarget as HTMLElement).closest('.story-report')!.querySelector('comment-report')!.show();
}

/** The reported comment as a reader sees it, its "Melden" button, and the dialog that button opens. */
export function reportPage(args: ReportArgs, context: StoryContext<ReportArgs>, adapter: CommentAdapter): TemplateResult {
  const comment = ferrari.find((record) => record.id === args['comment-id']);
  return html`<div class="story-report">
    <article aria-label="Kommentar von ${args['author-name']}">
      <p><strong><bdi>${args['author-name']}</bdi></strong></p>
      <p>${comment?.body ?? ''}</p>
      <button type="button" @click=${openFromButton}>Melden</button>
    </article>
    <comment-report
      thread=${args.thread}
      comment-id=${args['comment-id']}
      author-name=${args['author-name']}
      permalink=${args.permalink}
      theme=${themeOf(args, context)}
      .adapter=${adapter}
      .clock=${storyClock()}
    ></comment-report>
  </div>`;
}

/** Opens the story's dialog, as the "Melden" button does. */
export async function openDialog(canvas: HTMLElement): Promise<CommentReport> {
  const element = find(canvas, 'comment-report');
  await element.show();
  return element;
}

function field<T extends HTMLElement>(element: CommentReport, selector: string): T {
  const found = element.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} in the report dialog`);
  return found;
}

export async function pick(element: CommentReport, reason: ReportReason): Promise<void> {
  field<HTMLInputElement>(element, `input[name="reason"][value="${reason}"]`).click();
  await element.updateComplete;
}

/** Types into a text field the way a reader does: the value, then one input event. */
export async function typeInto(element: CommentReport, name: 'details' | 'urls' | 'name' | 'email', text: string): Promise<void> {
  const input = field<HTMLInputElement | HTMLTextAreaElement>(element, `#${name}`);
  input.value = text;
  input.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
  await element.updateComplete;
}

export async function tick(element: CommentReport, name: 'childAbuse' | 'goodFaith'): Promise<void> {
  field<HTMLInputElement>(element, `input[name="${name}"]`).click();
  await element.updateComplete;
}

/** "Rechtswidriger Inhalt" with the explanation, a further link, name and e-mail (not yet confirmed). */
export async function fillNotice(element: CommentReport): Promise<void> {
  await pick(element, 'illegal');
  await typeInto(
    element,
    'details',
    'Unter diesem Namen stehen heute mehrere Kommentare mit der Wohnadresse eines Werksmitarbeiters; dieser verlinkt darauf. ' +
      'Das ist gefährdendes Verbreiten personenbezogener Daten (§ 126a StGB).'
  );
  await typeInto(element, 'urls', 'https://www.example-news.de/artikel/ferrari-leapmotor#comment-c3\nhttps://forum.example.org/t/werk-adresse');
  await typeInto(element, 'name', 'Petra Muster');
  await typeInto(element, 'email', 'petra.muster@example.com');
}
