// Signed-in readers on the reference server (docs/rest-api.md, "Signed-in
// readers" and "Own comments"), over real HTTP: sessions by cookie and by
// bearer token, discussions only for signed-in readers, editing, deleting
// and restoring one's own comments, reply notifications, the demo's login
// page. `node --test tests/server/`.
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {after, before, describe, it} from 'node:test';
import {closeServer, createCommentServer} from '../../server/reference-server.mjs';
import {listen} from '../../scripts/serve.mjs';

let server;
let base;
before(async () => {
  server = createCommentServer({control: true, editWindow: 60_000, undoWindow: 60_000});
  base = await listen(server);
});
after(() => closeServer(server));

const thread = () => `t-${randomUUID().slice(0, 8)}`;
const path = (t, rest = '') => `${base}/api/threads/${encodeURIComponent(t)}/comments${rest}`;

async function control(name, body = {}) {
  const response = await fetch(`${base}/__control/${name}`, {method: 'POST', body: JSON.stringify(body)});
  assert.equal(response.status, 200, `/__control/${name}`);
  return response.json();
}

const signIn = async (viewer) => (await control('session', {viewer})).token;
const bearer = (token) => (token ? {Authorization: `Bearer ${token}`} : {});

/** A JSON request; `token` signs it in by bearer token. */
async function call(method, url, {token, body, headers = {}} = {}) {
  const response = await fetch(url, {
    method,
    headers: {...bearer(token), ...(body === undefined ? {} : {'Content-Type': 'application/json'}), ...headers},
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: 'manual',
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {status: response.status, headers: response.headers, json, text};
}

const post = (t, body, token, key = randomUUID()) =>
  call('POST', path(t), {token, body: {parentId: null, author: {name: 'Gast'}, quote: null, ...body}, headers: {'Idempotency-Key': key}});
const list = async (t, token, headers) => (await call('GET', path(t, '?sort=oldest'), {token, headers})).json;
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sessions', () => {
  it('identifies the viewer by cookie and by bearer token; none without', async () => {
    const viewer = {id: 'u-julia', name: 'Julia W.', email: 'julia@example.com'};
    const token = await signIn(viewer);
    const byBearer = await call('GET', `${base}/api/session`, {token});
    assert.deepEqual(byBearer.json, {viewer: {...viewer, role: 'reader'}});
    assert.match(byBearer.headers.get('vary'), /Cookie/);
    assert.match(byBearer.headers.get('vary'), /Authorization/);
    const byCookie = await call('GET', `${base}/api/session`, {headers: {Cookie: `other=1; ac_session=${token}`}});
    assert.equal(byCookie.json.viewer.id, 'u-julia');
    assert.deepEqual((await call('GET', `${base}/api/session`)).json, {viewer: null});
    assert.deepEqual((await call('GET', `${base}/api/session`, {token: 'unknown'})).json, {viewer: null});

    const t = thread();
    assert.equal((await list(t, token)).viewer.id, 'u-julia');
    assert.equal((await list(t)).viewer, null);
    const changes = await call('GET', `${base}/api/threads/${t}/changes?since=0`, {headers: {Cookie: `ac_session=${token}`}});
    assert.equal(changes.json.viewer.name, 'Julia W.');

    await control('logout', {token});
    assert.deepEqual((await call('GET', `${base}/api/session`, {token})).json, {viewer: null});
  });

  it('prefers whichever token is a live session: a stale cookie does not hide a valid bearer token', async () => {
    const token = await signIn({id: 'u-fresh', name: 'Frisch'});
    const stale = await signIn({id: 'u-stale', name: 'Alt'});
    await control('logout', {token: stale});
    const both = await call('GET', `${base}/api/session`, {token, headers: {Cookie: `ac_session=${stale}`}});
    assert.equal(both.json.viewer.id, 'u-fresh');
    const staleBearer = await call('GET', `${base}/api/session`, {token: stale, headers: {Cookie: `ac_session=${token}`}});
    assert.equal(staleBearer.json.viewer.id, 'u-fresh');
    const other = await signIn({id: 'u-other-cookie', name: 'Keks'});
    assert.equal((await call('GET', `${base}/api/session`, {token, headers: {Cookie: `ac_session=${other}`}})).json.viewer.id, 'u-fresh');
    assert.equal((await call('GET', `${base}/api/session`, {headers: {Cookie: 'ac_session=%E0%A4%A'}})).json.viewer, null);
  });

  it('puts the viewer into the ETag of the list', async () => {
    const t = thread();
    const a = await signIn({id: 'u-a', name: 'A'});
    const first = await call('GET', path(t), {token: a});
    const etag = first.headers.get('etag');
    assert.equal((await call('GET', path(t), {token: a, headers: {'If-None-Match': etag}})).status, 304);
    const anonymous = await call('GET', path(t), {headers: {'If-None-Match': etag}});
    assert.equal(anonymous.status, 200);
    assert.equal(anonymous.json.viewer, null);
  });

  it('allows PATCH and DELETE in preflights', async () => {
    const response = await fetch(path('x', '/c1'), {method: 'OPTIONS', headers: {Origin: 'https://news.example', 'Access-Control-Request-Method': 'PATCH'}});
    assert.equal(response.status, 204);
    assert.match(response.headers.get('access-control-allow-methods'), /PATCH/);
    assert.match(response.headers.get('access-control-allow-methods'), /DELETE/);
  });
});

