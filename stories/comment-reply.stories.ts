import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import {draftKey} from '../src/drafts/draft-store.js';
import {ferrari} from './data/discussions.js';
import {FailingPostAdapter, NeverPostingAdapter} from './support/adapters.js';
import {acted, composer, find, type, type ReplyArgs} from './support/render.js';
import {STORY_NOW_MS, storyClock} from './support/time.js';

/** Stories whose state comes from a reader's action run it in `play`; on the docs page each runs in its own frame (see `acted`). */
const ACTED = acted();

const TEXT =
  'Ferrari und Leapmotor, das klingt erst einmal seltsam. Aber wenn es nur um Batterietechnik geht, ' +
  'ist das vielleicht klüger, als alles selbst zu entwickeln.';

const TOO_LONG =
  'Ich habe mir die Zahlen genauer angesehen. Ferrari baut im Jahr rund 14.000 Autos, Leapmotor allein im Oktober ' +
  'mehr als 70.000. Wer so wenige Fahrzeuge verkauft, kann eine eigene Plattform für Elektroautos kaum bezahlen. ' +
  'Deshalb halte ich eine Partnerschaft für vernünftig, auch wenn mir als Fan dabei das Herz blutet. Hauptsache, ' +
  'das Auto fährt sich am Ende noch wie ein Ferrari und nicht wie ein rollendes Tablet.';

const memory = (thread: string, options: {anonymous?: boolean} = {}) =>
  new MemoryAdapter({[thread]: ferrari}, {clock: storyClock(), ...options});

const meta = {
  title: 'comment-reply',
  component: 'comment-reply',
  tags: ['autodocs'],
  args: {
    thread: 'story-reply',
    'parent-id': '',
    'reply-to': '',
    cancelable: false,
  },
  argTypes: {
    thread: {control: 'text'},
    'parent-id': {control: 'text'},
    'reply-to': {control: 'text'},
    'max-length': {control: {type: 'number', min: 1}},
    cancelable: {control: 'boolean'},
    theme: {control: 'inline-radio', options: ['light', 'dark', 'auto']},
  },
  render: (args, context) => composer(args, context, memory(args.thread)),
} satisfies Meta<ReplyArgs>;

export default meta;
type Story = StoryObj<ReplyArgs>;

/** A fresh form: text field, counter, name field and "Senden". */
export const Empty: Story = {};

/** The reader is typing: the counter follows ("… / 2.000 Zeichen"). */
export const Typing: Story = {
  ...ACTED,
  args: {thread: 'story-reply-typing'},
  play: async ({canvasElement}) => {
    await type(find(canvasElement, 'comment-reply'), TEXT);
  },
};

/** Over `max-length` (here 280) and sent: the counter turns red and the message names both lengths. */
export const TooLong: Story = {
  ...ACTED,
  args: {thread: 'story-reply-too-long', 'max-length': 280},
  play: async ({canvasElement}) => {
    const element = find(canvasElement, 'comment-reply');
    await type(element, TOO_LONG);
    await type(element, 'Giulia Romano', 'name');
    await element.send();
  },
};

/** Sent without a name: the name field says so and has the focus. */
export const MissingName: Story = {
  ...ACTED,
  args: {thread: 'story-reply-missing-name'},
  play: async ({canvasElement}) => {
    const element = find(canvasElement, 'comment-reply');
    await type(element, TEXT);
    await element.send();
  },
};

/** Without a name being required (`capabilities.anonymous`): "Ihr Name (freiwillig)". */
export const NameOptional: Story = {
  args: {thread: 'story-reply-anonymous'},
  render: (args, context) => composer(args, context, memory(args.thread, {anonymous: true})),
};

/** Sending: the button says "Wird gesendet …" and ignores further clicks until the backend answers. */
export const Sending: Story = {
  ...ACTED,
  args: {thread: 'story-reply-sending'},
  render: (args, context) => composer(args, context, new NeverPostingAdapter({}, {clock: storyClock()})),
  play: async ({canvasElement}) => {
    const element = find(canvasElement, 'comment-reply');
    await type(element, TEXT);
    await type(element, 'Giulia Romano', 'name');
    // Never answered: not awaited.
    void element.send();
    await element.updateComplete;
  },
};

/** Sending failed (no connection): the message says what happened, the text stays, "Senden" works again. */
export const SendFailed: Story = {
  ...ACTED,
  args: {thread: 'story-reply-failed'},
  render: (args, context) => composer(args, context, new FailingPostAdapter({}, {clock: storyClock()})),
  play: async ({canvasElement}) => {
    const element = find(canvasElement, 'comment-reply');
    await type(element, TEXT);
    await type(element, 'Giulia Romano', 'name');
    await element.send();
  },
};

/** A reply form with a quoted passage, "Zitat entfernen" and "Abbrechen". */
export const ReplyWithQuote: Story = {
  args: {thread: 'story-reply-quote', 'parent-id': 'c4', 'reply-to': 'Sabine K.', cancelable: true},
  render: (args, context) =>
    composer(args, context, memory(args.thread), {
      text: 'Am Ende kopiert China sämtliche Technik und unsere lokalen Autobauer sterben aus.',
      source: 'c4',
    }),
};

/** The reader came back after a reload: the saved draft is restored and says so. */
export const DraftRestored: Story = {
  args: {thread: 'story-reply-draft'},
  beforeEach: () => {
    localStorage.setItem(
      draftKey('story-reply-draft', null),
      JSON.stringify({
        body: 'Was ich noch sagen wollte: Der Artikel erwähnt nicht, dass Leapmotor zum Teil Stellantis gehört.',
        quote: null,
        idempotencyKey: 'k-story-draft',
        savedAt: STORY_NOW_MS - 20 * 60_000,
      })
    );
  },
};
