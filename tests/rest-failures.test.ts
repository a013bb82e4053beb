import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {RestAdapter} from '../src/adapters/rest-adapter.js';
import {freshThread, mount, record, renderDiscussion, until, type DiscussionHarness} from './harness.js';

/** The reference server the test run started, and its test-only controls. */
async function server() {
  const {url} = (await executeServerCommand('rest-server')) as {url: string};
  const control = (path: string, body: unknown = {}) =>
    fetch(`${url}/__control/${path}`, {method: 'POST', body: JSON.stringify(body)}).then((r) => r.json());
  const count = async (thread: string) =>
    ((await (await fetch(`${url}/__control/count?thread=${encodeURIComponent(thread)}`)).json()) as {count: number}).count;
  const log = async () => ((await (await fetch(`${url}/__control/log`, {method: 'POST'})).json()) as {requests: {method: string; path: string; headers: Record<string, string>}[]}).requests;
  return {api: `${url}/api`, control, count, log};
}

/**
 * Queues `times` failures for the comment requests (listing, posting) of one
 * thread only: tests run side by side, and the event stream and change feed
 * of the same thread must not use up the failures.
 */
async function failNext(thread: string, failure: Record<string, unknown>, times = 1) {
  const {control} = await server();
  await control('fail', {path: `/threads/${encodeURIComponent(thread)}/comments`, count: times, ...failure});
}

async function renderRest(thread: string, options: ConstructorParameters<typeof RestAdapter>[0] extends infer O ? Partial<O> : never = {}) {
  const {api} = await server();
  const adapter = new RestAdapter({baseUrl: api, retryDelay: 20, timeout: 1500, pollInterval: 0, ...options});
  return renderDiscussion(null, {thread, adapter});
}

async function seed(thread: string, count = 2) {
  const {control} = await server();
  const comments = Array.from({length: count}, (_, i) =>
    record({id: `${thread}-${i}`, author: {name: `Leser ${i}`}, createdAt: new Date(Date.now() - (i + 1) * 60_000).toISOString()})
  );
  await control('seed', {thread, comments});
}

async function writeAndSend(view: DiscussionHarness, text: string, name = 'Rita REST') {
  const form = await view.composer();
  await form.write(text, name);
  await form.send();
  return form;
}