describe('posting signed in', () => {
  it('loginRequired: 401 login-required without a session, 201 with one', async () => {
    const t = thread();
    await control('discussion', {thread: t, loginRequired: true});
    assert.equal((await list(t)).discussion.loginRequired, true);
    const refused = await post(t, {body: 'Hallo'});
    assert.equal(refused.status, 401);
    assert.equal(refused.json.error.code, 'login-required');
    const token = await signIn({id: 'u-lea', name: 'Lea'});
    const stored = await post(t, {body: 'Hallo'}, token);
    assert.equal(stored.status, 201);
    // Reopening keeps it; lifting it is explicit.
    await control('discussion', {thread: t, closed: false});
    assert.equal((await list(t)).discussion.loginRequired, true);
    await control('discussion', {thread: t, loginRequired: false});
    assert.equal((await list(t)).discussion.loginRequired, undefined);
    assert.equal((await post(t, {body: 'Jetzt ohne'})).status, 201);
  });

  it('takes the author from the session, never from the body', async () => {
    const t = thread();
    const token = await signIn({id: 'u-red', name: 'Die Redaktion', role: 'staff'});
    const stored = await post(t, {author: {name: 'Jemand anderes'}, body: 'Text'}, token);
    assert.equal(stored.status, 201);
    assert.deepEqual(stored.json.comment.author, {name: 'Die Redaktion', role: 'staff', id: 'u-red'});
    const noName = await post(t, {author: {name: ''}, body: 'Ohne Namen im Formular'}, token);
    assert.equal(noName.status, 201);
    const [seen] = (await list(t)).comments;
    assert.deepEqual(seen.author, {name: 'Die Redaktion', role: 'staff', id: 'u-red'});
    // Anonymous posts still need a name.
    assert.equal((await post(t, {author: {name: ' '}, body: 'x'})).json.error.fields.name, 'Bitte geben Sie einen Namen an.');
  });

  it('sends editableUntil (and notify) to the author only', async () => {
    const t = thread();
    const token = await signIn({id: 'u-own', name: 'Eigen'});
    const other = await signIn({id: 'u-other', name: 'Andere'});
    const {comment} = (await post(t, {body: 'Meiner'}, token)).json;
    assert.equal(comment.editableUntil, new Date(Date.parse(comment.createdAt) + 60_000).toISOString());
    const mine = (await list(t, token)).comments[0];
    assert.equal(mine.editableUntil, comment.editableUntil);
    assert.equal(mine.notify, false);
    for (const seen of [(await list(t, other)).comments[0], (await list(t)).comments[0]]) {
      assert.equal(seen.editableUntil, undefined);
      assert.equal(seen.restorableUntil, undefined);
      assert.equal(seen.notify, undefined);
    }
    const located = await call('GET', path(t, `/${comment.id}`), {token: other});
    assert.equal(located.json.comments[0].editableUntil, undefined);
  });
});

