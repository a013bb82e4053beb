/**
 * The REST and browser-storage adapters load on demand (src/parts.ts): what
 * happens around their arrival. An element removed before its adapter's file
 * arrives starts nothing; settings changed meanwhile win over the late file;
 * a new adapter object for the same thread leaves the reader's open form alone.
 */
import {expect} from '@open-wc/testing';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import type {ArticleComments} from '../src/elements/article-comments/article-comments.js';
import {ManualClock} from '../src/time/clock.js';
import {freshThread, mount, record, renderDiscussion, until} from './harness.js';
import {referenceServer, seedServer} from './reference-server.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

async function requestsFor(thread: string): Promise<number> {
  const {log} = await referenceServer();
  return (await log()).filter((request) => request.path.includes(encodeURIComponent(thread))).length;
}

describe('adapters that arrive later', () => {
  it('an element removed before its REST file arrives asks nothing and polls nothing; added back, it loads', async () => {
    const {api} = await referenceServer();
    const thread = freshThread('removed-early');
    await seedServer(thread, ['a', 'b']);
    const element = document.createElement('article-comments') as ArticleComments;
    Object.assign(element, {thread, src: api, pollInterval: 50});
    mount(element);
    // Gone in the same task: the REST file (an import()) has not arrived yet.
    element.remove();
    await settle();
    expect(await requestsFor(thread)).to.equal(0);

    const rendered = new Promise((resolve) => element.addEventListener('comments-rendered', resolve, {once: true}));
    mount(element);
    await rendered;
    expect(element.shadowRoot!.querySelectorAll('article.comment')).to.have.length(2);
    element.remove();
    // Removed after loading: its polling stops with it.
    const after = await requestsFor(thread);
    await settle();
    expect(await requestsFor(thread)).to.equal(after);
  });

  it('settings changed while the REST file loads win: the late adapter is not used', async () => {
    const {api} = await referenceServer();
    const thread = freshThread('changed-early');
    await seedServer(thread, ['server-only']);
    const element = document.createElement('article-comments') as ArticleComments;
    const script = Object.assign(document.createElement('script'), {type: 'application/json'});
    script.textContent = JSON.stringify([record({id: 'inline-1', author: {name: 'Inline'}})]);
    element.append(script);
    Object.assign(element, {thread, src: api, pollInterval: 0});
    let loads = 0;
    element.addEventListener('comments-loaded', () => loads++);
    mount(element);
    // Before the REST file is in, the page drops `src`: the inline discussion is what stays.
    element.src = '';
    await until(() => element.shadowRoot!.getElementById('comment-inline-1'), 'the inline comment');
    await settle();
    expect(element.shadowRoot!.getElementById('comment-inline-1')).to.exist;
    expect(element.shadowRoot!.getElementById('comment-server-only')).to.equal(null);
    expect(await requestsFor(thread)).to.equal(0);
    // Loaded once: the late REST adapter did not replace the memory one (which would start over,
    // losing what was posted to it).
    expect(loads).to.equal(1);
  });

  it('a new adapter object for the same thread keeps the composer the reader has open, with its text', async () => {
    const clock = new ManualClock('2026-11-25T16:00:00Z');
    const thread = freshThread('same-thread');
    const records = [record({id: 'a', author: {name: 'Anna'}})];
    const view = await renderDiscussion(null, {thread, clock, adapter: new MemoryAdapter({[thread]: records}, {clock})});
    const composer = await view.composer();
    await composer.write('Halb geschrieben, nicht verlieren.');
    // E.g. a framework renders again and hands the element a new adapter for the same backend.
    view.element.adapter = new MemoryAdapter({[thread]: records}, {clock});
    await view.settled();
    await settle();
    const open = view.root.querySelector('comment-reply.composer');
    // The same form, not one built again from the saved draft (focus and the name typed stay).
    expect(open, 'the composer is still there').to.equal(composer.element);
    expect(open!.shadowRoot!.querySelector('textarea')!.value).to.equal('Halb geschrieben, nicht verlieren.');
  });
});
