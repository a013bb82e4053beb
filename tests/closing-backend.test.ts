import {expect} from '@open-wc/testing';
import type {CommentAdapter, DiscussionInfo, LiveUpdate} from '../src/adapters/adapter.js';
import {ClosedError} from '../src/adapters/errors.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import {ManualClock} from '../src/time/clock.js';
import {freshThread, record, until} from './harness.js';
import {referenceServer, restAdapter, seedServer} from './reference-server.js';

const post = (adapter: CommentAdapter, thread: string, body = 'Noch ein Gedanke') =>
  adapter.post({thread, parentId: null, author: {name: 'Spät'}, body, quote: null, idempotencyKey: `${thread}-${body}-${Math.random()}`});
const failure = (promise: Promise<unknown>) => promise.then(() => new Error('expected a failure'), (error: unknown) => error);
const info = async (adapter: CommentAdapter, thread: string) => (await adapter.load({thread, cursor: null, sort: 'newest', limit: 10})).discussion;
const discussionUpdates = (updates: LiveUpdate[]) =>
  updates.flatMap((update) => (update.type === 'discussion' ? [update.discussion] : []));

describe('closing a discussion held in memory', () => {
  it('closes and reopens live: subscribers get the discussion’s facts, posts are refused in between', async () => {
    const adapter = new MemoryAdapter({x: [record({id: 'c1'})]});
    const updates: LiveUpdate[] = [];
    adapter.subscribe('x', (update) => updates.push(update));
    adapter.setDiscussion('x', {closed: true, closedMessage: 'Die Kommentarfunktion ist über Nacht geschlossen.'});
    expect(updates).to.have.length(0);
    await until(() => updates.length === 1, 'the discussion update');
    expect(updates[0]).to.deep.equal({
      type: 'discussion',
      discussion: {closed: true, closedMessage: 'Die Kommentarfunktion ist über Nacht geschlossen.', maxLength: 2000},
    });
    expect(ClosedError.is(await failure(post(adapter, 'x')))).to.equal(true);
    expect(await info(adapter, 'x')).to.include({closed: true, closedMessage: 'Die Kommentarfunktion ist über Nacht geschlossen.'});

    adapter.setDiscussion('x', {closed: false});
    await until(() => updates.length === 2, 'the reopening');
    expect(discussionUpdates(updates)[1]).to.deep.equal({closed: false, maxLength: 2000});
    await post(adapter, 'x');
  });

  it('closes at closesAt by its clock, from the constructor or later', async () => {
    const clock = new ManualClock('2026-11-25T16:00:00Z');
    const closesAt = '2026-11-25T18:00:00Z';
    const adapter = new MemoryAdapter({}, {clock, closing: {x: {closesAt, closedMessage: 'Ab 18 Uhr geschlossen.'}}, closed: ['y']});
    expect(await info(adapter, 'x')).to.deep.equal({closed: false, closedMessage: 'Ab 18 Uhr geschlossen.', closesAt, maxLength: 2000});
    await post(adapter, 'x', 'Kurz vor Schluss');
    clock.set('2026-11-25T18:00:00Z');
    expect(ClosedError.is(await failure(post(adapter, 'x')))).to.equal(true);
    expect(await info(adapter, 'x')).to.include({closed: true, closesAt});
    expect(ClosedError.is(await failure(post(adapter, 'y')))).to.equal(true);

    // Moving the closing time later reopens it.
    adapter.setDiscussion('x', {closesAt: '2026-11-26T18:00:00Z'});
    await post(adapter, 'x', 'Verlängert');
    expect(() => adapter.setDiscussion('x', {closesAt: 'morgen'})).to.throw(RangeError);
  });
});

describe('closing a discussion on the REST server', () => {
  /** The publisher closes, reopens or reschedules (the reference server's test control). */
  const setDiscussion = async (thread: string, discussion: DiscussionInfo) => (await referenceServer()).control('discussion', {thread, ...discussion});

  for (const live of ['auto', 'poll'] as const) {
    it(`tells subscribers live when a discussion closes and reopens (${live === 'auto' ? 'event stream' : 'polling'})`, async () => {
      const thread = freshThread(`closing-${live}`);
      await seedServer(thread, ['c1']);
      const adapter = await restAdapter({live, pollInterval: 100});
      const updates: LiveUpdate[] = [];
      const stop = adapter.subscribe(thread, (update) => updates.push(update));
      try {
        await adapter.load({thread, cursor: null, sort: 'newest', limit: 10});
        await new Promise((resolve) => setTimeout(resolve, 150));
        const closesAt = new Date(Date.now() + 3_600_000).toISOString();
        await setDiscussion(thread, {closed: true, closedMessage: 'Geschlossen wegen zu vieler Beleidigungen.', closesAt});
        await until(() => discussionUpdates(updates).length === 1, 'the closing');
        expect(discussionUpdates(updates)[0]).to.deep.equal({
          closed: true,
          closedMessage: 'Geschlossen wegen zu vieler Beleidigungen.',
          closesAt,
          maxLength: 2000,
          anonymous: false,
        });
        await setDiscussion(thread, {closed: false});
        await until(() => discussionUpdates(updates).length === 2, 'the reopening');
        expect(discussionUpdates(updates)[1]).to.deep.equal({closed: false, maxLength: 2000, anonymous: false});
        expect(updates.filter((update) => update.type !== 'discussion')).to.have.length(0);
      } finally {
        stop();
      }
    });
  }

  it('refuses posts once closed or once closesAt has passed, and says so in the list answer', async () => {
    const thread = freshThread('closing-rest');
    const adapter = await restAdapter();
    // A list answer taken before closing must not be reused (ETag) after.
    expect(await info(adapter, thread)).to.include({closed: false});
    await setDiscussion(thread, {closed: true, closedMessage: 'Heute geschlossen.'});
    expect(ClosedError.is(await failure(post(adapter, thread)))).to.equal(true);
    expect(await info(adapter, thread)).to.deep.equal({closed: true, closedMessage: 'Heute geschlossen.', maxLength: 2000, anonymous: false});

    const closesAt = new Date(Date.now() + 400).toISOString();
    await setDiscussion(thread, {closesAt});
    await post(adapter, thread, 'Gerade noch');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(ClosedError.is(await failure(post(adapter, thread)))).to.equal(true);
    expect(await info(adapter, thread)).to.include({closed: true, closesAt});
  });

  it('misses no closing between the list answer and the event stream', async () => {
    const thread = freshThread('closing-between');
    const adapter = await restAdapter();
    await adapter.load({thread, cursor: null, sort: 'newest', limit: 10});
    await setDiscussion(thread, {closed: true, closedMessage: 'Inzwischen geschlossen.'});
    const updates: LiveUpdate[] = [];
    const stop = adapter.subscribe(thread, (update) => updates.push(update));
    try {
      await until(() => discussionUpdates(updates).length === 1, 'the closing that happened before the stream opened');
      expect(discussionUpdates(updates)[0]).to.include({closed: true, closedMessage: 'Inzwischen geschlossen.'});
    } finally {
      stop();
    }
  });
});
