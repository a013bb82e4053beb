/**
 * The adapter conformance suite (`article-comments/testing`): the behaviour
 * every adapter must show, as plain async checks that run under any test
 * framework.
 *
 *   import {adapterConformance} from 'article-comments/testing';
 *   for (const check of adapterConformance({create: async () => ({adapter, thread})})) {
 *     it(check.name, check.run);          // mocha, jest, vitest, node:test …
 *   }
 */
import type {CommentAdapter, DiscussionInfo, LiveUpdate, Viewer} from '../adapters/adapter.js';
import {AbortedError, AdapterError, NotFoundError, ValidationError} from '../adapters/errors.js';
import type {Comment, SortOrder} from '../model/comment.js';
import {parseComments, parseDate, readId} from '../model/parse.js';
import {closingChecks} from './closing-checks.js';
import {ownChecks} from './own-checks.js';
import {reactionChecks} from './reaction-checks.js';
import {reportChecks} from './report-checks.js';
import {check, checked, ConformanceError, field, idOf, key, rejection, wait} from './support.js';

export {ConformanceError};

export interface ConformanceSetup {
  /**
   * Returns an adapter and a discussion id. Without `thread`, the discussion
   * must be new and empty; with it, return an adapter (a new instance where
   * that makes sense) for that same discussion, used to check live updates.
   */
  create(thread?: string): Promise<{adapter: CommentAdapter; thread: string}>;
  /** Checks the backend cannot pass, with the reason; they are reported as skipped. */
  skip?: Partial<
    Record<
      'idempotency' | 'locate' | 'live' | 'oldest' | 'report' | 'reactions' | 'sortByReactions' | 'counts' | 'viewer' | 'edit' | 'delete' | 'notifications',
      string
    >
  >;
  /**
   * Signs `viewer` in (null: signs out) the way the publisher's login would,
   * and returns an adapter that acts for that reader in `thread` (`adapter`
   * itself, or a new one). Without it the checks that need a signed-in or a
   * second reader are skipped.
   */
  signIn?(viewer: Viewer | null, thread: string, adapter: CommentAdapter): Promise<CommentAdapter>;
  /** Milliseconds to wait between posts, for backends that limit posting speed. */
  postInterval?: number;
  /** How long to wait for a live update. Default 5,000 ms. */
  liveTimeout?: number;
  /**
   * Closes, reopens or reschedules a discussion the way the backend's
   * publisher would (`closed`, `closedMessage`, `closesAt` replace the
   * current ones), for the closing checks; without it they are skipped.
   * `adapter` is the one `create` returned for `thread`.
   */
  setDiscussion?(thread: string, info: DiscussionInfo, adapter: CommentAdapter): Promise<void>;
}

export interface ConformanceCheck {
  name: string;
  /** Resolves when the adapter conforms; rejects with a `ConformanceError` saying what differs. */
  run(): Promise<void>;
  /** Why this check does not apply, if it does not. */
  skipped?: string;
}

