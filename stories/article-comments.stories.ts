import {html} from 'lit';
import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import {badData, deep, ferrari, longChain, longText, manyReplies, mixedScript, moderated, questions, rejected, veryLongComment, withReactions, withStaff} from './data/discussions.js';
import {longDiscussion} from './data/generate.js';
import {FailingLoadAdapter, FailingLoadMoreAdapter, LiveAdapter, LiveFeedAdapter, NeverLoadingAdapter, NoReportsAdapter, PremoderatedAdapter} from './support/adapters.js';
import {minutesBefore, storyClock} from './support/time.js';
import type {ManualClock} from '../src/time/clock.js';
import {acted, discussion, find, loaded, openComposer, openReply, themeOf, type, type DiscussionArgs, DEFAULT_ARGS} from './support/render.js';

/** Stories whose state comes from a reader's action run it in `play`; on the docs page each runs in its own frame (see `acted`). */
const ACTED = acted();

function button(element: HTMLElement, text: string): HTMLElement {
  const found = [...element.shadowRoot!.querySelectorAll<HTMLElement>('button, a')].find(
    (candidate) => candidate.textContent!.trim() === text
  );
  if (!found) throw new Error(`No button "${text}"`);
  return found;
}

const meta = {
  title: 'article-comments',
  component: 'article-comments',
  tags: ['autodocs'],
  args: {...DEFAULT_ARGS, thread: 'ferrari-leapmotor'},
  argTypes: {
    thread: {control: 'text'},
    sort: {control: 'inline-radio', options: ['newest', 'oldest']},
    'page-size': {control: {type: 'number', min: 1, max: 100}},
    'max-depth': {control: {type: 'number', min: 0, max: 8}},
    replies: {control: 'inline-radio', options: ['expanded', 'collapsed']},
    closed: {control: 'boolean'},
    'heading-level': {control: {type: 'number', min: 2, max: 6}},
    'max-length': {control: {type: 'number', min: 1}},
    theme: {control: 'inline-radio', options: ['light', 'dark', 'auto']},
    preset: {control: 'inline-radio', options: [undefined, 'neutral', 'classic']},
    density: {control: 'inline-radio', options: ['comfortable', 'compact']},
    avatars: {control: 'boolean'},
    'gender-style': {control: 'inline-radio', options: ['colon', 'pair', 'generic']},
    locale: {control: 'inline-radio', options: [undefined, 'de-DE', 'de-AT', 'de-CH', 'en']},
  },
  render: (args, context) => discussion(args, context, {records: ferrari}),
} satisfies Meta<DiscussionArgs>;

export default meta;
type Story = StoryObj<DiscussionArgs>;

/** The discussion under the demo article: quotes, replies, times from "vor 43 Minuten" to "vor 2 Tagen". */
export const FerrariDiscussion: Story = {};

/** The same discussion with `theme="dark"` on a dark page. */
export const Dark: Story = {
  args: {theme: 'dark'},
};

/**
 * A publisher's brand colour: `--ac-color-accent: #a0001c` (the README's example).
 * Every `--ac-color-*` in Controls is a colour picker that offers such brand colours;
 * sizes and fonts are text fields.
 */
export const BrandColour: Story = {
  args: {'--ac-color-accent': '#a0001c'},
};

/** The brand colour on a dark page: links, buttons and focus rings must stay readable. */
export const BrandColourDark: Story = {
  args: {theme: 'dark', '--ac-color-accent': '#a0001c'},
};

/** `preset="neutral"`: no colour of its own; buttons and links in the page's ink, grey badges. */
export const PresetNeutral: Story = {
  args: {preset: 'neutral'},
  render: (args, context) => discussion(args, context, {records: withStaff}),
};

/** `preset="classic"`: heading and names in a serif, square corners, a strong rule under the heading. */
export const PresetClassic: Story = {
  args: {preset: 'classic'},
  render: (args, context) => discussion(args, context, {records: withStaff}),
};

/** `density="compact"` with `avatars`: initials on a colour from the name, replies hanging from the avatar's middle. */
export const CompactWithAvatars: Story = {
  args: {density: 'compact', avatars: true},
};

