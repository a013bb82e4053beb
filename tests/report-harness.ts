/**
 * Acts on the report dialog the way a reader does (pick a reason, type, tick,
 * send, close), so tests say what happens rather than where it sits in the
 * shadow DOM. The page holds a "Melden" button that opened the dialog and a
 * link behind it, as an article page would.
 */
import type {CommentAdapter, ReportReason} from '../src/adapters/adapter.js';
import '../src/elements/comment-report/define.js';
import type {CommentReport} from '../src/elements/comment-report/comment-report.js';
import type {CommentReportCloseEvent} from '../src/events.js';
import type {Clock} from '../src/time/clock.js';
import {freshThread, mount, until} from './harness.js';

export interface ReportSetup {
  adapter?: CommentAdapter;
  thread?: string;
  commentId?: string;
  authorName?: string;
  permalink?: string;
  clock?: Clock;
  theme?: 'light' | 'dark' | 'auto';
  /** Leave the dialog closed (default: opened from the "Melden" button). */
  closed?: boolean;
}

export type TextField = 'details' | 'urls' | 'name' | 'email';
export type Field = TextField | 'permalink' | 'childAbuse' | 'goodFaith';

const IDS: Record<Field, string> = {
  details: 'details',
  urls: 'urls',
  name: 'name',
  email: 'email',
  permalink: 'permalink',
  childAbuse: 'child-abuse',
  goodFaith: 'good-faith',
};

/** The focused element, through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A page with a "Melden" button and `<comment-report>`, opened from that button unless `closed`. */
export async function openReport(setup: ReportSetup = {}): Promise<ReportHarness> {
  const page = mount(document.createElement('main'));
  const article = document.createElement('a');
  article.href = '#weiterlesen';
  article.textContent = 'Weiterlesen';
  const opener = document.createElement('button');
  opener.type = 'button';
  opener.textContent = 'Melden';
  const element = document.createElement('comment-report');
  element.thread = setup.thread ?? freshThread('report');
  element.commentId = setup.commentId ?? 'c1';
  element.authorName = setup.authorName ?? 'Tifosi_1947';
  if (setup.permalink !== undefined) element.permalink = setup.permalink;
  if (setup.adapter) element.adapter = setup.adapter;
  if (setup.clock) element.clock = setup.clock;
  if (setup.theme) element.theme = setup.theme;
  opener.addEventListener('click', () => void element.show());
  page.append(article, opener, element);
  await element.updateComplete;
  const harness = new ReportHarness(element, opener, article);
  if (!setup.closed) await harness.open();
  return harness;
}

/**
 * The dialog in a page of its own, `width` × `height` CSS pixels: an iframe's
 * viewport is a real viewport in every engine (WebKit's driver cannot resize
 * the test page's). The frame loads the element itself; nothing is sent.
 */
export async function openReportInFrame(width: number, height: number, setup: {authorName?: string} = {}): Promise<ReportHarness & {window: Window}> {
  const frame = mount(document.createElement('iframe'));
  frame.width = String(width);
  frame.height = String(height);
  frame.title = 'Schmales Telefon';
  frame.srcdoc = `<!doctype html><html lang="de"><body><script type="module">
    import '/src/elements/comment-report/define.ts';
    document.body.dataset.ready = 'true';
  </script></body></html>`;
  const frameWindow = await until(() => (frame.contentDocument?.body?.dataset.ready ? frame.contentWindow : null), 'the frame to load the element');
  const frameDocument = frameWindow.document;
  const opener = frameDocument.createElement('button');
  opener.textContent = 'Melden';
  const article = frameDocument.createElement('a');
  article.href = '#weiterlesen';
  article.textContent = 'Weiterlesen';
  const element = frameDocument.createElement('comment-report');
  element.thread = freshThread('report-frame');
  element.commentId = 'c1';
  element.authorName = setup.authorName ?? 'Tifosi_1947';
  element.permalink = 'https://www.example-news.de/artikel/ferrari#comment-c1';
  frameDocument.body.append(article, opener, element);
  await element.show();
  return Object.assign(new ReportHarness(element, opener, article), {window: frameWindow});
}

export class ReportHarness {
  constructor(
    readonly element: CommentReport,
    /** The "Melden" button that opens the dialog. */
    readonly opener: HTMLButtonElement,
    /** A link on the page behind the dialog. */
    readonly behind: HTMLAnchorElement
  ) {}

  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  get dialog(): HTMLDialogElement {
    return this.root.querySelector('dialog')!;
  }

  /** Focuses "Melden" and clicks it, as a reader would; resolves when focus is in the dialog. */
  async open(): Promise<void> {
    this.opener.focus();
    this.opener.click();
    await until(() => this.element.open && this.dialog.contains(this.root.activeElement), 'the dialog to open with focus inside');
  }

