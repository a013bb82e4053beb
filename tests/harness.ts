/**
 * Acts on the widget the way a reader does (open replies, type, send, read
 * the thread), so tests say what happens rather than where it sits in the
 * shadow DOM.
 */
import {emulateMedia, executeServerCommand, sendKeys} from '@web/test-runner-commands';
import '../src/define.js';
import type {CommentAdapter} from '../src/adapters/adapter.js';
import type {ArticleComments} from '../src/elements/article-comments/article-comments.js';
import type {CommentReply} from '../src/elements/comment-reply/comment-reply.js';
import type {CommentRecord} from '../src/model/comment.js';
import type {Clock} from '../src/time/clock.js';

/** Yields one macrotask without a timer (so timer spies see only the widget's). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(undefined);
  });
}

/**
 * Waits until `condition` holds, for up to `timeout` ms (5 s): the slowest engine here
 * (WebKitGTK under Xvfb) takes over 2 s to render 2,000 comments when the
 * other engines share the machine. (Not requestAnimationFrame: a test page
 * in a background tab gets no frames.)
 */
export async function until<T>(condition: () => T | undefined | null | false, what = 'condition', timeout = 5000): Promise<T> {
  const deadline = performance.now() + timeout;
  while (performance.now() < deadline) {
    const value = condition();
    if (value) return value;
    await nextTask();
  }
  throw new Error(`Timed out waiting for ${what}`);
}

const mounted: Element[] = [];

/**
 * Puts an element into the page until the end of the current test. (Not
 * open-wc's fixture(): it waits for an animation frame, and a test page in a
 * background tab gets none.)
 */
export function mount<T extends Element>(element: T): T {
  document.body.append(element);
  mounted.push(element);
  return element;
}

/**
 * A page (e.g. under tests/csp/) in an 800 × 900 frame, removed after the
 * test, once its discussion shows `comments` comments.
 */
export async function openDiscussionFrame<W extends Window>(src: string, comments = 2): Promise<{frame: HTMLIFrameElement; win: W; root: ShadowRoot}> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '900px';
  frame.src = src;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  mount(frame);
  await loaded;
  const win = frame.contentWindow as unknown as W;
  const root = await until(() => {
    const shadow = win.document.querySelector('article-comments')?.shadowRoot;
    return shadow?.querySelectorAll('article.comment').length === comments ? shadow : null;
  }, `the discussion in ${src}`);
  return {frame, win, root};
}

afterEach(() => {
  for (const element of mounted.splice(0)) element.remove();
});

// Test files run side by side in tabs of one browser and only one tab is
// visible; the widget rightly pauses timers and polling in hidden tabs. Every
// test starts in a visible page; tests of hiding set it themselves.
beforeEach(() => setVisibility('visible'));

/** Pretends the tab was hidden or shown (and tells the page, as the browser would). */
export function setVisibility(state: 'hidden' | 'visible'): void {
  Object.defineProperty(document, 'visibilityState', {value: state, configurable: true});
  document.dispatchEvent(new Event('visibilitychange'));
}

export type Engine = 'chromium' | 'firefox' | 'webkit';

let engineAnswer: Promise<Engine> | undefined;
/** The browser engine this page runs in (as the test runner launched it). */
export function browserEngine(): Promise<Engine> {
  engineAnswer ??= executeServerCommand<{engine: Engine}, undefined>('browser-engine').then((answer) => answer.engine);
  return engineAnswer;
}

/**
 * Skips the running test, or the suite from a `before` hook, in the given
 * engines, for a platform limitation (not for a bug): the reason goes to the
 * browser log, which the test runner prints with the file's results.
 */
export async function skipIn(context: Mocha.Context, engines: Engine[], reason: string): Promise<void> {
  const engine = await browserEngine();
  if (!engines.includes(engine)) return;
  const runnable = context.test as (Mocha.Runnable & {type?: string}) | undefined;
  const title = (runnable?.type === 'hook' ? runnable.parent?.fullTitle() : runnable?.fullTitle()) ?? '';
  console.warn(`Skipped in ${engine}: ${title} (${reason})`);
  context.skip();
}

/**
 * Makes the page prefer reduced motion, so scrolling to a comment is
 * instant: smooth scrolling needs animation frames, which a background tab
 * does not get. Chromium emulates it per page; Firefox and WebKit cannot, so
 * scripts/browsers.mjs starts them preferring reduced motion.
 */
