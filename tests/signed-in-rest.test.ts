import {expect} from '@open-wc/testing';
import type {CommentReply} from '../src/elements/comment-reply/comment-reply.js';
import {ComposerHarness, freshThread, renderDiscussion, until, type DiscussionHarness} from './harness.js';
import {outbox, requireLogin, restAdapter, seedServer, setWindows, signIn, signOut} from './reference-server.js';

/** The widget on the reference server, signed in with whatever `token.current` holds (the page's login). */
async function renderSignedIn(thread: string, token: {current: string | null}, attributes: Record<string, string> = {}) {
  // A busy machine (three engines side by side) can take longer than restAdapter's short timeout.
  const adapter = await restAdapter({timeout: 8000, headers: (): Record<string, string> => (token.current ? {Authorization: `Bearer ${token.current}`} : {})});
  return renderDiscussion(null, {thread, adapter, attributes});
}

/** The reader comes back to the tab: the adapter asks the server who is signed in. */
function returnToTab(): void {
  document.dispatchEvent(new Event('visibilitychange'));
}

const signedInLine = (form: ComposerHarness) => form.root.querySelector('[part~="signed-in"]');

async function composer(view: DiscussionHarness): Promise<ComposerHarness> {
  return view.composer();
}

describe('signed-in readers on the REST backend (reference server)', function () {
  // Several forms, posts and axe checks per test: on a machine running three engines at once that takes longer than 10 s.
  this.timeout(30_000);
  it('a session (bearer token) writes as its account; signing out elsewhere reaches the open form', async () => {
    const thread = freshThread('rest-session');
    const token = {current: await signIn({id: 'u-mara', name: 'Mara S.', role: 'expert', email: 'mara@example.com'}) as string | null};
    const view = await renderSignedIn(thread, token);
    const form = await composer(view);
    expect(signedInLine(form)!.textContent).to.include('Mara S.');
    await form.fill(form.textarea, 'Als Expertin angemeldet.');
    await form.send();
    const article = await until(() => view.comments().find((a) => view.author(a) === 'Mara S.'), 'the comment');
    expect(article.querySelector('[part~="badge"]')).not.to.equal(null);
    // Her own comment: "Bearbeiten" from the server's editableUntil, which only she is sent.
    expect(article.querySelector('[data-action="edit"]')).not.to.equal(null);
    // Signed out in another tab: the session ends; back in this tab, the widget asks and follows.
    await signOut(token.current!);
    returnToTab();
    await until(() => form.nameField, 'the name field after signing out');
    expect(signedInLine(form)).to.equal(null);
    await until(() => {
      const now = view.root.getElementById(article.id);
      return now && !now.querySelector('[data-action="edit"]');
    }, '"Bearbeiten" to go');
    // Nothing blanked meanwhile: the comment stayed in place.
    expect(article.isConnected).to.equal(true);
  });

  it('signing in on an open page gives the reader their own comments’ actions, in place', async () => {
    const thread = freshThread('rest-live-sign-in');
    const mara = {id: 'u-mara-2', name: 'Mara S.'};
    // Mara wrote a comment earlier, signed in.
    const earlier = await restAdapter({headers: {Authorization: `Bearer ${await signIn(mara)}`}});
    const posted = (await earlier.post({thread, parentId: null, author: {name: ''}, body: 'Von vorhin.', quote: null, idempotencyKey: `k-${thread}`})) as {id: string};
    const token = {current: null as string | null};
    const view = await renderSignedIn(thread, token);
    const article = view.comment(`#${posted.id}`);
    expect(article.querySelector('[data-action="edit"]')).to.equal(null);
    token.current = await signIn(mara);
    await until(
      () => {
        returnToTab();
        return view.root.getElementById(article.id)?.querySelector('[data-action="edit"]');
      },
      '"Bearbeiten" after signing in',
      8000
    );
    expect(view.root.getElementById(article.id)!.querySelector('[data-action="delete"]')).not.to.equal(null);
    // In place: the comment was never taken out of the page.
    expect(article.isConnected).to.equal(true);
  });

  it('a discussion that requires login offers it; once signed in (no reload) the reader sends', async () => {
    const thread = freshThread('rest-login');
    await seedServer(thread, ['s1']);
    await requireLogin(thread);
    const token = {current: null as string | null};
    const view = await renderSignedIn(thread, token, {'login-url': 'https://konto.example.com/login?weiter={return}'});
    const reply = await view.openReply(view.comment('#s1'));
    await reply.write('Erst anmelden, dann senden.');
    expect(reply.root.querySelector('[part~="login-link"]')).not.to.equal(null);
    expect(reply.sendButton).to.equal(null);
    token.current = await signIn({id: 'u-ben', name: 'Ben K.'});
    // The next check of the session (a return to the tab, at most every 2 seconds) brings the viewer.
    await until(
      () => {
        returnToTab();
        return signedInLine(reply);
      },
      'the signed-in line',
      8000
    );
    expect(reply.textarea.value).to.equal('Erst anmelden, dann senden.');
    await reply.send();
    await until(() => view.comments().some((a) => view.author(a) === 'Ben K.'), 'the reply');
  });

  it('edits and deletes through the server; the edit window closing on the server is told', async () => {
    const thread = freshThread('rest-own');
    const token = {current: await signIn({id: 'u-ida', name: 'Ida P.', email: 'ida@example.com'}) as string | null};
    const view = await renderSignedIn(thread, token);
    const form = await composer(view);
    await form.fill(form.textarea, 'Erste Fassung.');
    await form.send();
    let article = await until(() => view.comments().find((a) => view.author(a) === 'Ida P.'), 'the comment');
    const id = article.id.slice('comment-'.length);
    article.querySelector<HTMLButtonElement>('[data-action="edit"]')!.click();
    let edit = new ComposerHarness(await until(() => view.comment(`#${id}`).querySelector<CommentReply>('comment-reply[edit-id]'), 'the edit form'));
    await edit.element.updateComplete;
    await edit.fill(edit.textarea, 'Zweite Fassung.');
    await edit.send();
    await until(() => view.paragraphs(view.comment(`#${id}`)).join() === 'Zweite Fassung.', 'the edit');
    // The server's window closes (the widget's clock does not know yet): the refusal is said, the text kept.
    await setWindows({edit: 1}, thread);
    article = view.comment(`#${id}`);
    article.querySelector<HTMLButtonElement>('[data-action="edit"]')!.click();
    edit = new ComposerHarness(await until(() => view.comment(`#${id}`).querySelector<CommentReply>('comment-reply[edit-id]'), 'the edit form'));
    await edit.element.updateComplete;
    await edit.fill(edit.textarea, 'Dritte Fassung.');
    await edit.send();
    expect(edit.root.querySelector('[part~="expired"]')!.textContent).to.include('Die Zeit zum Bearbeiten ist abgelaufen.');
    expect(edit.textarea.value).to.equal('Dritte Fassung.');
    edit.root.querySelector<HTMLButtonElement>('[part~="cancel-button"]')!.click();
    await until(() => !view.comment(`#${id}`).querySelector('comment-reply'), 'the edit form to close');
    // Deleting, and undoing it.
    view.comment(`#${id}`).querySelector<HTMLButtonElement>('[data-action="delete"]')!.click();
    (await until(() => view.comment(`#${id}`).querySelector<HTMLButtonElement>('[data-action="delete-confirm"]'), 'the question')).click();
    // (The live echo of the deletion may show the button before the answer has come: disabled until then.)
    const undo = await until(() => view.comment(`#${id}`).querySelector<HTMLButtonElement>('[data-action="undo-delete"]:not([disabled])'), '"Rückgängig"');
    expect(view.comment(`#${id}`).querySelector('[part~="placeholder"]')!.textContent).to.equal('Dieser Kommentar wurde gelöscht.');
    undo.click();
    await until(() => view.paragraphs(view.comment(`#${id}`)).join() === 'Zweite Fassung.', 'the text back', 10_000).catch((error: Error) => {
      throw new Error(`${error.message}; the comment says: ${view.comment(`#${id}`).querySelector('[part~="own-message"]')?.textContent}`);
    });
  });

  it('reply notifications go to the account\u2019s address, not for one\u2019s own replies, and stop and start again from the widget', async () => {
    const thread = freshThread('rest-notify');
    const token = {current: await signIn({id: 'u-lea', name: 'Lea M.', email: 'lea@example.com'}) as string | null};
    const view = await renderSignedIn(thread, token);
    const form = await composer(view);
    form.root.querySelector<HTMLInputElement>('input[name="notify"]')!.click();
    await form.element.updateComplete;
    expect(form.root.querySelector('[part~="notify-address"]')!.textContent).to.include('lea@example.com');
    await form.fill(form.textarea, 'Sagt mir, wenn jemand antwortet.');
    await form.send();
    const article = await until(() => view.comments().find((a) => view.author(a) === 'Lea M.'), 'the comment');
    const id = article.id.slice('comment-'.length);
    // Someone else answers (another session): one mail to Lea.
    const other = await restAdapter({headers: {Authorization: `Bearer ${await signIn({id: 'u-tom', name: 'Tom'})}`}});
    await other.post({thread, parentId: id, author: {name: ''}, body: 'Ich antworte.', quote: null, idempotencyKey: `k-${thread}-1`});
    const mail = await outbox(thread);
    expect(mail.map((each) => each.to)).to.deep.equal(['lea@example.com']);
    view.comment(`#${id}`).querySelector<HTMLButtonElement>('[data-action="notify-off"]')!.click();
    await until(() => view.comment(`#${id}`).querySelector('[part~="own-message"]')?.textContent === 'Sie erhalten zu diesem Kommentar keine E-Mails mehr.', 'stopped');
    await other.post({thread, parentId: id, author: {name: ''}, body: 'Noch einmal.', quote: null, idempotencyKey: `k-${thread}-2`});
    expect(await outbox(thread)).to.have.length(1);
    // And on again, to the account's address.
    (await until(() => view.comment(`#${id}`).querySelector<HTMLButtonElement>('[data-action="notify-on"]:not([disabled])'), '"Bei Antworten per E-Mail benachrichtigen"')).click();
    await until(() => view.comment(`#${id}`).querySelector('[part~="own-message"]')?.textContent === 'Sie erhalten zu diesem Kommentar E-Mails, wenn jemand antwortet.', 'on again');
    await other.post({thread, parentId: id, author: {name: ''}, body: 'Und noch einmal.', quote: null, idempotencyKey: `k-${thread}-3`});
    expect((await outbox(thread)).map((each) => each.to)).to.deep.equal(['lea@example.com', 'lea@example.com']);
  });
});