describe('editing', () => {
  it('changes the author’s text: editedAt set, live to others, repeat answered with the first answer', async () => {
    const t = thread();
    const token = await signIn({id: 'u-e1', name: 'Editor'});
    const {comment} = (await post(t, {body: 'Tippfeher'}, token)).json;
    const since = (await list(t)).changeToken;
    const key = randomUUID();
    const edited = await call('PATCH', path(t, `/${comment.id}`), {token, body: {body: '  Tippfehler  '}, headers: {'Idempotency-Key': key}});
    assert.equal(edited.status, 200);
    assert.equal(edited.json.comment.body, 'Tippfehler');
    assert.ok(Date.parse(edited.json.comment.editedAt) >= Date.parse(comment.createdAt));
    assert.equal(edited.json.comment.editableUntil, comment.editableUntil);
    const changes = (await call('GET', `${base}/api/threads/${t}/changes?since=${since}`)).json;
    assert.deepEqual(changes.comments.map((c) => [c.id, c.body, c.editableUntil]), [[comment.id, 'Tippfehler', undefined]]);
    // The same key again, after the window has passed: the first answer.
    await control('windows', {thread: t, edit: 1});
    const again = await call('PATCH', path(t, `/${comment.id}`), {token, body: {body: 'Ganz anders'}, headers: {'Idempotency-Key': key}});
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.json, edited.json);
    assert.equal((await list(t)).comments[0].body, 'Tippfehler');
  });

  it('refuses others (403), no session (401), a passed window (403 edit-window-closed), bad text (422), unknown (404)', async () => {
    const t = thread();
    const token = await signIn({id: 'u-e2', name: 'Autorin'});
    const other = await signIn({id: 'u-e3', name: 'Fremd'});
    const {comment} = (await post(t, {body: 'Original'}, token)).json;
    const patch = (tok, body, id = comment.id) => call('PATCH', path(t, `/${id}`), {token: tok, body: {body}, headers: {'Idempotency-Key': randomUUID()}});
    const anonymous = await patch(undefined, 'x');
    assert.deepEqual([anonymous.status, anonymous.json.error.code], [401, 'login-required']);
    const foreign = await patch(other, 'x');
    assert.deepEqual([foreign.status, foreign.json.error.code], [403, 'forbidden']);
    assert.deepEqual((await patch(token, '   ')).json.error.fields, {body: 'Bitte schreiben Sie einen Kommentar.'});
    assert.equal((await patch(token, '   ')).status, 422);
    const long = await patch(token, 'x'.repeat(2001));
    assert.equal(long.json.error.fields.body, 'Ihr Kommentar ist 2.001 Zeichen lang – erlaubt sind höchstens 2.000.');
    assert.equal((await patch(token, 'x', 'nope')).status, 404);
    await control('windows', {thread: t, edit: 30});
    await wait(60);
    const late = await patch(token, 'Zu spät');
    assert.deepEqual([late.status, late.json.error.code], [403, 'edit-window-closed']);
    assert.equal((await list(t)).comments[0].body, 'Original');
  });
});