  title(): string {
    return this.root.querySelector('[part~="title"]')!.textContent!.replace(/\s+/g, ' ').trim();
  }

  radio(reason: ReportReason): HTMLInputElement {
    return this.root.querySelector(`input[name="reason"][value="${reason}"]`)!;
  }

  /** The label text of each reason, in order. */
  reasons(): string[] {
    return [...this.root.querySelectorAll('[part~="reason"]')].map((label) => label.textContent!.trim());
  }

  field(name: Field): HTMLInputElement & HTMLTextAreaElement {
    const found = this.root.getElementById(IDS[name]);
    if (!found) throw new Error(`No field ${name} in the dialog`);
    return found as HTMLInputElement & HTMLTextAreaElement;
  }

  has(name: Field): boolean {
    return this.root.getElementById(IDS[name]) !== null;
  }

  /** The label of a field, as read (whitespace collapsed). */
  label(name: Field): string {
    const field = this.field(name);
    const label = field.closest('label') ?? this.root.querySelector(`label[for="${field.id}"]`);
    return label!.textContent!.replace(/\s+/g, ' ').trim();
  }

  async choose(reason: ReportReason): Promise<void> {
    this.radio(reason).click();
    await this.element.updateComplete;
  }

  /** Puts text into a field as typing would (one input event). */
  async fill(name: TextField, text: string): Promise<void> {
    const field = this.field(name);
    field.focus();
    field.value = text;
    field.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
    await this.element.updateComplete;
  }

  async tick(name: 'childAbuse' | 'goodFaith', on = true): Promise<void> {
    const box = this.field(name);
    if (box.checked !== on) box.click();
    await this.element.updateComplete;
  }

  /** Fills the notice of illegal content completely (the reason chosen first). */
  async fillNotice(changes: {details?: string; urls?: string; name?: string; email?: string; goodFaith?: boolean} = {}): Promise<void> {
    await this.choose('illegal');
    await this.fill('details', changes.details ?? 'Bedrohung nach § 241 StGB: „Ich weiß, wo du wohnst.“');
    await this.fill('urls', changes.urls ?? '');
    await this.fill('name', changes.name ?? 'Petra Muster');
    await this.fill('email', changes.email ?? 'petra@example.com');
    await this.tick('goodFaith', changes.goodFaith ?? true);
  }

  get sendButton(): HTMLButtonElement {
    return this.root.querySelector('[part~="send-button"]')!;
  }

  get cancelButton(): HTMLButtonElement {
    return this.root.querySelector('[part~="cancel-button"]')!;
  }

  get closeButton(): HTMLButtonElement | null {
    return this.root.querySelector('[part~="close-button"]');
  }

  /** Clicks "Meldung senden" and waits until sending is over. */
  async send(): Promise<void> {
    this.sendButton.click();
    await this.idle();
  }

  async idle(): Promise<void> {
    await until(() => !this.element.sending, 'sending to finish');
    await this.element.updateComplete;
  }

  /** The message at a field: what its `aria-describedby` points to that is an error. */
  messageAt(name: Field | 'reason'): string {
    const field = name === 'reason' ? this.radio('offensive') : this.field(name);
    const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('-error'));
    return ids.map((id) => this.root.getElementById(id)?.textContent?.trim() ?? '').join(' ');
  }

  invalid(name: Field): boolean {
    return this.field(name).getAttribute('aria-invalid') === 'true';
  }

  /** Every visible message (at fields, summary, failure). */
  errors(): string[] {
    return [...this.root.querySelectorAll('.error')].map((node) => node.textContent!.trim()).filter(Boolean);
  }

  summary(): string {
    return this.root.querySelector('.summary')?.textContent?.trim() ?? '';
  }

  failure(): string {
    return this.root.querySelector('.failure')?.textContent?.trim() ?? '';
  }

  notice(): string {
    return this.root.querySelector('.notice')?.textContent?.trim() ?? '';
  }

  /** The text of the polite live region (counter, notice fields shown). */
  announcement(): string {
    return this.root.querySelector('.visually-hidden[role="status"]')?.textContent?.trim() ?? '';
  }

  counter(): string {
    return this.root.querySelector('[part~="counter"]')!.textContent!.trim();
  }

  /** The confirmation's lines, or null while the form is shown. */
  confirmation(): {thanks: string; reference: string; received: string; datetime: string} | null {
    const part = this.root.querySelector('[part~="confirmation"]');
    if (!part) return null;
    const text = (id: string) => this.root.getElementById(id)!.textContent!.replace(/\s+/g, ' ').trim();
    return {thanks: text('thanks'), reference: text('reference'), received: text('received'), datetime: part.querySelector('time')!.dateTime};
  }

  /** Resolves with the next `comment-report-close`. */
  closed(): Promise<CommentReportCloseEvent> {
    return new Promise((resolve) => this.element.addEventListener('comment-report-close', resolve, {once: true}));
  }
}
