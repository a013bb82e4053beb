import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {DeleteRequest, EditRequest, Viewer} from '../src/adapters/adapter.js';
import {
  ForbiddenError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnexpectedResponseError,
} from '../src/adapters/errors.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import type {CommentReply} from '../src/elements/comment-reply/comment-reply.js';
import {ManualClock} from '../src/time/clock.js';
import {ComposerHarness, freshThread, pressControlEnter, renderDiscussion, until, type DiscussionHarness} from './harness.js';

const NOW = Date.parse('2026-12-02T12:00:00Z');
const julia: Viewer = {id: 'u-julia', name: 'Julia W.', email: 'julia@example.com'};

/** A backend whose next edit or deletion fails with the error a test gives. */
class Refusing extends MemoryAdapter {
  next: {edit?: Error; delete?: Error} = {};
  override async edit(request: EditRequest) {
    const error = this.next.edit;
    this.next.edit = undefined;
    if (error) throw error;
    return super.edit(request);
  }
  override async delete(request: DeleteRequest) {
    const error = this.next.delete;
    this.next.delete = undefined;
    if (error) throw error;
    return super.delete(request);
  }
}

/** Julia's comment in a discussion of its own, rendered. */
async function withOwnComment(): Promise<{view: DiscussionHarness; adapter: Refusing; id: string}> {
  const clock = new ManualClock(NOW);
  const thread = freshThread('own-failures');
  const id = 'own';
  const adapter = new Refusing(
    {[thread]: [{id, author: {name: julia.name, id: julia.id}, body: 'Mein Text.', createdAt: new Date(NOW - 60_000).toISOString()}]},
    {clock, viewer: julia}
  );
  const view = await renderDiscussion(null, {thread, adapter, clock});
  await until(() => view.comment(`#${id}`).querySelector('[data-action="edit"]'), '"Bearbeiten"');
  return {view, adapter, id};
}

/** Every kind of failure a backend can answer, and the German the reader reads (after the form's or the comment's own words). */
const FAILURES: [string, () => Error, string][] = [
  ['offline or no connection', () => new NetworkError(), 'Keine Verbindung zum Server.'],
  ['a timeout', () => new TimeoutError(10_000), 'Der Server hat nicht rechtzeitig geantwortet.'],
  ['a server error', () => new ServerError(502), 'Auf dem Server ist ein Fehler aufgetreten.'],
  ['too many requests', () => new RateLimitedError(NOW + 30_000), 'Bitte warten Sie 30\u00a0Sekunden.'],
  ['the comment is gone', () => new NotFoundError(), 'Dieser Kommentar existiert nicht mehr.'],
  ['not the author', () => new ForbiddenError('No.', {reason: 'not-allowed'}), 'Dafür fehlt Ihnen die Berechtigung.'],
  ['signed out meanwhile', () => new ForbiddenError('Sign in.', {reason: 'login'}), 'Bitte melden Sie sich wieder an.'],
  ['an answer in another format', () => new UnexpectedResponseError(), 'Der Server hat unerwartet geantwortet.'],
];

describe('own comments: every kind of failure', function () {
  // Several forms, posts and axe checks per test: on a machine running three engines at once that takes longer than 10 s.
  this.timeout(30_000);
  for (const [what, error, german] of FAILURES) {
    it(`editing, ${what}: said in German, the text kept, saved on the next try`, async () => {
      const {view, adapter, id} = await withOwnComment();
      view.comment(`#${id}`).querySelector<HTMLButtonElement>('[data-action="edit"]')!.click();
      const form = new ComposerHarness(await until(() => view.comment(`#${id}`).querySelector<CommentReply>('comment-reply[edit-id]'), 'the edit form'));
      await form.element.updateComplete;
      await form.fill(form.textarea, 'Mein besserer Text.');
      adapter.next.edit = error();
      await form.send();
      const said = [...form.root.querySelectorAll('.error, [part~="login"]')].map((node) => node.textContent!.trim()).join(' ');
      expect(said).to.include(german);
      expect(form.textarea.value).to.equal('Mein besserer Text.');
      await form.send();
      await until(() => view.paragraphs(view.comment(`#${id}`)).join() === 'Mein besserer Text.', 'saved on the retry');
    });

    it(`deleting, ${what}: said in German beside the comment, which stays`, async () => {
      const {view, adapter, id} = await withOwnComment();
      view.comment(`#${id}`).querySelector<HTMLButtonElement>('[data-action="delete"]')!.click();
      const confirm = await until(() => view.comment(`#${id}`).querySelector<HTMLButtonElement>('[data-action="delete-confirm"]'), 'the question');
      adapter.next.delete = error();
      confirm.click();
      const message = await until(() => view.comment(`#${id}`).querySelector('[part~="own-message"]'), 'the failure');
      expect(message.textContent).to.match(/^Ihr Kommentar konnte nicht gelöscht werden\. /);
      expect(message.textContent).to.include(german);
      expect(view.paragraphs(view.comment(`#${id}`))).to.deep.equal(['Mein Text.']);
      // Focus is on the message, so a screen reader reads it; "Löschen" is still there.
      await until(() => view.focused() === message, 'focus on the message');
      expect(view.comment(`#${id}`).querySelector('[data-action="delete"]')).not.to.equal(null);
    });
  }
});

describe('own comments by keyboard', function () {
  this.timeout(30_000);
  it('Bearbeiten, type, Ctrl+Enter saves; Escape closes the edit and the delete question, focus back on their buttons', async () => {
    const {view, id} = await withOwnComment();
    const edit = view.comment(`#${id}`).querySelector<HTMLButtonElement>('[data-action="edit"]')!;
    edit.focus();
    await sendKeys({press: 'Enter'});
    const form = new ComposerHarness(await until(() => view.comment(`#${id}`).querySelector<CommentReply>('comment-reply[edit-id]'), 'the edit form'));
    await until(() => view.focused() === form.textarea, 'focus in the text');
    await sendKeys({press: 'Escape'});
    await until(() => !view.comment(`#${id}`).querySelector('comment-reply'), 'the edit form to close');
    await until(() => view.focused() === view.comment(`#${id}`).querySelector('[data-action="edit"]'), 'focus back on "Bearbeiten"');
    await sendKeys({press: 'Enter'});
    const again = new ComposerHarness(await until(() => view.comment(`#${id}`).querySelector<CommentReply>('comment-reply[edit-id]'), 'the edit form again'));
    await until(() => view.focused() === again.textarea, 'focus in the text again');
    await sendKeys({type: ' Nachtrag.'});
    await pressControlEnter();
    await until(() => view.paragraphs(view.comment(`#${id}`)).join().endsWith('Nachtrag.'), 'saved by Ctrl+Enter');
    // The delete question closes with Escape too.
    view.comment(`#${id}`).querySelector<HTMLButtonElement>('[data-action="delete"]')!.focus();
    await sendKeys({press: 'Enter'});
    await until(() => view.focused() === view.comment(`#${id}`).querySelector('[data-action="delete-confirm"]'), 'focus on "Ja, löschen"');
    await sendKeys({press: 'Escape'});
    await until(() => !view.comment(`#${id}`).querySelector('[part~="delete-question"]'), 'the question to close');
    await until(() => view.focused() === view.comment(`#${id}`).querySelector('[data-action="delete"]'), 'focus back on "Löschen"');
  });
});