/** `gender-style="pair"`: "Autorin/Autor", "Expertin/Experte" (default `colon`: "Autor:in"). */
export const GenderStylePair: Story = {
  args: {'gender-style': 'pair'},
  render: (args, context) => discussion(args, context, {records: withStaff}),
};

/** `locale="en"`: the English words, times ("43 minutes ago"), plurals ("2 replies") and quotation marks (“…”). The readers' comments stay as written. */
export const LanguageEnglish: Story = {
  args: {locale: 'en'},
};

/** `locale="de-AT"`: Austrian German ("Jänner" in dates). */
export const LanguageAustrianGerman: Story = {
  args: {locale: 'de-AT'},
};

/** `locale="de-CH"`: Swiss Standard German: no ß, «…» with ‹…› inside, "1’234", "14.03 Uhr". */
export const LanguageSwissGerman: Story = {
  args: {locale: 'de-CH'},
  render: (args, context) => discussion(args, context, {records: withStaff}),
};

/** An English reply form with its messages: "Please write a reply." */
export const LanguageEnglishReplyForm: Story = {
  ...ACTED,
  args: {locale: 'en'},
  play: async ({canvasElement}) => {
    const form = await openReply(find(canvasElement, 'article-comments'), 'c4', 'quote');
    await form.send();
  },
};

/** While the first page loads: a busy region and a skeleton that reserves space. */
export const Loading: Story = {
  render: (args, context) => discussion(args, context, {adapter: () => new NeverLoadingAdapter()}),
};

/** No comments yet. */
export const Empty: Story = {
  args: {thread: 'story-empty'},
  render: (args, context) => discussion(args, context, {records: []}),
};

/** The publisher's own words instead of "Schreiben Sie den ersten Kommentar." (slot `empty`). */
export const EmptyWithOwnText: Story = {
  args: {thread: 'story-empty-slot'},
  render: (args, context) =>
    discussion(args, context, {
      records: [],
      content: html`<p slot="empty">Noch ist es still hier. Wie finden Sie Ferraris Pläne in China?</p>`,
    }),
};

/** Loading failed (the server answered 503): a German message and "Erneut versuchen", which then works. */
export const LoadError: Story = {
  render: (args, context) =>
    discussion(args, context, {adapter: (clock, thread) => new FailingLoadAdapter({[thread]: ferrari}, {clock}, 1)}),
};

/** The first load fails, the reader clicks "Erneut versuchen", the discussion appears. */
export const LoadErrorThenRetry: Story = {
  ...ACTED,
  render: (args, context) =>
    discussion(args, context, {adapter: (clock, thread) => new FailingLoadAdapter({[thread]: ferrari}, {clock}, 1)}),
  play: async ({canvasElement}) => {
    const element = find(canvasElement, 'article-comments');
    await loaded(element);
    button(element, 'Erneut versuchen').click();
    await loaded(element);
  },
};

/** About 300 comments, 20 threads per page, with "Weitere Kommentare laden". */
export const LongDiscussion: Story = {
  args: {thread: 'story-long'},
  render: (args, context) => discussion(args, context, {records: longDiscussion()}),
};

/** The same discussion after "Weitere Kommentare laden" was clicked once. */
export const LongDiscussionNextPage: Story = {
  ...ACTED,
  args: {thread: 'story-long'},
  render: (args, context) => discussion(args, context, {records: longDiscussion()}),
  play: async ({canvasElement}) => {
    const element = find(canvasElement, 'article-comments');
    await loaded(element);
    button(element, 'Weitere Kommentare laden').click();
    await loaded(element);
  },
};

/** The next page failed to load: the message sits above the button, which now says "Erneut versuchen". */
export const LoadMoreFailed: Story = {
  ...ACTED,
  args: {thread: 'story-long', 'page-size': 5},
  render: (args, context) =>
    discussion(args, context, {adapter: (clock, thread) => new FailingLoadMoreAdapter({[thread]: longDiscussion(12)}, {clock})}),
  play: async ({canvasElement}) => {
    const element = find(canvasElement, 'article-comments');
    await loaded(element);
    button(element, 'Weitere Kommentare laden').click();
    await loaded(element);
  },
};

/** Eight replies deep with `max-depth` 3: from the fourth level on, replies keep their indentation and say "Antwort an @Name". */
export const DeepNesting: Story = {
  args: {thread: 'story-deep'},
  render: (args, context) => discussion(args, context, {records: deep}),
};