/** Every check, in the order they are best run. */
export function adapterConformance(setup: ConformanceSetup): ConformanceCheck[] {
  const pause = () => wait(setup.postInterval ?? 0);

  async function post(adapter: CommentAdapter, thread: string, body: string, parentId: string | null = null) {
    const stored = await adapter.post({thread, parentId, author: {name: 'Prüferin'}, body, quote: null, idempotencyKey: key()});
    await pause();
    return checked(stored, 'the answer to post()');
  }

  async function loadAll(adapter: CommentAdapter, thread: string, sort: SortOrder, limit: number, readerId?: string) {
    const records: unknown[] = [];
    const firstPageTops: number[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const page = await adapter.load({thread, cursor, sort, limit, readerId});
      check(Array.isArray(page.comments), 'load() must return {comments: [...]}');
      const tops = page.comments.filter((c) => !field(c, 'parentId'));
      check(tops.length <= limit, `a page holds ${tops.length} top-level comments, more than limit ${limit}`);
      if (pages === 0) firstPageTops.push(tops.length);
      records.push(...page.comments);
      cursor = page.nextCursor;
      if (cursor === null) return records;
      check(typeof cursor === 'string' && cursor !== '', 'nextCursor must be a non-empty string or null');
    }
    throw new ConformanceError('paging did not end after 100 pages');
  }

  // One shared discussion with top-level comments and replies, posted once.
  let shared: Promise<{adapter: CommentAdapter; thread: string; top: Comment[]; replies: Comment[]}> | undefined;
  const fixture = () =>
    (shared ??= (async () => {
      const {adapter, thread} = await setup.create();
      const top: Comment[] = [];
      for (let i = 1; i <= 5; i++) top.push(await post(adapter, thread, `Kommentar ${i} zur Konformität`));
      const first = await post(adapter, thread, 'Antwort auf 1', top[0].id);
      const second = await post(adapter, thread, 'Antwort auf die Antwort', first.id);
      const third = await post(adapter, thread, 'Antwort auf 4', top[3].id);
      return {adapter, thread, top, replies: [first, second, third]};
    })());

  const paging = (sort: SortOrder) => async () => {
    const {adapter, thread, top, replies} = await fixture();
    const records = await loadAll(adapter, thread, sort, 2);
    const ids = records.map(idOf);
    const expected = [...top, ...replies].map((c) => c.id);
    for (const id of expected) check(ids.includes(id), `comment ${id} is missing from the pages (${sort})`);
    check(new Set(ids).size === ids.length, `some comments appear on more than one page (${sort}): ${ids.join(', ')}`);
    const times = records.filter((r) => !field(r, 'parentId')).map((r) => parseDate(field(r, 'createdAt')) ?? NaN);
    for (let i = 1; i < times.length; i++) {
      const ordered = sort === 'newest' ? times[i] <= times[i - 1] : times[i] >= times[i - 1];
      check(ordered, `top-level comments are not ${sort} first`);
    }
  };

  return [
    {
      name: 'an empty discussion loads as one empty page',
      run: async () => {
        const {adapter, thread} = await setup.create();
        const page = await adapter.load({thread, cursor: null, sort: 'newest', limit: 10});
        check(Array.isArray(page.comments) && page.comments.length === 0, 'a new discussion must have no comments');
        check(page.nextCursor === null, 'an empty discussion has no next page');
      },
    },
    {
      name: 'a post comes back with a server id, a server time and the text as sent',
      run: async () => {
        const {adapter, thread} = await setup.create();
        const before = Date.now();
        const stored = await post(adapter, thread, 'Ein „Test“ mit Umlauten: äöüß.\n\nZweiter Absatz.');
        const time = stored.createdAt;
        check(time !== null, 'the stored comment needs a createdAt');
        check(Math.abs(time - before) < 10 * 60_000, 'createdAt must be the server time of posting');
        check(stored.body === 'Ein „Test“ mit Umlauten: äöüß.\n\nZweiter Absatz.', `the body came back changed: ${JSON.stringify(stored.body)}`);
        check(stored.author.name === 'Prüferin', 'the author name came back changed');
        check(stored.parentId === null, 'a top-level comment has no parentId');
        const page = await adapter.load({thread, cursor: null, sort: 'newest', limit: 10});
        check(page.comments.some((c) => idOf(c) === stored.id), 'a posted comment must be in the next load');
      },
    },
    {
      name: 'replies attach to the right parents',
      run: async () => {
        const {adapter, thread, top, replies} = await fixture();
        const records = await loadAll(adapter, thread, 'newest', 10);
        const parentOf = new Map(records.map((r) => [idOf(r), readId(field(r, 'parentId'))]));
        check(parentOf.get(replies[0].id) === top[0].id, 'a reply lost its parent');
        check(parentOf.get(replies[1].id) === replies[0].id, 'a reply to a reply lost its parent');
        check(parentOf.get(replies[2].id) === top[3].id, 'a reply attached to the wrong parent');
      },
    },
    {name: 'paging newest first holds every comment exactly once', run: paging('newest')},
    {name: 'paging oldest first holds every comment exactly once', run: paging('oldest'), skipped: setup.skip?.oldest},
    {
      name: 'what it returns passes the widget’s check without errors',
      run: async () => {
        const {adapter, thread} = await fixture();
        const records = await loadAll(adapter, thread, 'newest', 10);
        const {errors} = parseComments(records);
        check(errors.length === 0, `records with problems: ${errors.map((e) => e.message).join('; ')}`);
      },
    },
    {
      name: 'a post retried with the same idempotency key is stored once',
      skipped: setup.skip?.idempotency,
      run: async () => {
        const {adapter, thread} = await setup.create();
        const request = {thread, parentId: null, author: {name: 'Doppelt'}, body: 'Nur einmal speichern', quote: null, idempotencyKey: key()};
        const first = checked(await adapter.post(request), 'the answer to post()');
        await pause();
        const second = checked(await adapter.post(request), 'the answer to a repeated post()');
        check(first.id === second.id, 'the retry must return the comment stored first');
        const page = await adapter.load({thread, cursor: null, sort: 'newest', limit: 10});
        check(page.comments.length === 1, `the comment was stored ${page.comments.length} times`);
      },
    },
    {
      name: 'an empty comment is rejected with a ValidationError naming the field',
      run: async () => {
        const {adapter, thread} = await setup.create();
        const error = await rejection(
          adapter.post({thread, parentId: null, author: {name: 'Leer'}, body: '   ', quote: null, idempotencyKey: key()})
        );
        check(ValidationError.is(error), `expected a ValidationError, got ${String(error)}`);
        check(typeof error.fieldErrors.body === 'string' && error.fieldErrors.body !== '', 'the error must say what is wrong with the body');
      },
    },
    {
      name: 'a reply to a comment that does not exist is rejected with a typed error',
      run: async () => {
        const {adapter, thread} = await setup.create();
        const error = await rejection(post(adapter, thread, 'Ins Leere', 'gibt-es-nicht-4711'));
        check(NotFoundError.is(error) || ValidationError.is(error), `expected NotFoundError or ValidationError, got ${String(error)}`);
      },
    },
    {
      name: 'an aborted load rejects with AbortedError',
      run: async () => {
        const {adapter, thread} = await setup.create();
        const controller = new AbortController();
        controller.abort();
        const error = await rejection(adapter.load({thread, cursor: null, sort: 'newest', limit: 10, signal: controller.signal}));
        check(AbortedError.is(error), `expected AbortedError, got ${String(error)}`);
      },
    },
    {
      name: 'every failure is a typed AdapterError',
      run: async () => {
        const {adapter, thread} = await setup.create();
        const error = await rejection(adapter.load({thread, cursor: 'kein-gültiger-cursor', sort: 'newest', limit: 10}));
        check(AdapterError.is(error), `a bad cursor must fail with an AdapterError, got ${String(error)}`);
      },
    },
    {
      name: 'locate finds a comment with its ancestors, root first',
      skipped: setup.skip?.locate,
      run: async () => {
        const {adapter, thread, top, replies} = await fixture();
        check(adapter.locate, 'the adapter has no locate()');
        const path = await adapter.locate({thread, id: String(replies[1].id)});
        const ids = path.map(idOf).join(', ');
        check(ids === [top[0], replies[0], replies[1]].map((c) => c.id).join(', '), `locate returned ${ids}`);
        const missing = await rejection(adapter.locate({thread, id: 'gibt-es-nicht-4711'}));
        check(NotFoundError.is(missing), `a missing comment must give NotFoundError, got ${String(missing)}`);
      },
    },
    {
      name: 'a comment posted elsewhere arrives through subscribe',
      skipped: setup.skip?.live,
      run: async () => {
        const {adapter, thread} = await setup.create();
        check(adapter.subscribe, 'the adapter has no subscribe()');
        const updates: LiveUpdate[] = [];
        const stop = adapter.subscribe(thread, (update) => updates.push(update));
        try {
          await adapter.load({thread, cursor: null, sort: 'newest', limit: 10});
          const other = await setup.create(thread);
          await wait(100);
          const stored = await post(other.adapter, thread, 'Live von woanders');
          const deadline = Date.now() + (setup.liveTimeout ?? 5000);
          while (!updates.some((u) => u.type !== 'discussion' && idOf(u.comment) === stored.id)) {
            check(Date.now() < deadline, 'no live update arrived in time');
            await wait(50);
          }
        } finally {
          stop();
        }
      },
    },
    ...reportChecks(setup, post),
    ...reactionChecks(setup, post, loadAll),
    ...closingChecks(setup, post),
    ...ownChecks(setup, loadAll),
  ];
}