describe('deleting', () => {
  it('deletes (replies stay, others see neither text nor name), is idempotent, and restores within the undo window', async () => {
    const t = thread();
    const token = await signIn({id: 'u-d1', name: 'Löscherin'});
    const other = await signIn({id: 'u-d2', name: 'Antworter'});
    const {comment} = (await post(t, {body: 'Bald weg', quote: {text: 'Zitat', source: 'article'}}, token)).json;
    const reply = (await post(t, {parentId: comment.id, body: 'Antwort bleibt'}, other)).json.comment;
    const deleted = await call('DELETE', path(t, `/${comment.id}`), {token});
    assert.equal(deleted.status, 200);
    assert.equal(deleted.json.comment.status, 'deleted');
    const until = Date.parse(deleted.json.comment.restorableUntil);
    assert.ok(until > Date.now() + 50_000 && until <= Date.now() + 60_000);
    assert.equal(deleted.json.comment.editableUntil, undefined);
    const again = await call('DELETE', path(t, `/${comment.id}`), {token});
    assert.deepEqual(again.json.comment.restorableUntil, deleted.json.comment.restorableUntil);

    for (const seen of [await list(t, other), await list(t)]) {
      const [gone, kept] = seen.comments;
      assert.deepEqual([gone.id, gone.status, gone.body, gone.author.name, gone.quote], [comment.id, 'deleted', '', '', null]);
      assert.equal(gone.restorableUntil, undefined);
      assert.equal(JSON.stringify(gone).includes('Bald weg'), false);
      assert.equal(JSON.stringify(gone).includes('Löscherin'), false);
      assert.deepEqual([kept.id, kept.body], [reply.id, 'Antwort bleibt']);
    }
    assert.equal((await list(t)).total, 1);
    assert.equal((await list(t, token)).comments[0].restorableUntil, deleted.json.comment.restorableUntil);
    // Nobody answers, reports or edits a deleted comment.
    assert.equal((await post(t, {parentId: comment.id, body: 'Noch eine'}, other)).status, 422);
    assert.equal((await call('PATCH', path(t, `/${comment.id}`), {token, body: {body: 'x'}})).status, 404);

    assert.equal((await call('POST', path(t, `/${comment.id}/restore`))).status, 401);
    assert.equal((await call('POST', path(t, `/${comment.id}/restore`), {token: other})).status, 403);
    const restored = await call('POST', path(t, `/${comment.id}/restore`), {token});
    assert.equal(restored.status, 200);
    assert.deepEqual(
      [restored.json.comment.status, restored.json.comment.body, restored.json.comment.editedAt, restored.json.comment.quote],
      ['published', 'Bald weg', null, {text: 'Zitat', source: 'article'}]
    );
    assert.equal(restored.json.comment.restorableUntil, undefined);
    assert.equal((await list(t)).comments[0].body, 'Bald weg');
    assert.equal((await list(t)).comments[0].author.name, 'Löscherin');
    assert.equal((await call('POST', path(t, `/${comment.id}/restore`), {token})).status, 200);
  });

  it('refuses to restore after the undo window (403 undo-window-closed), others (403) and no session (401)', async () => {
    const t = thread();
    const token = await signIn({id: 'u-d3', name: 'Zu spät'});
    const other = await signIn({id: 'u-d4', name: 'Fremd'});
    const {comment} = (await post(t, {body: 'Weg damit'}, token)).json;
    assert.equal((await call('DELETE', path(t, `/${comment.id}`))).status, 401);
    assert.deepEqual((await call('DELETE', path(t, `/${comment.id}`), {token: other})).json.error.code, 'forbidden');
    await control('windows', {thread: t, undo: 20});
    assert.equal((await call('DELETE', path(t, `/${comment.id}`), {token})).status, 200);
    await wait(50);
    const late = await call('POST', path(t, `/${comment.id}/restore`), {token});
    assert.deepEqual([late.status, late.json.error.code], [403, 'undo-window-closed']);
    assert.equal((await list(t)).comments[0].status, 'deleted');
    assert.equal((await call('DELETE', path(t, 'nope'), {token})).status, 404);
  });
});

