import {expect} from '@open-wc/testing';
import type {CommentAdapter, LiveUpdate, ReactRequest} from '../src/adapters/adapter.js';
import {BrowserStorageAdapter} from '../src/adapters/browser-storage-adapter.js';
import {
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnexpectedResponseError,
} from '../src/adapters/errors.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import {RestAdapter} from '../src/adapters/rest-adapter.js';
import {readerId} from '../src/drafts/reader-id.js';
import type {Comment, SortOrder} from '../src/model/comment.js';
import {parseComments} from '../src/model/parse.js';
import {parseCounts, parseReactionState} from '../src/model/reactions.js';
import {freshThread, record, until} from './harness.js';
import {failNext, referenceServer, restAdapter} from './reference-server.js';

/** One backend with a discussion of top-level comments t1…tN (t1 oldest) and a reply r1 to t1. */
interface Opened {
  adapter: CommentAdapter;
  thread: string;
  /** The publisher's staff marks a comment. */
  flag(id: string, flags: {featured?: boolean; pinned?: boolean}): Promise<void>;
  /** The publisher closes the discussion or switches it to question mode. */
  discussion(info: {closed?: boolean; mode?: 'qa' | 'comments'}): Promise<void>;
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const seed = (count: number) => [
  ...Array.from({length: count}, (_, i) => record({id: `t${i + 1}`, createdAt: minutesAgo(100 - i)})),
  record({id: 'r1', parentId: 't1', createdAt: minutesAgo(10)}),
];

const backends: {name: string; open(count?: number): Promise<Opened>}[] = [
  {
    name: 'memory',
    open: async (count = 3) => {
      const thread = freshThread('react-memory');
      const adapter = new MemoryAdapter({[thread]: seed(count)});
      return {
        adapter,
        thread,
        flag: async (id, flags) => adapter.setFlags(thread, id, flags),
        discussion: async (info) => adapter.setDiscussion(thread, info),
      };
    },
  },
  {
    name: 'browser storage',
    open: async (count = 3) => {
      const thread = freshThread('react-storage');
      const adapter = new BrowserStorageAdapter({[thread]: seed(count)});
      return {
        adapter,
        thread,
        flag: async (id, flags) => adapter.setFlags(thread, id, flags),
        discussion: async (info) => adapter.setDiscussion(thread, info),
      };
    },
  },
  {
    name: 'REST',
    open: async (count = 3) => {
      const thread = freshThread('react-rest');
      const {control} = await referenceServer();
      await control('seed', {thread, comments: seed(count)});
      return {
        adapter: await restAdapter(),
        thread,
        flag: async (id, flags) => void (await control('flags', {thread, id, ...flags})),
        discussion: async (info) => void (await control('discussion', {thread, ...info})),
      };
    },
  },
];

const failure = (promise: Promise<unknown>) => promise.then(() => new Error('expected a failure'), (error: unknown) => error);

async function react(opened: Opened, commentId: string, readerId: string, reacted = true) {
  const state = parseReactionState(await opened.adapter.react!({thread: opened.thread, commentId, readerId, reacted}));
  expect(state, 'a ReactionState').to.not.equal(undefined);
  return state!;
}

/** Every page, checked, as `reader` sees it. */
async function loadAll(opened: Opened, sort: SortOrder, limit: number, reader?: string): Promise<Comment[]> {
  const records: unknown[] = [];
  let cursor: string | null = null;
  do {
    const page = await opened.adapter.load({thread: opened.thread, cursor, sort, limit, readerId: reader});
    records.push(...page.comments);
    cursor = page.nextCursor;
  } while (cursor !== null);
  const {comments, errors} = parseComments(records);
  expect(errors.map((error) => error.message)).to.deep.equal([]);
  return comments;
}

const byId = (comments: Comment[], id: string) => comments.find((comment) => comment.id === id)!;
const topIds = (comments: Comment[]) => comments.filter((comment) => comment.parentId === null).map((comment) => comment.id);

for (const backend of backends) {
  describe(`reactions kept by the ${backend.name} backend`, () => {
    it('say what they can do: reactions, counts in one call, sorting by reactions', async () => {
      const {adapter} = await backend.open();
      expect(adapter.capabilities).to.include({reactions: true, counts: true});
      expect(adapter.capabilities?.sorts).to.include('reactions');
    });

    it('toggle on and off, and show the count and the reader’s own state on load', async () => {
      const opened = await backend.open();
      expect(await react(opened, 't2', 'lea')).to.deep.equal({reactions: 1, reacted: true});
      let comments = await loadAll(opened, 'newest', 10, 'lea');
      expect(byId(comments, 't2')).to.include({reactions: 1, reacted: true});
      expect(byId(comments, 't1')).to.include({reactions: 0, reacted: false, featured: false, pinned: false});
      expect(await react(opened, 't2', 'lea', false)).to.deep.equal({reactions: 0, reacted: false});
      comments = await loadAll(opened, 'newest', 10, 'lea');
      expect(byId(comments, 't2')).to.include({reactions: 0, reacted: false});
    });

    it('count a reader once however often the same state is sent: retries, double clicks, racing toggles', async () => {
      const opened = await backend.open();
      const request: ReactRequest = {thread: opened.thread, commentId: 't1', readerId: 'eilig', reacted: true};
      const answers = await Promise.all(Array.from({length: 5}, () => opened.adapter.react!(request)));
      for (const answer of answers) expect(parseReactionState(answer)).to.deep.equal({reactions: 1, reacted: true});
      // A reader who clicks on, off, on, off quickly ends where the last click says.
      for (const reacted of [false, true, false, true, false]) await opened.adapter.react!({...request, reacted});
      expect(byId(await loadAll(opened, 'newest', 10, 'eilig'), 't1')).to.include({reactions: 0, reacted: false});
      expect(await react(opened, 't1', 'eilig', false)).to.deep.equal({reactions: 0, reacted: false});
    });

    it('count every reader, and say `reacted` only to the one who did', async () => {
      const opened = await backend.open();
      await react(opened, 't3', 'anna');
      await react(opened, 't3', 'ben');
      expect(await react(opened, 't3', 'clara')).to.deep.equal({reactions: 3, reacted: true});
      expect(byId(await loadAll(opened, 'oldest', 10, 'ben'), 't3')).to.include({reactions: 3, reacted: true});
      expect(byId(await loadAll(opened, 'oldest', 10, 'dora'), 't3')).to.include({reactions: 3, reacted: false});
      expect(byId(await loadAll(opened, 'oldest', 10), 't3')).to.include({reactions: 3, reacted: false});
    });

    it('refuse a reaction to a comment that does not exist, and take them in a closed discussion', async () => {
      const opened = await backend.open();
      expect(NotFoundError.is(await failure(react(opened, 'gibt-es-nicht', 'lea')))).to.equal(true);
      await opened.discussion({closed: true});
      expect(await react(opened, 't1', 'lea')).to.deep.equal({reactions: 1, reacted: true});
    });

    it('page by reactions with every comment once, most first, ties newest first, replies with their comment', async () => {
      const opened = await backend.open(6);
      for (const [id, readers] of [['t1', 2], ['t2', 0], ['t3', 3], ['t4', 2], ['t5', 0], ['t6', 1]] as const) {
        for (let i = 0; i < readers; i++) await react(opened, id, `${id}-leser-${i}`);
      }
      const comments = await loadAll(opened, 'reactions', 2);
      expect(topIds(comments)).to.deep.equal(['t3', 't4', 't1', 't6', 't5', 't2']);
      expect(comments.map((c) => c.id)).to.have.members(['t1', 't2', 't3', 't4', 't5', 't6', 'r1']);
      expect(comments.length).to.equal(7);
    });

    it('page by reactions without repeating or losing a comment when counts change between pages', async () => {
      const opened = await backend.open(6);
      for (const [id, readers] of [['t1', 4], ['t2', 3], ['t3', 2], ['t4', 1]] as const) {
        for (let i = 0; i < readers; i++) await react(opened, id, `${id}-leser-${i}`);
      }
      const first = await opened.adapter.load({thread: opened.thread, cursor: null, sort: 'reactions', limit: 2});
      const ids = first.comments.filter((c) => !(c as {parentId?: unknown}).parentId).map((c) => (c as {id: string}).id);
      expect(ids).to.deep.equal(['t1', 't2']);
      // After the first page: t1 loses every reaction, t6 gets the most.
      for (let i = 0; i < 4; i++) await react(opened, 't1', `t1-leser-${i}`, false);
      for (let i = 0; i < 9; i++) await react(opened, 't6', `t6-leser-${i}`);
      let cursor = first.nextCursor;
      while (cursor !== null) {
        const page = await opened.adapter.load({thread: opened.thread, cursor, sort: 'reactions', limit: 2});
        ids.push(...page.comments.filter((c) => !(c as {parentId?: unknown}).parentId).map((c) => (c as {id: string}).id));
        cursor = page.nextCursor;
      }
      // As they stood when paging began: nothing twice, nothing missing; the counts shown are today's.
      expect(ids).to.deep.equal(['t1', 't2', 't3', 't4', 't6', 't5']);
      const now = await loadAll(opened, 'reactions', 10);
      expect(topIds(now).slice(0, 2)).to.deep.equal(['t6', 't2']);
      expect(byId(now, 't6').reactions).to.equal(9);
    });

    it('send a changed reaction live, with `reacted` for the reader who loaded the page', async () => {
      const opened = await backend.open();
      const updates: LiveUpdate[] = [];
      const stop = opened.adapter.subscribe!(opened.thread, (update) => updates.push(update));
      try {
        await opened.adapter.load({thread: opened.thread, cursor: null, sort: 'newest', limit: 10, readerId: 'lea'});
        await new Promise((resolve) => setTimeout(resolve, 300)); // the REST event stream is open
        await react(opened, 't1', 'lea');
        await react(opened, 't1', 'ben');
        const changed = await until(
          () => updates.find((u) => u.type === 'changed' && (u.comment as {reactions?: number}).reactions === 2),
          'the changed comment'
        );
        expect(changed.type === 'changed' && changed.comment).to.include({id: 't1', reactions: 2, reacted: true});
      } finally {
        stop();
      }
    });

    it('take the staff’s flags from the backend: featured and pinned, pinned first in every order, live', async () => {
      const opened = await backend.open(4);
      const updates: LiveUpdate[] = [];
      const stop = opened.adapter.subscribe!(opened.thread, (update) => updates.push(update));
      try {
        await opened.adapter.load({thread: opened.thread, cursor: null, sort: 'newest', limit: 10});
        await new Promise((resolve) => setTimeout(resolve, 300));
        await opened.flag('t2', {pinned: true});
        await opened.flag('t3', {featured: true});
        await until(() => updates.some((u) => u.type === 'changed' && (u.comment as {pinned?: boolean}).pinned === true), 'the pinned comment live');
        await react(opened, 't4', 'lea');
        for (const sort of ['newest', 'oldest', 'reactions'] as const) {
          const comments = await loadAll(opened, sort, 1);
          expect(topIds(comments)[0], sort).to.equal('t2');
          expect(byId(comments, 't2')).to.include({pinned: true, featured: false});
          expect(byId(comments, 't3')).to.include({pinned: false, featured: true});
        }
        expect(topIds(await loadAll(opened, 'reactions', 2))).to.deep.equal(['t2', 't4', 't3', 't1']);
        await opened.flag('t2', {pinned: false});
        expect(topIds(await loadAll(opened, 'newest', 2))).to.deep.equal(['t4', 't3', 't2', 't1']);
      } finally {
        stop();
      }
    });

    it('say whether a discussion is in question mode', async () => {
      const opened = await backend.open();
      const mode = async () => (await opened.adapter.load({thread: opened.thread, cursor: null, sort: 'newest', limit: 1})).discussion?.mode;
      expect(await mode()).to.equal(undefined);
      await opened.discussion({mode: 'qa'});
      expect(await mode()).to.equal('qa');
      // Closing keeps the mode.
      await opened.discussion({closed: true});
      expect(await mode()).to.equal('qa');
      await opened.discussion({mode: 'comments'});
      expect(await mode()).to.not.equal('qa');
    });

    it('count published comments of many discussions in one call, 0 for an unknown one', async () => {
      const one = await backend.open(3);
      const threads = [one.thread, `${one.thread}-nie-kommentiert`];
      const counts = parseCounts(await one.adapter.counts!({threads}), threads);
      expect(Object.fromEntries(counts)).to.deep.equal({[one.thread]: 4, [threads[1]]: 0});
    });
  });
}

describe('reactions in browser storage', () => {
  it('survive a reload and are counted once per reader across tabs', async () => {
    const thread = freshThread('react-reload');
    const tab = new BrowserStorageAdapter({[thread]: seed(2)});
    await tab.react({thread, commentId: 't1', readerId: 'lea', reacted: true});
    // Another tab (or a reload) of the same browser: the same reader again counts once.
    const other = new BrowserStorageAdapter({[thread]: seed(2)});
    expect(parseReactionState(await other.react({thread, commentId: 't1', readerId: 'lea', reacted: true}))).to.deep.equal({reactions: 1, reacted: true});
    expect(parseReactionState(await other.react({thread, commentId: 't1', readerId: 'ben', reacted: true}))).to.deep.equal({reactions: 2, reacted: true});
    const reloaded = new BrowserStorageAdapter({[thread]: seed(2)});
    const page = await reloaded.load({thread, cursor: null, sort: 'newest', limit: 10, readerId: 'lea'});
    expect(page.comments.find((c) => (c as {id: string}).id === 't1')).to.include({reactions: 2, reacted: true});
  });

  it('tell the other tabs, which push the changed count to their widgets', async () => {
    const thread = freshThread('react-tabs');
    const here = new BrowserStorageAdapter({[thread]: seed(1)});
    const there = new BrowserStorageAdapter({[thread]: seed(1)});
    const updates: LiveUpdate[] = [];
    const stop = there.subscribe(thread, (update) => updates.push(update));
    try {
      await there.load({thread, cursor: null, sort: 'newest', limit: 10, readerId: 'ben'});
      await here.react({thread, commentId: 't1', readerId: 'lea', reacted: true});
      await until(() => updates.some((u) => u.type === 'changed' && (u.comment as {reactions?: number}).reactions === 1), 'the other tab’s update');
    } finally {
      stop();
    }
  });
});

describe('reactions through the REST contract', () => {
  it('send the reader id with lists and reactions, and the state wanted as the body', async () => {
    const thread = freshThread('react-headers');
    const {control, log} = await referenceServer();
    await control('seed', {thread, comments: seed(1)});
    const adapter = await restAdapter();
    await adapter.load({thread, cursor: null, sort: 'reactions', limit: 10, readerId: 'leser-4711'});
    await adapter.react({thread, commentId: 't1', readerId: 'leser-4711', reacted: true});
    const requests = (await log()).filter((r) => r.path.includes(thread));
    const list = requests.find((r) => r.method === 'GET' && r.path.endsWith('/comments'))!;
    expect(list.headers['x-reader-id']).to.equal('leser-4711');
    expect((list as {query?: string}).query).to.contain('sort=reactions');
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.path).to.equal(`/threads/${thread}/comments/t1/reaction`);
    expect(put.headers['x-reader-id']).to.equal('leser-4711');
  });

  it('count a reaction once when its answer is lost and the adapter or the reader sends it again', async () => {
    const thread = freshThread('react-lost');
    const {control} = await referenceServer();
    await control('seed', {thread, comments: seed(1)});
    await failNext(thread, {mode: 'after-store', method: 'PUT'});
    const adapter = await restAdapter();
    expect(await adapter.react({thread, commentId: 't1', readerId: 'lea', reacted: true})).to.deep.equal({reactions: 1, reacted: true});
    await failNext(thread, {mode: 'after-store', method: 'PUT'});
    const once = await restAdapter({retries: 0});
    expect(NetworkError.is(await failure(once.react({thread, commentId: 't1', readerId: 'ben', reacted: true})))).to.equal(true);
    expect(await once.react({thread, commentId: 't1', readerId: 'ben', reacted: true})).to.deep.equal({reactions: 2, reacted: true});
  });

  it('surface 429, a failing server, a timeout, being offline and a wrong answer as typed errors', async () => {
    const thread = freshThread('react-failures');
    const {control} = await referenceServer();
    await control('seed', {thread, comments: seed(1)});
    const adapter = await restAdapter({retries: 1, timeout: 300});
    const request = {thread, commentId: 't1', readerId: 'lea', reacted: true};

    await failNext(thread, {status: 429, code: 'rate-limited', headers: {'Retry-After': '60'}, method: 'PUT'});
    const limited = await failure(adapter.react(request));
    expect(RateLimitedError.is(limited)).to.equal(true);
    await failNext(thread, {status: 503, method: 'PUT'}, 2);
    expect(ServerError.is(await failure(adapter.react(request)))).to.equal(true);
    await failNext(thread, {mode: 'hang', method: 'PUT'}, 2);
    expect(TimeoutError.is(await failure(adapter.react(request)))).to.equal(true);
    await failNext(thread, {mode: 'wrong-shape', method: 'PUT'});
    expect(UnexpectedResponseError.is(await failure(adapter.react(request)))).to.equal(true);
    Object.defineProperty(navigator, 'onLine', {value: false, configurable: true});
    try {
      expect(NetworkError.is(await failure(adapter.react(request)))).to.equal(true);
    } finally {
      delete (navigator as {onLine?: boolean}).onLine;
    }
    // None of them counted; the next one does, once.
    expect(await adapter.react(request)).to.deep.equal({reactions: 1, reacted: true});
  });

  it('ask for the counts of 20 discussions in one request, and fail typed', async () => {
    const {log, control} = await referenceServer();
    const threads = Array.from({length: 20}, (_, i) => freshThread(`count-${i}`));
    await control('seed', {thread: threads[3], comments: seed(2)});
    const adapter = await restAdapter({retries: 0});
    const counts = parseCounts(await adapter.counts({threads}), threads);
    expect(counts.size).to.equal(20);
    expect(counts.get(threads[3])).to.equal(3);
    const requests = (await log()).filter((r) => r.path === '/counts' && (r as {query?: string}).query?.includes(threads[0]));
    expect(requests).to.have.length(1);
    expect(new URLSearchParams((requests[0] as {query?: string}).query).getAll('thread')).to.deep.equal(threads);

    await control('fail', {path: `thread=${threads[0]}`, status: 503});
    expect(ServerError.is(await failure(adapter.counts({threads})))).to.equal(true);
  });

  it('can be told the server takes no reactions or counts', async () => {
    const {api} = await referenceServer();
    const plain = new RestAdapter({baseUrl: api, reactions: false, counts: false});
    expect(plain.capabilities).to.include({reactions: false, counts: false});
    expect(plain.capabilities.sorts).to.deep.equal(['newest', 'oldest']);
    // Without the counts endpoint: one list request per discussion, its `total`.
    const thread = freshThread('count-by-list');
    await (await referenceServer()).control('seed', {thread, comments: seed(1)});
    const counts = parseCounts(await plain.counts({threads: [thread, `${thread}-leer`]}), [thread, `${thread}-leer`]);
    expect(Object.fromEntries(counts)).to.deep.equal({[thread]: 2, [`${thread}-leer`]: 0});
  });
});

describe('the reader id', () => {
  it('stays the same for this browser and is kept in localStorage', () => {
    const id = readerId();
    expect(id).to.match(/^[\w-]{8,}$/);
    expect(readerId()).to.equal(id);
    expect(localStorage.getItem('article-comments:reader:v1')).to.equal(id);
  });
});