/** Two readers answering each other 40 times: nesting stops at `max-depth`, then one flat list where each reply names whom it answers. */
export const LongReplyChain: Story = {
  args: {thread: 'story-chain'},
  render: (args, context) => discussion(args, context, {records: longChain}),
};

/** A comment with 1,050 replies: the first 1,000 appear in steps, the rest behind "Weitere Antworten anzeigen (50)". */
export const VeryManyReplies: Story = {
  args: {thread: 'story-many-replies'},
  render: (args, context) => discussion(args, context, {records: manyReplies}),
};

/** A comment of 6,000 characters: shortened after about 1,500 with "Weiterlesen". */
export const VeryLongComment: Story = {
  args: {thread: 'story-very-long'},
  render: (args, context) => discussion(args, context, {records: veryLongComment}),
};

/** The same comment after "Weiterlesen": all of it, and "Weniger anzeigen". */
export const VeryLongCommentExpanded: Story = {
  ...ACTED,
  args: {thread: 'story-very-long-open'},
  render: (args, context) => discussion(args, context, {records: veryLongComment}),
  play: async ({canvasElement}) => {
    const element = find(canvasElement, 'article-comments');
    await loaded(element);
    button(element, 'Weiterlesen').click();
    await element.updateComplete;
  },
};

/** Comments arrived live while the reader read: new threads wait behind "3 neue Kommentare anzeigen", so nothing moves. */
export const NewCommentsWaiting: Story = {
  ...ACTED,
  args: {thread: 'story-live'},
  render: (args, context) => discussion(args, context, {adapter: (clock, thread) => new LiveAdapter({[thread]: ferrari}, {clock})}),
  play: async ({canvasElement}) => {
    const element = find(canvasElement, 'article-comments');
    await loaded(element);
    const adapter = element.adapter as LiveAdapter;
    const now = element.clock.now();
    adapter.arrive(
      ...['Sabine Roth', 'Murat Demir', 'Elke Brandt'].map((name, i) => ({
        id: `live-${i}`,
        author: {name},
        body: 'Gerade erst gelesen – spannende Nachricht!',
        createdAt: new Date(now - i * 20_000).toISOString(),
      }))
    );
    // Announced a moment after arriving (the reader's own post may come back first).
    await new Promise((resolve) => setTimeout(resolve, 500));
    await element.updateComplete;
  },
};

/**
 * A busy discussion: a new comment arrives every few seconds (five in all), as a
 * server would push it. New threads wait behind the "neue Kommentare" pill, so
 * the text the reader is reading never moves; the pill shows them.
 */
export const LiveUpdates: Story = {
  args: {thread: 'story-live-feed'},
  render: (args, context) =>
    discussion(args, context, {
      adapter: (clock, thread) =>
        new LiveFeedAdapter(
          {[thread]: ferrari},
          {clock},
          ['Sabine Roth', 'Murat Demir', 'Elke Brandt', 'Jonas Weber', 'Katrin Lehmann'].map((name, i) => ({
            id: `feed-${i}`,
            author: {name},
            body: ['Gerade erst gelesen – spannende Nachricht!', 'Bin gespannt, was Maranello daraus macht.', 'Endlich mal eine gute Idee.'][i % 3]!,
            createdAt: minutesBefore(0),
          })),
          3000
        ),
    }),
};

/** `replies="collapsed"`: every thread starts folded behind its reply count. */
export const RepliesCollapsed: Story = {
  args: {replies: 'collapsed'},
};

/** Folded threads, the first of them opened by the reader. */
export const RepliesOneExpanded: Story = {
  ...ACTED,
  args: {replies: 'collapsed'},
  play: async ({canvasElement}) => {
    const element = find(canvasElement, 'article-comments');
    await loaded(element);
    // The toggle by what it does, not by its words (the copy may change).
    const toggle = element.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="toggle"][aria-expanded="false"]');
    if (!toggle) throw new Error('No folded thread');
    toggle.click();
    await element.updateComplete;
  },
};