describe('reply notifications', () => {
  it('refuses an address that is not one (422 fields.email), and a missing own address', async () => {
    const t = thread();
    const bad = await post(t, {body: 'Text', notify: {email: 'keine-adresse'}});
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.json.error.fields, {email: 'Bitte geben Sie eine gültige E-Mail-Adresse an.'});
    const noOwn = await post(t, {body: 'Text', notify: {email: ''}});
    assert.equal(noOwn.json.error.fields.email, 'Bitte geben Sie eine gültige E-Mail-Adresse an.');
    assert.equal((await post(t, {body: 'Text', notify: null})).status, 201);
  });

  it('mails the parent’s author (own address by default), not for self-replies; off by PUT and by the link', async () => {
    const t = thread();
    const julia = await signIn({id: 'u-n1', name: 'Julia W.', email: 'julia@example.com'});
    const max = await signIn({id: 'u-n2', name: 'Max M.'});
    const parent = (await post(t, {body: 'Frage an alle', notify: {email: ''}}, julia)).json.comment;
    assert.equal(parent.notify, true);
    assert.equal(JSON.stringify(parent).includes('julia@example.com'), false);
    assert.equal((await list(t, julia)).comments[0].notify, true);
    assert.equal((await list(t, max)).comments[0].notify, undefined);

    await post(t, {parentId: parent.id, body: 'Selbst geantwortet'}, julia);
    assert.deepEqual((await control('outbox', {thread: t})).mail, []);
    const reply = (await post(t, {parentId: parent.id, body: 'Eine Antwort von Max, die etwas länger ist.'}, max)).json.comment;
    let [mail, ...more] = (await control('outbox', {thread: t})).mail;
    assert.equal(more.length, 0);
    assert.deepEqual([mail.to, mail.thread, mail.commentId, mail.replyId], ['julia@example.com', t, parent.id, reply.id]);
    assert.equal(mail.subject, 'Neue Antwort auf Ihren Kommentar');
    assert.match(mail.text, /Max M\. hat auf Ihren Kommentar geantwortet/);
    assert.match(mail.text, /Eine Antwort von Max/);
    assert.ok(mail.text.includes(`${base}/api/unsubscribe?token=`));

    // Off by PUT: no more mail; only its author may.
    const put = (token, body) => call('PUT', path(t, `/${parent.id}/notifications`), {token, body});
    assert.equal((await put(undefined, {enabled: false})).status, 401);
    assert.equal((await put(max, {enabled: false})).status, 403);
    assert.equal((await put(julia, {enabled: true, email: 'falsch'})).json.error.fields.email, 'Bitte geben Sie eine gültige E-Mail-Adresse an.');
    const off = await put(julia, {enabled: false});
    assert.deepEqual([off.status, off.json.comment.notify], [200, false]);
    await post(t, {parentId: parent.id, body: 'Niemand erfährt es'}, max);
    assert.equal((await control('outbox', {thread: t})).mail.length, 1);

    // On again, to another address; the link in the mail turns it off.
    const on = await put(julia, {enabled: true, email: 'j.w@example.org'});
    assert.equal(on.json.comment.notify, true);
    await post(t, {parentId: parent.id, body: 'Zweite Antwort'});
    [, mail] = (await control('outbox', {thread: t})).mail;
    assert.equal(mail.to, 'j.w@example.org');
    const link = /https?:\/\/\S+unsubscribe\?token=\S+/.exec(mail.text)[0];
    const page = await call('GET', link);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /text\/html/);
    assert.match(page.text, /Benachrichtigungen abbestellt/);
    assert.equal((await list(t, julia)).comments[0].notify, false);
    await post(t, {parentId: parent.id, body: 'Dritte Antwort'}, max);
    assert.equal((await control('outbox', {thread: t})).mail.length, 2);
    assert.equal((await call('GET', `${base}/api/unsubscribe?token=falsch`)).status, 404);
  });

  it('keeps notifications through a deletion and its undo', async () => {
    const t = thread();
    const julia = await signIn({id: 'u-n3', name: 'Julia', email: 'julia@example.com'});
    const parent = (await post(t, {body: 'Weg und wieder da', notify: {email: ''}}, julia)).json.comment;
    const deleted = await call('DELETE', path(t, `/${parent.id}`), {token: julia});
    assert.equal(deleted.json.comment.notify, true);
    const restored = await call('POST', path(t, `/${parent.id}/restore`), {token: julia});
    assert.equal(restored.json.comment.notify, true);
    await post(t, {parentId: parent.id, body: 'Antwort danach'});
    assert.deepEqual((await control('outbox', {thread: t})).mail.map((m) => m.to), ['julia@example.com']);
  });

  it('works for anonymous authors too (not for their own replies)', async () => {
    const t = thread();
    const reader = {'X-Reader-Id': 'browser-1'};
    const parent = (await call('POST', path(t), {body: {parentId: null, author: {name: 'Gast'}, body: 'Anonym', quote: null, notify: {email: 'gast@example.com'}}, headers: {...reader, 'Idempotency-Key': randomUUID()}})).json.comment;
    assert.equal(parent.notify, true);
    assert.equal((await list(t)).comments[0].notify, undefined);
    await call('POST', path(t), {body: {parentId: parent.id, author: {name: 'Gast'}, body: 'Ich selbst', quote: null}, headers: {...reader, 'Idempotency-Key': randomUUID()}});
    assert.equal((await control('outbox', {thread: t})).mail.length, 0);
    await post(t, {parentId: parent.id, body: 'Jemand anderes'});
    assert.deepEqual((await control('outbox', {thread: t})).mail.map((m) => m.to), ['gast@example.com']);
  });
});