export async function preferReducedMotion(): Promise<void> {
  const engine = await browserEngine();
  if (engine === 'chromium') await emulateMedia({reducedMotion: 'reduce'});
  if (!matchMedia('(prefers-reduced-motion: reduce)').matches) {
    throw new Error(`${engine} does not prefer reduced motion (see scripts/browsers.mjs)`);
  }
}

/** Presses Control+Enter, as a reader sends a comment. */
export async function pressControlEnter(): Promise<void> {
  if ((await browserEngine()) === 'webkit') {
    // The WebDriver launcher knows "press" and "type" only; WebdriverIO holds
    // the keys of one press together: WebDriver's Control, then Enter.
    await sendKeys({press: '\uE009\uE007'});
    return;
  }
  await sendKeys({down: 'Control'});
  await sendKeys({press: 'Enter'});
  await sendKeys({up: 'Control'});
}

let threadCounter = 0;
/**
 * A thread id no other test uses, so drafts in localStorage never leak
 * between tests, and engines running the same file side by side never share
 * a thread (or its queued failures) on the test servers.
 */
export function freshThread(name = 'thread'): string {
  return `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}-${threadCounter++}`;
}

export interface RenderOptions {
  thread?: string;
  clock?: Clock;
  adapter?: CommentAdapter;
  attributes?: Record<string, string>;
}

/** Renders `<article-comments>` with inline JSON (or an adapter) and waits until it has loaded. */
export async function renderDiscussion(records: unknown, options: RenderOptions = {}): Promise<DiscussionHarness> {
  const element = document.createElement('article-comments');
  element.thread = options.thread ?? freshThread();
  if (options.clock) element.clock = options.clock;
  if (options.adapter) element.adapter = options.adapter;
  for (const [name, value] of Object.entries(options.attributes ?? {})) element.setAttribute(name, value);
  if (!options.adapter) {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = typeof records === 'string' ? records : JSON.stringify(records);
    element.append(script);
  }
  // Long discussions render in steps: wait until everything is in the DOM (or loading failed).
  const done = new Promise((resolve) => {
    element.addEventListener('comments-rendered', resolve, {once: true});
    element.addEventListener('comments-load-failed', resolve, {once: true});
  });
  mount(element);
  await done;
  const harness = new DiscussionHarness(element);
  await harness.settled();
  return harness;
}

export class DiscussionHarness {
  constructor(readonly element: ArticleComments) {}

  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  /** Waits for loading to finish and the element to render. */
  async settled(): Promise<void> {
    await until(() => this.element.hasUpdated && !this.root.querySelector('[aria-busy="true"]'), 'the discussion to load');
    await this.element.updateComplete;
  }

  heading(): string {
    return this.root.querySelector('[part~="heading"]')!.textContent!.trim();
  }

