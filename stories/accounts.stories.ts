import type {Meta, StoryObj} from '@storybook/web-components-vite';
import type {Viewer} from '../src/adapters/adapter.js';
import {MemoryAdapter, type MemoryAdapterOptions} from '../src/adapters/memory-adapter.js';
import type {ArticleComments} from '../src/elements/article-comments/article-comments.js';
import type {ManualClock} from '../src/time/clock.js';
import {ferrari} from './data/discussions.js';
import {acted, discussion, find, loaded, openComposer, openReply, type, type DiscussionArgs, DEFAULT_ARGS} from './support/render.js';
import {minutesBefore} from './support/time.js';

/** Stories whose state comes from a reader's action run it in `play`; on the docs page each runs in its own frame. */
const ACTED = acted('44rem');

const JULIA: Viewer = {id: 'u-julia', name: 'Julia W.', role: 'reader', email: 'julia.w@example.com'};

/** The Ferrari discussion with one more comment by Julia W., written 3 minutes ago under her account. */
const withOwn = [
  ...ferrari,
  {
    id: 'own-1',
    parentId: null,
    author: {name: JULIA.name, id: JULIA.id},
    body: 'Ich finde die Kooperation mutig. Hoffentlich bleibt der Klang erhalten.',
    createdAt: minutesBefore(3),
    status: 'published',
  },
];

/** A memory backend on the story's clock, with Julia signed in unless `viewer` says otherwise. */
function backend(options: MemoryAdapterOptions & {viewer?: Viewer | null; records?: readonly unknown[]} = {}) {
  return (clock: ManualClock, thread: string) =>
    new MemoryAdapter({[thread]: options.records ?? withOwn}, {viewer: JULIA, notifications: true, ...options, clock});
}

const meta = {
  title: 'article-comments/Signed-in readers',
  component: 'article-comments',
  args: {...DEFAULT_ARGS, thread: 'story-accounts'},
  render: (args, context) => discussion(args, context, {adapter: backend()}),
} satisfies Meta<DiscussionArgs>;

export default meta;
type Story = StoryObj<DiscussionArgs>;

const LOGIN = 'https://konto.example.com/anmelden?ziel={return}';
const LOGOUT = 'https://konto.example.com/abmelden?ziel={return}';

async function own(element: ArticleComments, action: string): Promise<void> {
  await loaded(element);
  element.shadowRoot!.querySelector<HTMLElement>(`#comment-own-1 [data-action="${action}"]`)!.click();
  await element.updateComplete;
}

/** Waits until the backend answered a change of Julia's comment: its message is shown. */
async function answered(element: ArticleComments): Promise<void> {
  const message = () => element.shadowRoot!.querySelector('#comment-own-1 [part~="own-message"]');
  for (let tries = 0; tries < 100 && !message(); tries++) await new Promise((resolve) => setTimeout(resolve, 20));
  if (!message()) throw new Error('No answer to the change of Julia’s comment within 2 s');
  await element.updateComplete;
}

/** Signed in: the form writes as Julia W. (no name field), with the publisher's "Abmelden"; her comment offers "Bearbeiten", "Löschen" and "Bei Antworten per E-Mail benachrichtigen". */
export const SignedIn: Story = {
  ...ACTED,
  args: {thread: 'story-signed-in'},
  play: async ({canvasElement}) => {
    const element = find(canvasElement, 'article-comments');
    element.logoutUrl = LOGOUT;
    await openComposer(element);
  },
};

/** Only signed-in readers may write: the form keeps what the reader typed and offers the publisher's login instead of "Senden". */
export const LoginRequired: Story = {
  ...ACTED,
  args: {thread: 'story-login-required'},
  render: (args, context) => discussion(args, context, {adapter: backend({viewer: null, loginRequired: [args.thread]})}),
  play: async ({canvasElement}) => {
    const element = find(canvasElement, 'article-comments');
    element.loginUrl = LOGIN;
    const form = await openReply(element, 'c1');
    await type(form, 'Die Frage ist doch, ob Ferrari damit seine Seele verkauft.');
  },
};

/** Editing one's own comment: the composer in place of the text, "Speichern" and "Abbrechen". */
export const Editing: Story = {
  ...ACTED,
  args: {thread: 'story-editing'},
  play: async ({canvasElement}) => {
    await own(find(canvasElement, 'article-comments'), 'edit');
  },
};

/** The edit window (here 15 minutes after posting) passed while the reader edited: the text stays, read-only, with the reason. */
export const EditWindowPassed: Story = {
  ...ACTED,
  args: {thread: 'story-edit-expired'},
  play: async ({canvasElement}) => {
    const element = find(canvasElement, 'article-comments');
    await own(element, 'edit');
    (element.clock as ManualClock).advance(13 * 60_000);
    await element.updateComplete;
  },
};

/** "Löschen" asks in the page first (never a browser dialog); focus is on "Ja, löschen". */
export const DeleteQuestion: Story = {
  ...ACTED,
  args: {thread: 'story-delete-question'},
  play: async ({canvasElement}) => {
    await own(find(canvasElement, 'article-comments'), 'delete');
  },
};

/** Deleted: the placeholder stands in (replies would stay), with "Rückgängig" while the backend allows it. */
export const DeletedWithUndo: Story = {
  ...ACTED,
  args: {thread: 'story-deleted'},
  play: async ({canvasElement}) => {
    const element = find(canvasElement, 'article-comments');
    await own(element, 'delete');
    await own(element, 'delete-confirm');
    await answered(element);
  },
};

/** Reply notifications, not signed in: the address is asked for, checked, and what it is used for is said beside it. */
export const NotificationsOptIn: Story = {
  ...ACTED,
  args: {thread: 'story-notify'},
  render: (args, context) => discussion(args, context, {adapter: backend({viewer: null})}),
  play: async ({canvasElement}) => {
    const element = find(canvasElement, 'article-comments');
    element.privacyUrl = 'https://example.com/datenschutz';
    const form = await openComposer(element);
    form.shadowRoot!.querySelector<HTMLInputElement>('input[name="notify"]')!.click();
    await form.updateComplete;
    await type(form, 'Bitte halten Sie mich auf dem Laufenden.');
    await type(form, 'Giulia Romano', 'name');
    const email = form.shadowRoot!.querySelector<HTMLInputElement>('input[name="email"]')!;
    email.value = 'giulia.romano';
    email.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
    await form.send();
  },
};

/** A signed-in author turns reply mails on afterwards: they go to the account's address, and "Benachrichtigungen abbestellen" takes the button's place. */
export const NotificationsTurnedOn: Story = {
  ...ACTED,
  args: {thread: 'story-notify-on'},
  play: async ({canvasElement}) => {
    const element = find(canvasElement, 'article-comments');
    await own(element, 'notify-on');
    await answered(element);
  },
};
