import {html, type TemplateResult} from 'lit';
import type {Meta, StoryContext, StoryObj} from '@storybook/web-components-vite';
import type {CommentAdapter} from '../src/adapters/adapter.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import {ferrari} from './data/discussions.js';
import {NeverLoadingAdapter} from './support/adapters.js';
import {DEFAULT_ARGS, themeOf, type DiscussionArgs} from './support/render.js';
import {storyClock} from './support/time.js';

interface LazyArgs extends DiscussionArgs {
  loading: 'eager' | 'lazy';
}

/** `<article-comments loading=…>` with a pinned clock and its own backend. */
function lazyDiscussion(args: LazyArgs, context: StoryContext<LazyArgs>, adapter: CommentAdapter, className = ''): TemplateResult {
  return html`<article-comments
    id="kommentare"
    class=${className}
    loading=${args.loading}
    thread=${args.thread}
    sort=${args.sort}
    page-size=${args['page-size']}
    max-depth=${args['max-depth']}
    replies=${args.replies}
    ?closed=${args.closed}
    heading-level=${args['heading-level']}
    theme=${themeOf(args, context)}
    .clock=${storyClock()}
    .adapter=${adapter}
  ></article-comments>`;
}

const PARAGRAPH =
  'Der Sportwagenhersteller will bei Batteriezellen künftig mit dem chinesischen Hersteller Leapmotor zusammenarbeiten. ' +
  'Branchenbeobachter sehen darin einen Schritt, der für die ganze Industrie Folgen haben könnte.';

/** An article long enough that its discussion starts far below the fold. */
const article = html`<article class="story-article">
  <h1>Ferrari holt sich Batterietechnik von Leapmotor</h1>
  ${Array.from({length: 40}, () => html`<p>${PARAGRAPH}</p>`)}
</article>`;

const meta = {
  title: 'Lazy loading',
  component: 'article-comments',
  args: {...DEFAULT_ARGS, thread: 'ferrari-leapmotor', loading: 'lazy'},
  argTypes: {
    loading: {control: 'inline-radio', options: ['eager', 'lazy']},
  },
  render: (args, context) =>
    html`${article}${lazyDiscussion(args, context, new MemoryAdapter({[args.thread]: ferrari}, {clock: storyClock()}))}`,
} satisfies Meta<LazyArgs>;

export default meta;
type Story = StoryObj<LazyArgs>;

/**
 * `loading="lazy"` under a long article: the discussion loads when the reader scrolls within about
 * 1,200 px of it (or follows a `#kommentare` or `#comment-…` link), not with the page.
 */
export const BelowALongArticle: Story = {};

/**
 * What a lazy discussion shows until its comments arrive: its heading, "Kommentare werden geladen …"
 * and a skeleton that keeps `--ac-placeholder-height` (default 40rem) free, so nothing below jumps.
 */
export const Placeholder: Story = {
  render: (args, context) => lazyDiscussion(args, context, new NeverLoadingAdapter()),
};

/** A publisher whose discussions are usually short keeps less space: `--ac-placeholder-height: 20rem` in its stylesheet. */
export const ShorterPlaceholder: Story = {
  render: (args, context) =>
    html`<style>
        .short-discussions {
          --ac-placeholder-height: 20rem;
        }
      </style>
      ${lazyDiscussion(args, context, new NeverLoadingAdapter(), 'short-discussions')}`,
};
