import {expect} from '@open-wc/testing';
import {NetworkError} from '../src/adapters/errors.js';
import {WalineAdapter, type WalineAdapterOptions} from '../src/adapters/waline-adapter.js';
import type {Comment, SortOrder} from '../src/model/comment.js';
import {parseComments} from '../src/model/parse.js';
import {parseCounts, parseReactionState} from '../src/model/reactions.js';
import {freshThread} from './harness.js';
import {admin, waline, walinePost} from './waline-helpers.js';

/** What Waline itself says about a comment: its likes and sticky, from its own list. */
async function walineComment(path: string, objectId: number): Promise<{like: number; sticky: unknown}> {
  const answer = await fetch(`${await waline()}/api/comment?path=${encodeURIComponent(path)}&page=1&pageSize=100`).then((r) => r.json());
  const all = answer.data.data.flatMap((c: {children: unknown[]}) => [c, ...c.children]);
  return all.find((c: {objectId: number}) => c.objectId === objectId);
}

/** A like from Waline's own client (anonymous: Waline does not know who). */
async function walineLike(objectId: number, like = true): Promise<void> {
  await fetch(`${await waline()}/api/comment/${objectId}`, {method: 'PUT', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({like})});
}

/** What an administrator does in Waline's admin panel: pins a comment ("Sticky"). */
async function stick(objectId: number, sticky: boolean): Promise<void> {
  const answer = await fetch(`${await waline()}/api/comment/${objectId}`, {
    method: 'PUT',
    headers: {'Content-Type': 'application/json', Authorization: `Bearer ${await admin()}`},
    body: JSON.stringify({sticky: sticky ? 1 : 0}),
  }).then((r) => r.json());
  if (answer.errno !== 0) throw new Error(JSON.stringify(answer));
}

async function adapter(options: Partial<WalineAdapterOptions> = {}) {
  return new WalineAdapter({serverURL: await waline(), pollInterval: 0, retryDelay: 10, ...options});
}

async function loadAll(walineAdapter: WalineAdapter, thread: string, sort: SortOrder, limit: number, readerId?: string): Promise<Comment[]> {
  const records: unknown[] = [];
  let cursor: string | null = null;
  do {
    const page = await walineAdapter.load({thread, cursor, sort, limit, readerId});
    records.push(...page.comments);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return parseComments(records).comments;
}

const reader = () => freshThread('leser');

describe('Waline likes as reactions', () => {
  it('map Waline’s like count to reactions, and say `reacted` for this browser’s reader only', async () => {
    const path = `/artikel/${freshThread('waline-likes')}`;
    const {objectId} = await walinePost(path, {nick: 'Tifosi_1947', comment: 'Ferrari bleibt Ferrari.'});
    await walineLike(objectId);
    await walineLike(objectId);
    const lea = reader();
    const walineAdapter = await adapter();
    let [comment] = await loadAll(walineAdapter, path, 'newest', 10, lea);
    expect(comment).to.include({reactions: 2, reacted: false, pinned: false, featured: false});

    const state = parseReactionState(await walineAdapter.react({thread: path, commentId: comment.id, readerId: lea, reacted: true}));
    expect(state).to.deep.equal({reactions: 3, reacted: true});
    expect((await walineComment(path, objectId)).like).to.equal(3);

    // A reload of the page: the like is remembered in this browser, for this reader.
    [comment] = await loadAll(await adapter(), path, 'newest', 10, lea);
    expect(comment).to.include({reactions: 3, reacted: true});
    [comment] = await loadAll(await adapter(), path, 'newest', 10, reader());
    expect(comment).to.include({reactions: 3, reacted: false});

    expect(parseReactionState(await walineAdapter.react({thread: path, commentId: comment.id, readerId: lea, reacted: false}))).to.deep.equal({
      reactions: 2,
      reacted: false,
    });
    expect((await walineComment(path, objectId)).like).to.equal(2);
  });

  it('never count a reader twice: repeats, double clicks and a reload send Waline nothing more', async () => {
    const path = `/artikel/${freshThread('waline-double')}`;
    const {objectId} = await walinePost(path, {nick: 'Eilig', comment: 'Doppelt hält nicht besser.'});
    const puts: string[] = [];
    const counting: typeof fetch = (input, init) => {
      if (init?.method === 'PUT') puts.push(String(input));
      return fetch(input, init);
    };
    const lea = reader();
    const walineAdapter = await adapter({fetch: counting});
    const [comment] = await loadAll(walineAdapter, path, 'newest', 10, lea);
    const request = {thread: path, commentId: comment.id, readerId: lea, reacted: true};
    const answers = await Promise.all([walineAdapter.react(request), walineAdapter.react(request), walineAdapter.react(request)]);
    for (const answer of answers) expect(parseReactionState(answer)).to.deep.equal({reactions: 1, reacted: true});
    await (await adapter({fetch: counting})).react(request);
    expect(puts).to.have.length(1);
    expect((await walineComment(path, objectId)).like).to.equal(1);
  });

  it('look whether a like counted when its answer was lost, and never send it twice', async () => {
    const path = `/artikel/${freshThread('waline-lost')}`;
    const {objectId} = await walinePost(path, {nick: 'Funkloch', comment: 'Antwort verloren.'});
    // Waline stores the like, then the connection breaks before the answer.
    let lose = true;
    const lossy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === 'PUT' && lose) {
        lose = false;
        throw new TypeError('Failed to fetch');
      }
      return response;
    };
    const lea = reader();
    const walineAdapter = await adapter({fetch: lossy});
    const [comment] = await loadAll(walineAdapter, path, 'newest', 10, lea);
    const request = {thread: path, commentId: comment.id, readerId: lea, reacted: true};
    const error = await walineAdapter.react(request).then(() => undefined, (e: unknown) => e);
    expect(NetworkError.is(error)).to.equal(true);
    // The reader clicks again: the adapter saw that the first like counted.
    expect(parseReactionState(await walineAdapter.react(request))).to.deep.equal({reactions: 1, reacted: true});
    expect((await walineComment(path, objectId)).like).to.equal(1);
  });

  it('sort by likes across pages, each comment once', async () => {
    const path = `/artikel/${freshThread('waline-sort')}`;
    const likes = [1, 4, 0, 2, 3];
    for (const [i, count] of likes.entries()) {
      const {objectId} = await walinePost(path, {nick: `Leser ${i}`, comment: `Meinung Nummer ${i}`});
      for (let n = 0; n < count; n++) await walineLike(objectId);
    }
    const comments = await loadAll(await adapter(), path, 'reactions', 2);
    expect(comments.map((c) => c.reactions)).to.deep.equal([4, 3, 2, 1, 0]);
    expect(new Set(comments.map((c) => c.id)).size).to.equal(5);
  });

  it('count many articles in one request, 0 for one without comments', async () => {
    const paths = Array.from({length: 20}, () => `/artikel/${freshThread('waline-count')}`);
    const {objectId} = await walinePost(paths[0], {nick: 'Erste', comment: 'Hallo'});
    await walinePost(paths[0], {nick: 'Zweite', comment: 'Antwort', pid: objectId, rid: objectId});
    await walinePost(paths[5], {nick: 'Dritte', comment: 'Auch hier'});
    const counted: string[] = [];
    const counting: typeof fetch = (input, init) => {
      if (String(input).includes('type=count')) counted.push(String(input));
      return fetch(input, init);
    };
    const walineAdapter = await adapter({fetch: counting});
    expect(walineAdapter.capabilities.counts).to.equal(true);
    const counts = parseCounts(await walineAdapter.counts({threads: paths}), paths);
    expect(counts.get(paths[0])).to.equal(2);
    expect(counts.get(paths[5])).to.equal(1);
    expect(counts.get(paths[19])).to.equal(0);
    expect(counts.size).to.equal(20);
    expect(counted).to.have.length(1);
  });
});

