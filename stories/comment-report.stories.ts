import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {reportDraftKey} from '../src/drafts/report-drafts.js';
import {acted} from './support/render.js';
import {fillNotice, openDialog, pick, reportBackend, reportPage, tick, typeInto, type ReportArgs} from './support/report.js';
import {FailingReportAdapter, NeverReportingAdapter, RateLimitedReportAdapter} from './support/report-adapters.js';
import {STORY_NOW_MS, storyClock} from './support/time.js';

/** Stories whose state comes from a reader's action run it in `play`; on the docs page each runs in its own frame (see `acted`). */
const ACTED = acted();

const meta = {
  title: 'comment-report',
  component: 'comment-report',
  tags: ['autodocs'],
  args: {
    thread: 'story-report',
    'comment-id': 'c6',
    'author-name': 'Rosso Corsa',
    permalink: 'https://www.example-news.de/artikel/ferrari-leapmotor#comment-c6',
  },
  argTypes: {
    thread: {control: 'text'},
    'comment-id': {control: 'text'},
    'author-name': {control: 'text'},
    permalink: {control: 'text'},
    theme: {control: 'inline-radio', options: ['light', 'dark', 'auto']},
  },
  parameters: {
    actions: {handles: ['comment-report', 'comment-report-failed', 'comment-report-close']},
  },
  render: (args, context) => reportPage(args, context, reportBackend(args.thread)),
} satisfies Meta<ReportArgs>;

export default meta;
type Story = StoryObj<ReportArgs>;

/** A comment with its "Melden" button: the button opens the dialog; Escape or "Abbrechen" closes it and the focus returns. */
export const OpenedFromMelden: Story = {};

/** Just opened: "Warum melden Sie diesen Kommentar?" with the five reasons; the focus is on the first. */
export const Open: Story = {
  ...ACTED,
  args: {thread: 'story-report-open'},
  play: async ({canvasElement}) => {
    await openDialog(canvasElement);
  },
};

/** A reason chosen and "Zusätzliche Informationen" typed: the counter follows ("… / 500 Zeichen"). */
export const ReasonChosen: Story = {
  ...ACTED,
  args: {thread: 'story-report-reason'},
  play: async ({canvasElement}) => {
    const element = await openDialog(canvasElement);
    await pick(element, 'netiquette');
    await typeInto(element, 'details', 'Derselbe Satz steht heute schon unter drei anderen Artikeln.');
  },
};

/**
 * "Rechtswidriger Inhalt": the notice of DSA Art. 16(2). The explanation (up to 1.000 characters), the
 * comment's permalink (read-only), further links, name, e-mail and the confirmation in good faith.
 */
export const IllegalContentNotice: Story = {
  ...ACTED,
  args: {thread: 'story-report-illegal'},
  play: async ({canvasElement}) => {
    await fillNotice(await openDialog(canvasElement));
  },
};

/** The report concerns depictions of child sexual abuse: name and e-mail address become optional. */
export const ChildSexualAbuse: Story = {
  ...ACTED,
  args: {thread: 'story-report-csam'},
  play: async ({canvasElement}) => {
    const element = await openDialog(canvasElement);
    await pick(element, 'illegal');
    await tick(element, 'childAbuse');
  },
};

/** "Meldung senden" on an empty notice: each field says what is missing, a summary is announced, the focus is on the first. */
export const MissingFields: Story = {
  ...ACTED,
  args: {thread: 'story-report-missing'},
  play: async ({canvasElement}) => {
    const element = await openDialog(canvasElement);
    await pick(element, 'illegal');
    await typeInto(element, 'email', 'petra.muster(at)example.com');
    await element.send();
  },
};

/** Sending: "Wird gesendet …"; further clicks and Escape are ignored until the backend answers. */
export const Sending: Story = {
  ...ACTED,
  args: {thread: 'story-report-sending'},
  render: (args, context) => reportPage(args, context, new NeverReportingAdapter({}, {clock: storyClock()})),
  play: async ({canvasElement}) => {
    const element = await openDialog(canvasElement);
    await pick(element, 'spam');
    // Never answered: not awaited.
    void element.send();
    await element.updateComplete;
  },
};

/** Sending failed (no connection): the German message, everything typed is kept, "Meldung senden" works again. */
export const SendFailed: Story = {
  ...ACTED,
  args: {thread: 'story-report-failed'},
  render: (args, context) => reportPage(args, context, new FailingReportAdapter({}, {clock: storyClock()})),
  play: async ({canvasElement}) => {
    const element = await openDialog(canvasElement);
    await fillNotice(element);
    await tick(element, 'goodFaith');
    await element.send();
  },
};

/** Too many reports (429 with Retry-After): how long to wait. */
export const RateLimited: Story = {
  ...ACTED,
  args: {thread: 'story-report-limited'},
  render: (args, context) => reportPage(args, context, new RateLimitedReportAdapter({}, {clock: storyClock()})),
  play: async ({canvasElement}) => {
    const element = await openDialog(canvasElement);
    await pick(element, 'offensive');
    await element.send();
  },
};

/** Stored: the thanks, the backend's reference ("Aktenzeichen") and the time received; the focus is on "Schließen". */
export const Confirmation: Story = {
  ...ACTED,
  args: {thread: 'story-report-sent'},
  play: async ({canvasElement}) => {
    const element = await openDialog(canvasElement);
    await fillNotice(element);
    await tick(element, 'goodFaith');
    await element.send();
  },
};

/** The reader came back after a reload: the report they had started is there again, and the dialog says so. */
export const DraftRestored: Story = {
  ...ACTED,
  args: {thread: 'story-report-draft'},
  beforeEach: () => {
    localStorage.setItem(
      reportDraftKey('story-report-draft', 'c6'),
      JSON.stringify({
        reason: 'misinformation',
        details: 'Ferrari produziert nicht in China; laut Artikel geht es um Batterietechnik von Leapmotor.',
        urls: '',
        name: '',
        email: '',
        childAbuse: false,
        goodFaith: false,
        idempotencyKey: 'r-story-draft',
        savedAt: STORY_NOW_MS - 20 * 60_000,
      })
    );
  },
  play: async ({canvasElement}) => {
    await openDialog(canvasElement);
  },
};

/** The notice on a 320 px phone: the dialog fills the screen, the fields scroll, the buttons stay in view. */
export const SmallPhone320: Story = {
  ...ACTED,
  args: {thread: 'story-report-320'},
  globals: {viewport: {value: 'phone320', isRotated: false}},
  play: async ({canvasElement}) => {
    await fillNotice(await openDialog(canvasElement));
  },
};

/** `theme="dark"` with the messages of an incomplete notice. */
export const Dark: Story = {
  ...ACTED,
  args: {thread: 'story-report-dark', theme: 'dark'},
  play: async ({canvasElement}) => {
    const element = await openDialog(canvasElement);
    await pick(element, 'illegal');
    await element.send();
  },
};
