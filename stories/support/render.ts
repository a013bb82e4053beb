/**
 * Render helpers shared by the stories: they bind the Controls to the
 * element's attributes, pin time, and give each story its own backend.
 */
import {html, nothing, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import type {StoryContext} from '@storybook/web-components-vite';
import type {CommentAdapter} from '../../src/adapters/adapter.js';
import {MemoryAdapter} from '../../src/adapters/memory-adapter.js';
import type {ArticleComments} from '../../src/elements/article-comments/article-comments.js';
import type {CommentReply} from '../../src/elements/comment-reply/comment-reply.js';
import type {ManualClock} from '../../src/time/clock.js';
import {storyClock} from './time.js';

export type Theme = 'light' | 'dark' | 'auto';

/**
 * The documented `--ac-*` custom properties as args: Controls offers a colour
 * picker or a text field for each (.storybook/custom-properties.ts), and a
 * story may set them, e.g. `'--ac-color-accent': '#a0001c'`.
 */
export type CustomPropertyArgs = {[name: `--ac-${string}`]: string | undefined};

/** The attributes of <article-comments> that Controls can change. */
/** The element's defaults, as story args (each story file adds its own thread). */
export const DEFAULT_ARGS = {
  sort: 'newest',
  'page-size': 20,
  'max-depth': 3,
  replies: 'expanded',
  closed: false,
  'heading-level': 2,
} as const;

export interface DiscussionArgs extends CustomPropertyArgs {
  thread: string;
  sort: 'newest' | 'oldest';
  'page-size': number;
  'max-depth': number;
  replies: 'expanded' | 'collapsed';
  closed: boolean;
  'heading-level': number;
  'max-length'?: number;
  /** Unset: follows the "Theme" switch in the toolbar. */
  theme?: Theme;
  preset?: 'neutral' | 'classic';
  density?: 'comfortable' | 'compact';
  avatars?: boolean;
  'gender-style'?: 'colon' | 'pair' | 'generic';
  /** `de-DE` (unset), `de-AT`, `de-CH`, `en`. */
  locale?: string;
}

/** The attributes of <comment-reply> that Controls can change. */
export interface ReplyArgs extends CustomPropertyArgs {
  thread: string;
  'parent-id': string;
  'reply-to': string;
  'max-length'?: number;
  cancelable: boolean;
  theme?: Theme;
}

/**
 * For stories whose state comes from a reader's action (a click, typing, a
 * post) in `play`: on the docs page each runs in a frame of its own, with its
 * `play`, so its focus, scrolling and modal dialog stay inside that frame
 * instead of moving the docs page. Spread it into the story.
 */
export function acted(height = '40rem') {
  return {parameters: {docs: {story: {inline: false, autoplay: true, height}}}};
}

/** The theme a story shows: its own `theme` arg, else the toolbar's switch. */
export function themeOf(args: {theme?: Theme}, context: {globals: Record<string, unknown>}): Theme {
  return args.theme ?? (context.globals.theme as Theme | undefined) ?? 'light';
}

export interface DiscussionSetup {
  /** The discussion served from memory (ignored when `adapter` is given). */
  records?: readonly unknown[];
  /** A backend made for this render; it gets the story's pinned clock. */
  adapter?: (clock: ManualClock, thread: string) => CommentAdapter;
  /** A class on the element, for a publisher's stylesheet. */
  className?: string;
  /** Children of the element, e.g. slotted content. */
  content?: TemplateResult;
}

/** `<article-comments>` with the story's args, a pinned clock and a fresh backend. */
export function discussion(args: DiscussionArgs, context: StoryContext<DiscussionArgs>, setup: DiscussionSetup = {}): TemplateResult {
  const clock = storyClock();
  const adapter = setup.adapter
    ? setup.adapter(clock, args.thread)
    : new MemoryAdapter({[args.thread]: setup.records ?? []}, {clock});
  return html`<article-comments
    class=${ifDefined(setup.className)}
    thread=${args.thread}
    sort=${args.sort}
    page-size=${args['page-size']}
    max-depth=${args['max-depth']}
    replies=${args.replies}
    ?closed=${args.closed}
    heading-level=${args['heading-level']}
    max-length=${ifDefined(args['max-length'])}
    theme=${themeOf(args, context)}
    preset=${ifDefined(args.preset)}
    density=${ifDefined(args.density)}
    ?avatars=${args.avatars ?? false}
    gender-style=${ifDefined(args['gender-style'])}
    locale=${ifDefined(args.locale)}
    .clock=${clock}
    .adapter=${adapter}
    >${setup.content ?? nothing}</article-comments
  >`;
}

/** A standalone `<comment-reply>` with the story's args and its own backend. */
export function composer(args: ReplyArgs, context: StoryContext<ReplyArgs>, adapter: CommentAdapter, quote: CommentReply['quote'] = null): TemplateResult {
  return html`<comment-reply
    thread=${args.thread}
    parent-id=${args['parent-id']}
    reply-to=${args['reply-to']}
    max-length=${ifDefined(args['max-length'])}
    ?cancelable=${args.cancelable}
    theme=${themeOf(args, context)}
    .quote=${quote}
    .adapter=${adapter}
  ></comment-reply>`;
}

/** The first element of a tag in the story (searching open shadow roots too). */
export function find<K extends keyof HTMLElementTagNameMap>(root: ParentNode, tag: K): HTMLElementTagNameMap[K] {
  const direct = root.querySelector(tag);
  if (direct) return direct;
  for (const host of root.querySelectorAll('*')) {
    if (host.shadowRoot) {
      const inner = find(host.shadowRoot, tag) as HTMLElementTagNameMap[K] | null;
      if (inner) return inner;
    }
  }
  throw new Error(`No <${tag}> in the story`);
}

/** Resolves once the discussion has shown its first page (or its error), i.e. is no longer busy. */
export async function loaded(element: ArticleComments): Promise<void> {
  const deadline = performance.now() + 5000;
  for (;;) {
    await element.updateComplete;
    // (No section yet: the first render waits, e.g. for its language.)
    const section = element.shadowRoot?.querySelector('section');
    if (section && section.getAttribute('aria-busy') !== 'true') return;
    if (performance.now() > deadline) throw new Error('The discussion did not finish loading');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Types into the composer the way a reader does: the field's value, then one input event. */
export async function type(element: CommentReply, text: string, field: 'body' | 'name' = 'body'): Promise<void> {
  await element.updateComplete;
  const input = element.shadowRoot!.querySelector<HTMLTextAreaElement | HTMLInputElement>(
    field === 'body' ? 'textarea' : 'input[name="name"]'
  )!;
  input.value = text;
  input.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
  await element.updateComplete;
}

/**
 * The form `selector` finds in the discussion, once it is there: the composer's code loads on
 * demand, so a form appears a moment after the click that opens it.
 */
async function formAppearing(element: ArticleComments, selector: string, what: string): Promise<CommentReply> {
  const deadline = performance.now() + 5000;
  for (;;) {
    await element.updateComplete;
    const form = element.shadowRoot!.querySelector<CommentReply>(selector);
    if (form) {
      await form.updateComplete;
      return form;
    }
    if (performance.now() > deadline) throw new Error(`No ${what} opened`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Clicks "Antworten" or "Zitieren" on comment `id` and resolves with the reply form that opened below it. */
export async function openReply(element: ArticleComments, id: string, action: 'reply' | 'quote' = 'reply'): Promise<CommentReply> {
  await loaded(element);
  element.shadowRoot!.querySelector<HTMLElement>(`#comment-${id} [data-action="${action}"]`)!.click();
  return formAppearing(element, 'comment-reply.reply-form', `reply form for comment ${id}`);
}

/** Clicks "Schreiben Sie einen Kommentar …" and resolves with the composer that opened. */
export async function openComposer(element: ArticleComments): Promise<CommentReply> {
  await loaded(element);
  element.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="compose"]')!.click();
  return formAppearing(element, 'comment-reply.composer', 'composer');
}
