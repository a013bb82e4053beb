import {html} from 'lit';
import type {Meta, StoryObj} from '@storybook/web-components-vite';
import type {CommentAdapter, CountsRequest} from '../src/adapters/adapter.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import {ferrari} from './data/discussions.js';
import {storyClock} from './support/time.js';

/** Counts from a table, all in one call, the way a backend with `GET {base}/counts` answers. */
class TableAdapter implements CommentAdapter {
  readonly capabilities = {counts: true};
  constructor(private table: Record<string, number>) {}
  async counts({threads}: CountsRequest) {
    return Object.fromEntries(threads.map((thread) => [thread, this.table[thread] ?? 0]));
  }
  load(): never {
    throw new Error('Stories only count.');
  }
  post(): never {
    throw new Error('Stories only count.');
  }
}

/** Never answers: the publisher's fallback text stays. */
class NeverCountingAdapter extends TableAdapter {
  override counts() {
    return new Promise<Record<string, number>>(() => {});
  }
}

interface CountArgs {
  thread: string;
  href: string;
  live: boolean;
}

const TEASERS = [
  {thread: 'ferrari-leapmotor', title: 'Ferrari holt sich Batterietechnik von Leapmotor', count: 6},
  {thread: 'tempolimit', title: 'Tempolimit: Was die Studie wirklich sagt', count: 1234},
  {thread: 'wohnungsbau', title: 'Warum in Leipzig kaum noch gebaut wird', count: 1},
  {thread: 'bundesliga', title: 'Der Spieltag in der Analyse', count: 87},
  {thread: 'wetter', title: 'Unwetterwarnung für den Süden', count: 0},
];

const one = (args: CountArgs, adapter: CommentAdapter) =>
  html`<p>
    <comment-count thread=${args.thread} href=${args.href} ?live=${args.live} .adapter=${adapter}>Kommentare</comment-count>
  </p>`;

const meta = {
  title: 'comment-count',
  component: 'comment-count',
  tags: ['autodocs'],
  args: {thread: 'ferrari-leapmotor', href: '/artikel/ferrari-leapmotor', live: false},
  argTypes: {
    thread: {control: 'text'},
    href: {control: 'text'},
    live: {control: 'boolean'},
  },
  // The Ferrari discussion in memory: its 6 comments, counted like any backend's.
  render: (args) => one(args, new MemoryAdapter({'ferrari-leapmotor': ferrari}, {clock: storyClock()})),
} satisfies Meta<CountArgs>;

export default meta;
type Story = StoryObj<CountArgs>;

/** "6 Kommentare", a link to the article's discussion (`#kommentare`). */
export const Many: Story = {};

/** A single comment: "1 Kommentar". */
export const One: Story = {
  args: {thread: 'wohnungsbau', href: '/artikel/wohnungsbau'},
  render: (args) => one(args, new TableAdapter({wohnungsbau: 1})),
};

/** No comments yet: "Noch keine Kommentare". */
export const None: Story = {
  args: {thread: 'wetter', href: '/artikel/wetter'},
  render: (args) => one(args, new TableAdapter({})),
};

/** German digit grouping: "1.234 Kommentare". */
export const Thousands: Story = {
  args: {thread: 'tempolimit', href: '/artikel/tempolimit'},
  render: (args) => one(args, new TableAdapter({tempolimit: 1234})),
};

/** While the count loads (or when it cannot be loaded), the publisher's own text inside the element stays: nothing jumps. */
export const LoadingFallback: Story = {
  render: (args) => one(args, new NeverCountingAdapter({})),
};

/** A page that lists articles: five counts, asked for in one request. */
export const TeaserList: Story = {
  render: () => {
    const adapter = new TableAdapter(Object.fromEntries(TEASERS.map(({thread, count}) => [thread, count])));
    return html`<ul>
      ${TEASERS.map(
        ({thread, title}) => html`<li>
          <a href=${`/artikel/${thread}`}>${title}</a> ·
          <comment-count thread=${thread} href=${`/artikel/${thread}`} .adapter=${adapter}>Kommentare</comment-count>
        </li>`
      )}
    </ul>`;
  },
};