describe('the REST backend, and every failure a network can produce', () => {
  it('loads and posts through the documented contract, across origins', async () => {
    const thread = freshThread('rest');
    await seed(thread, 3);
    const view = await renderRest(thread);
    expect(view.heading()).to.equal('3\u00a0Kommentare');
    await writeAndSend(view, 'Über REST gesendet.');
    await until(() => view.comments().some((c) => view.author(c) === 'Rita REST'), 'the posted comment');
    expect(await (await server()).count(thread)).to.equal(4);
  });

  it('retries a 500 or 503 on load by itself, and shows "Erneut versuchen" when it keeps failing', async () => {
    const thread = freshThread('rest');
    await seed(thread);
    await failNext(thread, {status: 503, method: 'GET'}, 2);
    let view = await renderRest(thread);
    expect(view.comments()).to.have.length(2);

    await failNext(thread, {status: 500, method: 'GET'}, 3);
    view.element.remove();
    view = await renderRest(thread);
    const alert = view.root.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Auf dem Server ist ein Fehler aufgetreten.');
    alert.querySelector('button')!.click();
    await until(() => view.comments().length === 2, 'the comments after "Erneut versuchen"');
  });

  it('gives up on a hanging server after the timeout and says so', async () => {
    const thread = freshThread('rest');
    await failNext(thread, {mode: 'hang', method: 'GET'}, 3);
    const view = await renderRest(thread, {timeout: 150, retries: 1});
    await until(() => view.root.querySelector('[role="alert"]'), 'the error');
    expect(view.root.querySelector('[role="alert"]')!.textContent).to.contain('Der Server hat nicht rechtzeitig geantwortet. Bitte versuchen Sie es gleich noch einmal.');
  });

  it('times out when the answer starts but its body never ends', async () => {
    const thread = freshThread('rest');
    await failNext(thread, {mode: 'stall', method: 'GET'}, 2);
    const view = await renderRest(thread, {timeout: 200, retries: 1});
    await until(() => view.root.querySelector('[role="alert"]'), 'the error');
    expect(view.root.querySelector('[role="alert"]')!.textContent).to.contain('Der Server hat nicht rechtzeitig geantwortet.');
  });

  it('says when a reply’s comment is gone, or the reader is not allowed, and takes a new key after a rejection', async () => {
    const thread = freshThread('rest');
    await seed(thread, 1);
    const {log} = await server();
    const view = await renderRest(thread);
    const reply = await view.openReply(view.comments()[0]);
    await failNext(thread, {status: 422, code: 'invalid', method: 'POST', extra: {fields: {parentId: 'Der Kommentar, auf den Sie antworten, existiert nicht mehr.'}}});
    await reply.write('Zu spät', 'Nachzügler');
    await reply.send();
    expect(reply.errors().join(' ')).to.contain('Der Kommentar, auf den Sie antworten, existiert nicht mehr.');
    await failNext(thread, {status: 403, method: 'POST'});
    await reply.send();
    expect(reply.errors().join(' ')).to.contain('Dafür fehlt Ihnen die Berechtigung.');
    const keys = (await log()).filter((r) => r.method === 'POST' && r.path.includes(thread)).map((r) => r.headers['idempotency-key']);
    // After a definite rejection the next attempt is a new request.
    expect(keys).to.have.length(2);
    expect(keys[0]).not.to.equal(keys[1]);
    // 401: not signed in. Without a login to offer (no login-url), the form says so and keeps "Senden" and the text.
    await failNext(thread, {status: 401, code: 'login-required', method: 'POST'});
    await reply.send();
    expect(reply.errors().join(' ')).to.contain('Bitte melden Sie sich an, um zu kommentieren. Ihr Text bleibt erhalten.');
    expect(reply.sendButton).not.to.equal(null);
    expect(reply.textarea.value).to.equal('Zu spät');
    // With one, the form offers it instead of "Senden".
    view.element.loginUrl = 'https://konto.example.com/anmelden?weiter={return}';
    await view.element.updateComplete;
    await failNext(thread, {status: 401, code: 'login-required', method: 'POST'});
    await reply.send();
    expect(reply.root.querySelector('[part~="login"]')!.textContent).to.contain('Melden Sie sich an, um mitzudiskutieren.');
    expect(reply.sendButton).to.equal(null);
    expect(reply.textarea.value).to.equal('Zu spät');
  });

  it('treats a dropped connection as a network error and keeps the reader’s text', async () => {
    const thread = freshThread('rest');
    await seed(thread, 1);
    const view = await renderRest(thread, {retries: 0});
    await failNext(thread, {mode: 'drop', method: 'POST'});
    const form = await writeAndSend(view, 'Verbindung weg');
    expect(form.errors().join(' ')).to.contain('Keine Verbindung zum Server.');
    expect(form.textarea.value).to.equal('Verbindung weg');
    await form.send();
    await until(() => view.comments().length === 2, 'the comment on the second try');
  });

  it('says the reader is offline without trying the network', async () => {
    const thread = freshThread('rest');
    await seed(thread, 1);
    const view = await renderRest(thread);
    const {log} = await server();
    const before = (await log()).length;
    Object.defineProperty(navigator, 'onLine', {value: false, configurable: true});
    try {
      const form = await writeAndSend(view, 'Im Funkloch');
      expect(form.errors().join(' ')).to.equal('Sie sind offline. Ihr Text bleibt erhalten – senden Sie ihn, sobald die Verbindung wieder besteht.');
      expect(form.textarea.value).to.equal('Im Funkloch');
    } finally {
      delete (navigator as {onLine?: boolean}).onLine;
    }
    const posts = (requests: {method: string; path: string}[]) => requests.filter((r) => r.method === 'POST' && r.path.includes(thread));
    expect(posts(await log())).to.have.length(posts((await log()).slice(0, before)).length);
  });

  it('shows how long to wait on 429 with Retry-After', async () => {
    const thread = freshThread('rest');
    const view = await renderRest(thread);
    await failNext(thread, {status: 429, code: 'rate-limited', headers: {'Retry-After': '120'}, method: 'POST'});
    const form = await writeAndSend(view, 'Zu schnell');
    expect(form.errors().join(' ')).to.contain('Bitte warten Sie 120\u00a0Sekunden.');
    expect(form.textarea.value).to.equal('Zu schnell');
  });

  it('waits out a short Retry-After by itself', async () => {
    const thread = freshThread('rest');
    const view = await renderRest(thread);
    await failNext(thread, {status: 429, code: 'rate-limited', headers: {'Retry-After': '1'}, method: 'POST'});
    await writeAndSend(view, 'Kurz warten');
    await until(() => view.comments().length === 1, 'the comment after the short wait');
  });

  it('puts the server’s German field messages at the fields on 400', async () => {
    const thread = freshThread('rest');
    const view = await renderRest(thread);
    await failNext(thread, {
      status: 400,
      code: 'invalid',
      method: 'POST',
      extra: {fields: {body: 'Links zu Shops sind nicht erlaubt.', name: 'Dieser Name ist reserviert.'}},
    });
    const form = await writeAndSend(view, 'https://shop.example', 'Redaktion');
    expect(form.errors()).to.include.members(['Links zu Shops sind nicht erlaubt.', 'Dieser Name ist reserviert.']);
    expect(form.nameField.getAttribute('aria-invalid')).to.equal('true');
  });

  it('reports a discussion closed by the server', async () => {
    const thread = freshThread('rest');
    const view = await renderRest(thread);
    await failNext(thread, {status: 403, code: 'closed', method: 'POST'});
    const form = await writeAndSend(view, 'Zu spät');
    expect(form.errors().join(' ')).to.contain('Die Kommentarfunktion für diesen Artikel ist geschlossen.');

    const closedThread = freshThread('rest-closed');
    await (await server()).control('seed', {thread: closedThread, comments: [], closed: true});
    const closed = await renderRest(closedThread);
    expect(closed.root.textContent).to.contain('Die Kommentarfunktion für diesen Artikel ist geschlossen.');
    expect(closed.root.querySelector('comment-reply')).to.equal(null);
  });

  it('says the answer was unexpected when it is not the documented JSON, and offers a retry', async () => {
    const thread = freshThread('rest');
    await seed(thread, 1);
    await failNext(thread, {mode: 'garbage', method: 'GET'});
    let view = await renderRest(thread);
    expect(view.root.querySelector('[role="alert"]')!.textContent).to.contain('Der Server hat unerwartet geantwortet.');
    view.root.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    await until(() => view.comments().length === 1, 'the comments after retrying');

    await failNext(thread, {mode: 'wrong-shape', method: 'GET'});
    view.element.remove();
    view = await renderRest(thread);
    expect(view.root.querySelector('[role="alert"]')!.textContent).to.contain('Der Server hat unerwartet geantwortet.');
  });

  it('stores a post once however often it is retried', async () => {
    const thread = freshThread('rest');
    const {count, log} = await server();
    const view = await renderRest(thread, {retries: 0});
    // The server stores the comment and the answer is lost; the reader sends again.
    await failNext(thread, {mode: 'after-store', method: 'POST'});
    const form = await writeAndSend(view, 'Nur einmal, bitte');
    expect(form.errors().join(' ')).to.contain('Keine Verbindung zum Server.');
    await form.send();
    await until(() => view.comments().length === 1, 'the comment');
    expect(await count(thread)).to.equal(1);
    const posts = (await log()).filter((r) => r.method === 'POST' && r.path.includes(thread));
    expect(posts).to.have.length(2);
    expect(posts[0].headers['idempotency-key']).to.be.a('string').and.equal(posts[1].headers['idempotency-key']);

    // The adapter retries a lost answer by itself, with the same key.
    await failNext(thread, {mode: 'after-store', method: 'POST'});
    const auto = new RestAdapter({baseUrl: (await server()).api, retryDelay: 10});
    await auto.post({thread, parentId: null, author: {name: 'Auto'}, body: 'Automatisch wiederholt', quote: null, idempotencyKey: 'auto-1'});
    expect(await count(thread)).to.equal(2);
  });

  it('uses conditional requests where the server offers ETags', async () => {
    const thread = freshThread('rest');
    await seed(thread, 2);
    const {api, log} = await server();
    const adapter = new RestAdapter({baseUrl: api});
    const first = await adapter.load({thread, cursor: null, sort: 'newest', limit: 10});
    const second = await adapter.load({thread, cursor: null, sort: 'newest', limit: 10});
    expect(second.comments).to.deep.equal(first.comments);
    const gets = (await log()).filter((r) => r.method === 'GET' && r.path.includes(thread));
    expect(gets.at(-1)!.headers['if-none-match']).to.match(/^W\/"/);
  });

  it('sends an auth header from a function on every request', async () => {
    const thread = freshThread('rest');
    const {api, log} = await server();
    let token = 'eins';
    const adapter = new RestAdapter({baseUrl: api, headers: () => ({Authorization: `Bearer ${token}`})});
    await adapter.load({thread, cursor: null, sort: 'newest', limit: 10});
    token = 'zwei';
    await adapter.post({thread, parentId: null, author: {name: 'Auth'}, body: 'Mit Token', quote: null, idempotencyKey: `k-${thread}`});
    const requests = (await log()).filter((r) => r.path.includes(thread));
    expect(requests.map((r) => r.headers.authorization)).to.deep.equal(['Bearer eins', 'Bearer zwei']);
  });

  it('is chosen with the src attribute', async () => {
    const thread = freshThread('rest');
    await seed(thread, 2);
    const {api} = await server();
    const element = mount(Object.assign(document.createElement('article-comments'), {thread}));
    element.setAttribute('src', api);
    await until(() => element.shadowRoot?.querySelectorAll('article.comment').length === 2, 'the comments from src');
  });
});