describe('cross-site requests', () => {
  it('refuses a body that is not JSON (415), signed in or not', async () => {
    const t = thread();
    const token = await signIn({id: 'u-c0', name: 'Form'});
    for (const headers of [{}, {Cookie: `ac_session=${token}`}]) {
      const response = await fetch(path(t), {method: 'POST', headers: {'Content-Type': 'text/plain', ...headers}, body: JSON.stringify({parentId: null, author: {name: 'X'}, body: 'Formular', quote: null})});
      assert.equal(response.status, 415);
      assert.equal((await response.json()).error.code, 'invalid');
    }
    const form = await fetch(path(t), {method: 'POST', body: new URLSearchParams({body: 'x'})});
    assert.equal(form.status, 415);
    assert.equal((await list(t)).comments.length, 0);
  });

  it('refuses requests signed in by cookie from another origin (403 forbidden); its own origin, bearer tokens and no Origin pass', async () => {
    const t = thread();
    const token = await signIn({id: 'u-c1', name: 'Keks'});
    const cookie = {Cookie: `ac_session=${token}`};
    const evil = {...cookie, Origin: 'https://evil.example'};
    const forged = await call('POST', path(t), {body: {parentId: null, body: 'Gefälscht', quote: null}, headers: evil});
    assert.deepEqual([forged.status, forged.json.error.code], [403, 'forbidden']);
    const own = await call('POST', path(t), {body: {parentId: null, body: 'Echt', quote: null}, headers: {...cookie, Origin: base, 'Idempotency-Key': randomUUID()}});
    assert.equal(own.status, 201);
    const {comment} = own.json;
    assert.equal((await call('PATCH', path(t, `/${comment.id}`), {body: {body: 'x'}, headers: evil})).status, 403);
    assert.equal((await call('PUT', path(t, `/${comment.id}/notifications`), {body: {enabled: false}, headers: evil})).status, 403);
    assert.equal((await call('DELETE', path(t, `/${comment.id}`), {headers: evil})).status, 403);
    assert.equal((await call('DELETE', path(t, `/${comment.id}`), {headers: {...cookie, Origin: base}})).status, 200);
    // Restore has no body: only the Origin check guards it.
    assert.equal((await call('POST', path(t, `/${comment.id}/restore`), {headers: evil})).status, 403);
    assert.equal((await call('POST', path(t, `/${comment.id}/restore`), {headers: {...cookie, Origin: 'null'}})).status, 403);
    assert.equal((await call('POST', path(t, `/${comment.id}/restore`), {headers: {...cookie, Origin: base}})).status, 200);
    assert.equal((await call('PATCH', path(t, `/${comment.id}`), {body: {body: 'Ohne Origin'}, headers: cookie})).status, 200);
    // A bearer token is no ambient credential: any origin may send it.
    assert.equal((await call('PATCH', path(t, `/${comment.id}`), {token, body: {body: 'Per Token'}, headers: {Origin: 'https://evil.example'}})).status, 200);
    // Reading stays open; anonymous requests carry no session to abuse.
    assert.equal((await call('GET', path(t), {headers: evil})).status, 200);
    assert.equal((await call('POST', path(t), {body: {parentId: null, author: {name: 'Gast'}, body: 'Anonym', quote: null}, headers: {Origin: 'https://evil.example', Cookie: 'ac_session=ended'}})).status, 201);
  });

  it('trusts the origins of the cors list', async () => {
    const listed = createCommentServer({control: true, cors: ['https://news.example']});
    const at = await listen(listed);
    try {
      const token = (await (await fetch(`${at}/__control/session`, {method: 'POST', body: JSON.stringify({viewer: {id: 'u-c2', name: 'Liste'}})})).json()).token;
      const send = (origin) =>
        call('POST', `${at}/api/threads/t/comments`, {body: {parentId: null, body: 'Hallo', quote: null}, headers: {Cookie: `ac_session=${token}`, Origin: origin}});
      assert.equal((await send('https://news.example')).status, 201);
      assert.equal((await send(at)).status, 201);
      assert.equal((await send('https://evil.example')).status, 403);
    } finally {
      await closeServer(listed);
    }
  });
});