  /** Every comment in reading order. */
  comments(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('article.comment')];
  }

  /** The comment by its author's name (or by id when `key` starts with "#"). */
  comment(key: string): HTMLElement {
    const found = key.startsWith('#')
      ? this.root.getElementById(`comment-${key.slice(1)}`)
      : this.comments().find((article) => this.author(article) === key);
    if (!found) throw new Error(`No comment ${key}`);
    return found as HTMLElement;
  }

  author(article: HTMLElement): string {
    return article.querySelector('[part~="author"]')?.textContent?.trim() ?? '';
  }

  /**
   * The comment's paragraphs as text, line breaks as "\n". (Not innerText:
   * threads far off screen are not rendered, see content-visibility.)
   */
  paragraphs(article: HTMLElement): string[] {
    return [...article.querySelectorAll('[part~="body"] p')].map((p) =>
      [...p.childNodes]
        .map((node) => (node.nodeName === 'BR' ? '\n' : node.nodeType === Node.COMMENT_NODE ? '' : node.textContent))
        .join('')
        .replace(/[ \t]*\n[ \t]*/g, '\n')
        .trim()
    );
  }

  time(article: HTMLElement): HTMLTimeElement {
    return article.querySelector('time')!;
  }

  /** The comment this one answers, read from the DOM nesting (not from data). */
  parentOf(article: HTMLElement): HTMLElement | null {
    const list = article.closest('li')!.parentElement!;
    if (!list.matches('ol.replies')) return null;
    return list.closest('li')!.querySelector(':scope > article');
  }

  /** Direct replies shown under a comment. */
  repliesOf(article: HTMLElement): HTMLElement[] {
    const replies = article.closest('li')!.querySelector(':scope > ol.replies');
    return replies ? [...replies.querySelectorAll<HTMLElement>(':scope > li > article')] : [];
  }

  /** Indentation levels actually applied above a comment. */
  indentLevel(article: HTMLElement): number {
    let level = 0;
    for (let list = article.closest('ol'); list; list = list.parentElement?.closest('ol') ?? null) {
      if (list.matches('ol.replies:not(.flat)')) level++;
    }
    return level;
  }

  toggleOf(article: HTMLElement): HTMLButtonElement | null {
    return article.closest('li')!.querySelector(':scope > [part~="toggle"]');
  }

  action(article: HTMLElement, name: 'reply' | 'quote' | 'permalink'): HTMLElement {
    return article.querySelector(`[data-action="${name}"]`)!;
  }

  /** Clicks "Antworten" (or "Zitieren") and returns the reply form that opened. */
  async openReply(article: HTMLElement, how: 'reply' | 'quote' = 'reply'): Promise<ComposerHarness> {
    this.action(article, how).click();
    await this.element.updateComplete;
    const form = await until(
      () => article.closest('li')!.querySelector<CommentReply>(':scope > comment-reply'),
      'the reply form'
    );
    await form.updateComplete;
    return new ComposerHarness(form);
  }

  /** The form for a new top-level comment (opened as a reader does, if needed). */
  async composer(): Promise<ComposerHarness> {
    this.root.querySelector<HTMLButtonElement>('[data-action="compose"]')?.click();
    const form = await until(() => this.root.querySelector<CommentReply>('comment-reply.composer'), 'the form');
    await form.updateComplete;
    return new ComposerHarness(form);
  }

  /** The text of the polite live region. */
  announcement(): string {
    return this.root.querySelector('[role="status"][aria-live]')?.textContent?.trim() ?? '';
  }

  /** The focused element inside the widget (through nested shadow roots). */
  focused(): Element | null {
    let active: Element | null = this.root.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  }
}

export class ComposerHarness {
  constructor(readonly element: CommentReply) {}

  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  get textarea(): HTMLTextAreaElement {
    return this.root.querySelector('textarea')!;
  }

  get nameField(): HTMLInputElement {
    return this.root.querySelector('input[name="name"]')!;
  }

  get sendButton(): HTMLButtonElement {
    return this.root.querySelector('[part~="send-button"]')!;
  }

  /** Puts text into a field as typing would (one input event). */
  async fill(field: HTMLTextAreaElement | HTMLInputElement, text: string): Promise<void> {
    field.focus();
    field.value = text;
    field.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
    await this.element.updateComplete;
  }

  async write(text: string, name?: string): Promise<void> {
    await this.fill(this.textarea, text);
    if (name !== undefined) await this.fill(this.nameField, name);
  }

  /** Clicks "Senden" and waits until the form is no longer busy. */
  async send(): Promise<void> {
    this.sendButton.click();
    await this.idle();
  }

  async idle(): Promise<void> {
    await until(() => !this.element.isConnected || !this.element.sending, 'sending to finish');
    if (this.element.isConnected) await this.element.updateComplete;
  }

  /** Visible validation and failure messages. */
  errors(): string[] {
    return [...this.root.querySelectorAll('.error')]
      .map((node) => node.textContent!.trim())
      .filter(Boolean);
  }

  counter(): string {
    return this.root.querySelector('[part~="counter"]')!.textContent!.trim();
  }

  quote(): string | null {
    return this.root.querySelector('[part~="quote"] blockquote')?.textContent?.trim() ?? null;
  }

  notice(): string {
    return this.root.querySelector('.notice')?.textContent?.trim() ?? '';
  }
}

/** A comment record with defaults for the fields a test does not care about. */
export function record(partial: Partial<CommentRecord> & {id: string}): CommentRecord {
  return {
    parentId: null,
    author: {name: `Leser ${partial.id}`},
    body: `Text von ${partial.id}`,
    createdAt: '2026-11-25T12:00:00Z',
    status: 'published',
    ...partial,
  };
}