describe('Waline sticky comments as pinned', () => {
  it('map sticky to pinned, first in every order; Waline has no editors’ picks and no question mode', async () => {
    const path = `/artikel/${freshThread('waline-sticky')}`;
    const first = await walinePost(path, {nick: 'Früh', comment: 'Der erste.'});
    await walinePost(path, {nick: 'Mitte', comment: 'Der zweite.'});
    const liked = await walinePost(path, {nick: 'Spät', comment: 'Der dritte.'});
    await walineLike(liked.objectId);
    await stick(first.objectId, true);
    const walineAdapter = await adapter();
    for (const sort of ['newest', 'oldest', 'reactions'] as const) {
      const comments = await loadAll(walineAdapter, path, sort, 10);
      expect(comments[0].author.name, sort).to.equal('Früh');
      expect(comments[0].pinned).to.equal(true);
      expect(comments.slice(1).every((c) => !c.pinned && !c.featured)).to.equal(true);
    }
    const page = await walineAdapter.load({thread: path, cursor: null, sort: 'newest', limit: 10});
    expect(page.discussion?.mode).to.equal(undefined);
    await stick(first.objectId, false);
    expect((await loadAll(walineAdapter, path, 'reactions', 10)).map((c) => [c.author.name, c.pinned])).to.deep.equal([
      ['Spät', false],
      ['Früh', false],
      ['Mitte', false],
    ]);
  });

  it('passes on likes and pins of recent comments live, as changed comments', async () => {
    const path = `/artikel/${freshThread('waline-live-likes')}`;
    const {objectId} = await walinePost(path, {nick: 'Live', comment: 'Gleich beliebt.'});
    const walineAdapter = await adapter({pollInterval: 100});
    const updates: {type: string; comment?: unknown}[] = [];
    const stop = walineAdapter.subscribe(path, (update) => updates.push(update));
    try {
      await walineAdapter.load({thread: path, cursor: null, sort: 'newest', limit: 10});
      await walineLike(objectId);
      const deadline = Date.now() + 5000;
      while (!updates.some((u) => u.type === 'changed' && (u.comment as {reactions?: number}).reactions === 1)) {
        if (Date.now() > deadline) throw new Error('no changed update');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      stop();
    }
  });
});