describe('repeated posts', () => {
  it('answer the author’s copy only to its author', async () => {
    const t = thread();
    const julia = await signIn({id: 'u-r1', name: 'Julia', email: 'julia@example.com'});
    const max = await signIn({id: 'u-r2', name: 'Max'});
    const key = randomUUID();
    const first = await post(t, {body: 'Einmal', notify: {email: ''}}, julia, key);
    assert.equal(first.json.comment.notify, true);
    const again = await post(t, {body: 'Einmal', notify: {email: ''}}, julia, key);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual([again.json.comment.id, again.json.comment.notify, again.json.comment.editableUntil], [first.json.comment.id, true, first.json.comment.editableUntil]);
    for (const token of [max, undefined]) {
      const foreign = await post(t, {body: 'Einmal'}, token, key);
      assert.equal(foreign.status, 200);
      assert.equal(foreign.json.comment.id, first.json.comment.id);
      assert.deepEqual([foreign.json.comment.notify, foreign.json.comment.editableUntil], [undefined, undefined]);
    }
  });

  it('answer notify to an anonymous author with the same X-Reader-Id only', async () => {
    const t = thread();
    const anonymous = (key, reader, notify) =>
      call('POST', path(t), {body: {parentId: null, author: {name: 'Gast'}, body: 'Anonym', quote: null, notify}, headers: {'Idempotency-Key': key, ...(reader ? {'X-Reader-Id': reader} : {})}});
    const withMail = randomUUID();
    assert.equal((await anonymous(withMail, 'browser-a', {email: 'gast@example.com'})).json.comment.notify, true);
    assert.equal((await anonymous(withMail, 'browser-a')).json.comment.notify, true);
    assert.equal((await anonymous(withMail, 'browser-b')).json.comment.notify, undefined);
    assert.equal((await anonymous(withMail)).json.comment.notify, undefined);
    const plain = randomUUID();
    assert.equal((await anonymous(plain, 'browser-a')).json.comment.notify, false);
    assert.equal((await anonymous(plain, 'browser-a')).json.comment.notify, false);
    assert.equal((await anonymous(plain, 'browser-b')).json.comment.notify, undefined);
    const noReader = randomUUID();
    assert.equal((await anonymous(noReader)).json.comment.notify, false);
    assert.equal((await anonymous(noReader)).json.comment.notify, undefined);
  });
});