/** A removed, a pending and a deleted comment: placeholders instead of text, their replies stay in place. */
export const PendingDeletedRemoved: Story = {
  args: {thread: 'story-moderation', sort: 'oldest'},
  render: (args, context) => discussion(args, context, {records: moderated}),
};

/** The reader's own comment waits for moderation: they see their text with a note, others would not. */
export const OwnCommentPending: Story = {
  ...ACTED,
  args: {thread: 'story-own-pending'},
  render: (args, context) =>
    discussion(args, context, {adapter: (clock, thread) => new PremoderatedAdapter({[thread]: ferrari}, {clock})}),
  play: async ({canvasElement}) => {
    const element = find(canvasElement, 'article-comments');
    // The form for a new comment opens when the reader starts writing.
    const composer = await openComposer(element);
    await type(composer, 'Ein elektrischer Ferrari ohne Motorsound? Da bin ich wirklich gespannt.');
    await type(composer, 'Leonie Brandt', 'name');
    await composer.send();
    await element.updateComplete;
  },
};

/** A reader starts writing: the button that stands in for the form opens it, with the focus in the text field. */
export const WritingStarted: Story = {
  ...ACTED,
  args: {thread: 'story-writing'},
  play: async ({canvasElement}) => {
    await openComposer(find(canvasElement, 'article-comments'));
  },
};

/** Answers from the newsroom (badge "Redaktion") and from the article's author (badge "Autor:in"). */
export const StaffAnswer: Story = {
  args: {thread: 'story-staff'},
  render: (args, context) => discussion(args, context, {records: withStaff}),
};

/** A closed discussion: comments stay readable, the form and "Antworten" are gone. */
export const Closed: Story = {
  args: {closed: true},
};

/** `closes-at` passed while the reader was typing: the text stays, read-only and copyable, beside the notice. */
export const ClosedWhileTyping: Story = {
  ...ACTED,
  args: {thread: 'story-closing'},
  render: (args, context) =>
    html`${discussion(args, context, {records: ferrari})}`,
  play: async ({canvasElement}) => {
    const element = find(canvasElement, 'article-comments');
    await loaded(element);
    element.closesAt = new Date(element.clock.now() + 60_000).toISOString();
    const composer = await openComposer(element);
    await type(composer, 'Ich wollte gerade noch schreiben, dass Ferrari sich mit dieser Kooperation');
    (element.clock as ManualClock).advance(60_000);
    await element.updateComplete;
    await composer.updateComplete;
  },
};

/** The reader's own comment was rejected: they see it with the note and a link to the netiquette; others never see it. */
export const RejectedOwnComment: Story = {
  args: {thread: 'story-rejected'},
  render: (args, context) => {
    localStorage.setItem(`article-comments:marks:v1:${encodeURIComponent(args.thread)}`, JSON.stringify({own: ['r1'], reported: []}));
    return html`<article-comments
      thread=${args.thread}
      netiquette-url="https://verlag.example/netiquette"
      theme=${themeOf(args, context)}
      .clock=${storyClock()}
      .adapter=${new MemoryAdapter({[args.thread]: [...ferrari.slice(0, 2), rejected]}, {clock: storyClock()})}
    ></article-comments>`;
  },
};

/** A comment this browser reported: "Gemeldet" instead of "Melden". */
export const ReportedComment: Story = {
  args: {thread: 'story-reported'},
  render: (args, context) => {
    localStorage.setItem(`article-comments:marks:v1:${encodeURIComponent(args.thread)}`, JSON.stringify({own: [], reported: ['c1']}));
    return discussion(args, context, {records: ferrari});
  },
};

/** A backend without reports (Waline) and `report-url`: "Melden" links to the publisher's form. */
export const ReportLinkToPublisherForm: Story = {
  args: {thread: 'story-report-url'},
  render: (args, context) => html`<article-comments
    thread=${args.thread}
    report-url="https://verlag.example/melden?kommentar={url}"
    netiquette-url="https://verlag.example/netiquette"
    privacy-url="https://verlag.example/datenschutz"
    theme=${themeOf(args, context)}
    .clock=${storyClock()}
    .adapter=${new NoReportsAdapter({[args.thread]: ferrari}, {clock: storyClock()})}
  ></article-comments>`,
};

