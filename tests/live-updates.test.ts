import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import type {LiveUpdate} from '../src/adapters/adapter.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import {RestAdapter} from '../src/adapters/rest-adapter.js';
import {freshThread, record, renderDiscussion, until, setVisibility} from './harness.js';

async function server() {
  const {url} = (await executeServerCommand('rest-server')) as {url: string};
  return {
    api: `${url}/api`,
    seed: (thread: string, comments: unknown[]) =>
      fetch(`${url}/__control/seed`, {method: 'POST', body: JSON.stringify({thread, comments})}),
    requests: async (thread: string, part: string) =>
      ((await (await fetch(`${url}/__control/log`, {method: 'POST'})).json()) as {requests: {path: string}[]}).requests.filter(
        (r) => r.path.includes(thread) && r.path.includes(part)
      ).length,
  };
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();


describe('live updates', () => {
  afterEach(() => {
    delete (document as {visibilityState?: unknown}).visibilityState;
  });

  it('arrive through the event stream without moving the reader’s form or taking focus', async () => {
    const thread = freshThread('live');
    const {api, seed} = await server();
    await seed(thread, [
      record({id: `${thread}-a`, author: {name: 'Oben'}, createdAt: minutesAgo(5)}),
      record({id: `${thread}-b`, author: {name: 'Unten'}, createdAt: minutesAgo(10)}),
    ]);
    const view = await renderDiscussion(null, {thread, adapter: new RestAdapter({baseUrl: api})});
    const form = await view.openReply(view.comment('Oben'));
    await form.write('Ich schreibe gerade …');
    form.textarea.focus();
    const top = form.element.getBoundingClientRect().top;
    await new Promise((resolve) => setTimeout(resolve, 200)); // the stream is open

    await seed(thread, [
      record({id: `${thread}-new`, author: {name: 'Neu oben'}, createdAt: new Date().toISOString()}),
      record({id: `${thread}-reply`, parentId: `${thread}-b`, author: {name: 'Antwort unten'}, createdAt: new Date().toISOString()}),
    ]);
    await until(() => view.comments().some((c) => view.author(c) === 'Antwort unten'), 'the live reply');
    const button = await until(() => view.root.querySelector<HTMLButtonElement>('[part~="show-new"]'), 'the button');
    expect(button.textContent!.trim()).to.equal('1\u00a0neuen Kommentar anzeigen');
    // The new top-level comment waits behind the button; the reply is in place.
    expect(view.comments().map((c) => view.author(c))).to.deep.equal(['Oben', 'Unten', 'Antwort unten']);
    expect(view.author(view.parentOf(view.comment('Antwort unten'))!)).to.equal('Unten');
    // The reader's form did not move, kept its text and the focus.
    expect(form.element.getBoundingClientRect().top).to.equal(top);
    expect(form.root.activeElement).to.equal(form.textarea);
    expect(form.textarea.value).to.equal('Ich schreibe gerade …');
    await until(() => /neuer Kommentar|Neue Antwort/.test(view.announcement()), 'the announcement');

    button.click();
    await until(() => view.author(view.comments()[0]) === 'Neu oben', 'the new comment on top');
    expect(view.root.querySelector('[part~="show-new"]')).to.equal(null);
    await until(() => view.focused() === view.comment('Neu oben'), 'focus on the shown comment');
  });

  it('fall back to polling the changes, paused while the tab is hidden', async () => {
    const thread = freshThread('poll');
    const {api, seed, requests} = await server();
    await seed(thread, [record({id: `${thread}-a`, author: {name: 'Erste'}, createdAt: minutesAgo(3)})]);
    const view = await renderDiscussion(null, {thread, adapter: new RestAdapter({baseUrl: api, live: 'poll', pollInterval: 100})});
    await seed(thread, [record({id: `${thread}-r`, parentId: `${thread}-a`, author: {name: 'Gepollt'}, createdAt: new Date().toISOString()})]);
    await until(() => view.comments().some((c) => view.author(c) === 'Gepollt'), 'the polled reply');

    setVisibility('hidden');
    await new Promise((resolve) => setTimeout(resolve, 150));
    const hiddenStart = await requests(thread, '/changes');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await requests(thread, '/changes')).to.equal(hiddenStart);

    await seed(thread, [record({id: `${thread}-late`, parentId: `${thread}-a`, author: {name: 'Später'}, createdAt: new Date().toISOString()})]);
    setVisibility('visible');
    await until(() => view.comments().some((c) => view.author(c) === 'Später'), 'catching up once visible');
  });

  it('show the reader’s own post once, even when its echo comes first', async () => {
    const thread = freshThread('echo');
    const {api} = await server();
    const view = await renderDiscussion(null, {thread, adapter: new RestAdapter({baseUrl: api})});
    await new Promise((resolve) => setTimeout(resolve, 200));
    const form = await view.composer();
    await form.write('Mein eigener', 'Selbst');
    await form.send();
    await until(() => view.comments().length === 1, 'the own comment');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(view.comments()).to.have.length(1);
    expect(view.root.querySelector('[part~="show-new"]')).to.equal(null);
    expect(view.announcement()).to.equal('Ihr Kommentar wurde veröffentlicht.');
  });

  it('do not take a change to an old comment on an unloaded page for a new one', async () => {
    const thread = freshThread('changed');
    let push: ((update: LiveUpdate) => void) | undefined;
    class Pushing extends MemoryAdapter {
      override subscribe(subscribed: string, onUpdate: (update: LiveUpdate) => void) {
        push = onUpdate;
        return super.subscribe(subscribed, onUpdate);
      }
    }
    const view = await renderDiscussion(null, {thread, adapter: new Pushing({[thread]: [record({id: 'a', author: {name: 'Da'}})]})});
    push!({type: 'changed', comment: record({id: 'elsewhere', author: {name: 'Alt'}, createdAt: '2026-01-01T10:00:00Z', status: 'removed'})});
    push!({type: 'changed', comment: record({id: 'fresh', author: {name: 'Neu'}, createdAt: new Date().toISOString()})});
    await until(() => view.root.querySelector('[part~="show-new"]'), 'the button for the new comment');
    expect(view.root.querySelector('[part~="show-new"]')!.textContent!.trim()).to.equal('1\u00a0neuen Kommentar anzeigen');
  });

  it('start the event stream where the list answer ended, so nothing posted in between is missed', async () => {
    const thread = freshThread('resume');
    const {api} = await server();
    const {url} = (await executeServerCommand('rest-server')) as {url: string};
    await renderDiscussion(null, {thread, adapter: new RestAdapter({baseUrl: api})});
    const log = async () =>
      ((await (await fetch(`${url}/__control/log`, {method: 'POST'})).json()) as {requests: {path: string; headers: Record<string, string>}[]}).requests;
    let stream: {headers: Record<string, string>} | undefined;
    for (let i = 0; i < 50 && !stream; i++) {
      stream = (await log()).find((r) => r.path.includes(thread) && r.path.endsWith('/events'));
      if (!stream) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(stream!.headers['last-event-id']).to.match(/^\d+$/);
  });
});