describe('the demo login page', () => {
  it('shows a German form without scripts or outside resources', async () => {
    const page = await call('GET', `${base}/login?return=${encodeURIComponent('https://news.example/artikel')}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /<html lang="de">/);
    assert.match(page.text, /Anmelden \(Demo\)/);
    assert.match(page.text, /name="name"/);
    assert.match(page.text, /value="https:\/\/news\.example\/artikel"/);
    assert.doesNotMatch(page.text, /<script|<link|<img|style=/i);
  });

  it('signs in with a cookie and redirects only to this site (or an allowed origin)', async () => {
    const login = (form) =>
      fetch(`${base}/login`, {method: 'POST', body: new URLSearchParams(form), redirect: 'manual'});
    const response = await login({name: 'Jörg Weiß', return: `${base}/artikel#kommentare`});
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), `${base}/artikel#kommentare`);
    const cookie = response.headers.get('set-cookie');
    assert.match(cookie, /^ac_session=[^;]+; HttpOnly; SameSite=Lax; Path=\//);
    const session = await call('GET', `${base}/api/session`, {headers: {Cookie: cookie.split(';')[0]}});
    assert.deepEqual(session.json.viewer, {id: 'u-joerg-weiss', name: 'Jörg Weiß', role: 'reader'});

    const relative = await login({name: 'Eva', return: '/artikel?x=1#kommentare'});
    assert.equal(relative.headers.get('location'), `${base}/artikel?x=1#kommentare`);
    const evils = ['https://evil.example/', 'http://127.0.0.1:9/artikel', 'javascript:alert(1)', '//evil.example/', '/\\evil.example/', 'data:text/html,x', 'artikel', ''];
    for (const evil of evils) {
      const redirected = await login({name: 'Eva', return: evil});
      assert.equal(redirected.status, 303, evil);
      assert.equal(redirected.headers.get('location'), '/', evil);
    }
    const empty = await login({name: '  ', return: 'https://news.example/'});
    assert.equal(empty.status, 422);
    assert.match(await empty.text(), /Bitte geben Sie einen Namen an\./);

    const logout = await fetch(`${base}/logout?return=${encodeURIComponent('javascript:alert(1)')}`, {headers: {Cookie: cookie.split(';')[0]}, redirect: 'manual'});
    assert.equal(logout.status, 303);
    assert.equal(logout.headers.get('location'), '/');
    assert.match(logout.headers.get('set-cookie'), /^ac_session=; .*Max-Age=0/);
    assert.equal((await call('GET', `${base}/api/session`, {headers: {Cookie: cookie.split(';')[0]}})).json.viewer, null);
  });

  it('logs out to this site only, never to another', async () => {
    const logout = async (to) =>
      (await fetch(`${base}/logout?return=${encodeURIComponent(to)}`, {redirect: 'manual'})).headers.get('location');
    assert.equal(await logout('https://evil.example/'), '/');
    assert.equal(await logout('//evil.example/'), '/');
    assert.equal(await logout('javascript:alert(1)'), '/');
    assert.equal(await logout(`${base}/demo/`), `${base}/demo/`);
    assert.equal(await logout('/demo/?backend=rest'), `${base}/demo/?backend=rest`);
    const page = await call('GET', `${base}/login?return=${encodeURIComponent('https://evil.example/')}`);
    assert.match(page.text, /<a href="\/">Zurück, ohne anzumelden/);
  });

  it('returns to an origin of the cors list too', async () => {
    const listed = createCommentServer({cors: ['https://news.example']});
    const at = await listen(listed);
    try {
      const logout = async (to) => (await fetch(`${at}/logout?return=${encodeURIComponent(to)}`, {redirect: 'manual'})).headers.get('location');
      assert.equal(await logout('https://news.example/artikel#kommentare'), 'https://news.example/artikel#kommentare');
      assert.equal(await logout('https://evil.example/'), '/');
      assert.equal(await logout(`${at}/x`), `${at}/x`);
    } finally {
      await closeServer(listed);
    }
  });
});

describe('live', () => {
  it('sends each stream its viewer’s copy: the author gets editableUntil, others a deleted comment without text', async () => {
    const t = thread();
    const token = await signIn({id: 'u-l1', name: 'Live'});
    const streams = [token, undefined].map((tok) => {
      const controller = new AbortController();
      const events = [];
      const ready = fetch(`${base}/api/threads/${t}/events`, {headers: bearer(tok), signal: controller.signal}).then(async (response) => {
        const decoder = new TextDecoder();
        try {
          for await (const chunk of response.body) {
            for (const match of decoder.decode(chunk, {stream: true}).matchAll(/event: comment\ndata: (.*)\n/g)) events.push(JSON.parse(match[1]));
          }
        } catch {
          // aborted
        }
      });
      return {controller, events, ready};
    });
    await wait(100);
    const {comment} = (await post(t, {body: 'Live-Text'}, token)).json;
    await call('DELETE', path(t, `/${comment.id}`), {token});
    await wait(150);
    const [mine, theirs] = streams.map((s) => s.events);
    assert.equal(mine.length, 2);
    assert.equal(mine[0].editableUntil, comment.editableUntil);
    assert.ok(mine[1].restorableUntil);
    assert.equal(theirs.length, 2);
    assert.equal(theirs[0].editableUntil, undefined);
    assert.deepEqual([theirs[1].status, theirs[1].body, theirs[1].author.name, theirs[1].restorableUntil], ['deleted', '', '', undefined]);
    for (const s of streams) s.controller.abort();
  });
});