/** A permalink (`#comment-c3`) opened: the comment is scrolled to, focused and highlighted. */
export const PermalinkTarget: Story = {
  ...ACTED,
  play: async ({canvasElement}) => {
    const element = find(canvasElement, 'article-comments');
    await loaded(element);
    await element.reveal('c3');
  },
};

/** "Neueste zuerst" (the default): the newest thread on top; replies stay oldest first. */
export const SortNewestFirst: Story = {
  args: {sort: 'newest'},
};

/** "Älteste zuerst": the discussion in the order it happened. */
export const SortOldestFirst: Story = {
  args: {sort: 'oldest'},
};

/** "Zitieren" on a comment: the reply form opens below it with the passage quoted. */
export const ReplyFormWithQuote: Story = {
  ...ACTED,
  play: async ({canvasElement}) => {
    await openReply(find(canvasElement, 'article-comments'), 'c4', 'quote');
  },
};

/** A reply sent empty and without a name: both fields say what is missing. */
export const ReplyFormErrors: Story = {
  ...ACTED,
  play: async ({canvasElement}) => {
    const form = await openReply(find(canvasElement, 'article-comments'), 'c6');
    await form.send();
  },
};

/** The form for a new comment opened and sent empty: the text field and the name field say what is missing. */
export const ComposerErrors: Story = {
  ...ACTED,
  args: {thread: 'story-composer-errors'},
  play: async ({canvasElement}) => {
    const form = await openComposer(find(canvasElement, 'article-comments'));
    await form.send();
  },
};

/** A very long comment, a quote, an unbroken 100-letter word, a long URL and a long name. */
export const LongText: Story = {
  args: {thread: 'story-long-text', sort: 'oldest'},
  render: (args, context) => discussion(args, context, {records: longText}),
};

/** The same long text on a 320 px phone: everything wraps, nothing scrolls sideways. */
export const LongTextOnSmallPhone: Story = {
  tags: ['!autodocs'],
  args: {thread: 'story-long-text', sort: 'oldest'},
  globals: {viewport: {value: 'phone320', isRotated: false}},
  render: (args, context) => discussion(args, context, {records: longText}),
};

/** Arabic, Hebrew and Chinese inside a German thread: names and paragraphs keep their own direction. */
export const MixedScripts: Story = {
  args: {thread: 'story-mixed-script', sort: 'oldest'},
  render: (args, context) => discussion(args, context, {records: mixedScript}),
};

/**
 * Records with a missing name, text and date: repaired, replies kept, and one notice for readers.
 * (The duplicate id in the data is dropped by MemoryAdapter and listed on `adapter.dataErrors`.)
 */
export const BadData: Story = {
  args: {thread: 'story-bad-data', sort: 'oldest'},
  render: (args, context) => discussion(args, context, {records: badData}),
};

/** Readers may post without a name (`capabilities.anonymous`): the name field says "(freiwillig)". */
export const AnonymousPosting: Story = {
  args: {thread: 'story-anonymous'},
  render: (args, context) =>
    discussion(args, context, {adapter: (clock, thread) => new MemoryAdapter({[thread]: ferrari}, {clock, anonymous: true})}),
};

/** "Empfehlen" with counts (one pressed by this reader), a pinned note first, an editors' pick, and the view of the picks offered. */
export const ReactionsPicksAndPinned: Story = {
  args: {thread: 'story-reactions'},
  render: (args, context) => discussion(args, context, {records: withReactions}),
};

/** The editors' picks on their own ("Redaktionsempfehlungen (1)"), as a publisher may open the discussion. */
export const EditorsPicksView: Story = {
  args: {thread: 'story-picks'},
  render: (args, context) =>
    html`<article-comments
      thread=${args.thread}
      filter="featured"
      theme=${themeOf(args, context)}
      .clock=${storyClock()}
      .adapter=${new MemoryAdapter({[args.thread]: withReactions}, {clock: storyClock()})}
    ></article-comments>`,
};

/** Question mode: "Stellen Sie eine Frage …", "Beantwortet", the newsroom's answer first, and the views Alle, Beantwortet, Offen. */
export const QuestionMode: Story = {
  args: {thread: 'story-qa'},
  render: (args, context) => discussion(args, context, {adapter: (clock, thread) => new MemoryAdapter({[thread]: questions}, {clock, qa: [thread]})}),
};
