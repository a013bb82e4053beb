/**
 * The conformance checks for reactions ("Empfehlen"), sorting by them, and
 * comment counts (see conformance.ts). An adapter that takes no reactions
 * says why with `skip: {reactions: '…'}`; one that cannot page by them,
 * `skip: {sortByReactions: '…'}`; one without `counts()`, `skip: {counts: '…'}`.
 */
import type {CommentAdapter, LiveUpdate} from '../adapters/adapter.js';
import {NotFoundError} from '../adapters/errors.js';
import type {Comment, SortOrder} from '../model/comment.js';
import {parseComments} from '../model/parse.js';
import {parseCounts, parseReactionState} from '../model/reactions.js';
import type {ConformanceCheck, ConformanceSetup} from './conformance.js';
import {check, field, idOf, rejection, wait} from './support.js';

type Post = (adapter: CommentAdapter, thread: string, body: string, parentId?: string | null) => Promise<Comment>;
type LoadAll = (adapter: CommentAdapter, thread: string, sort: SortOrder, limit: number, readerId?: string) => Promise<unknown[]>;

let readers = 0;
/** A reader id of its own for each check run. */
const reader = () => `conformance-reader-${Date.now().toString(36)}-${readers++}`;

export function reactionChecks(setup: ConformanceSetup, post: Post, loadAll: LoadAll): ConformanceCheck[] {
  const skipped = setup.skip?.reactions;

  async function reactable() {
    const {adapter, thread} = await setup.create();
    check(
      adapter.capabilities?.reactions === true,
      'the adapter does not claim capabilities.reactions (if the backend takes none, skip: {reactions: "why"} says so)'
    );
    check(typeof adapter.react === 'function', 'capabilities.reactions is true, but the adapter has no react()');
    return {adapter, thread, react: adapter.react.bind(adapter)};
  }

  const state = (value: unknown, what: string) => {
    const parsed = parseReactionState(value);
    check(parsed, `${what} is not {reactions: <count>, reacted: true|false}: ${JSON.stringify(value)}`);
    return parsed;
  };

  /** The comment as the reader sees it in a fresh load. */
  async function seen(adapter: CommentAdapter, thread: string, id: string, readerId?: string): Promise<Comment> {
    const records = await loadAll(adapter, thread, 'newest', 50, readerId);
    const comment = parseComments(records).comments.find((each) => each.id === id);
    check(comment, `comment ${id} is missing from the discussion`);
    return comment;
  }

  /** Top-level comments with the given numbers of reactions, each from readers of its own (listed with it). */
  async function ranked(adapter: CommentAdapter, thread: string, counts: number[]): Promise<{comment: Comment; readers: string[]}[]> {
    const comments = [];
    for (const [index, count] of counts.entries()) {
      const comment = await post(adapter, thread, `Empfehlenswert ${index + 1}`);
      const readers = Array.from({length: count}, reader);
      for (const readerId of readers) await adapter.react!({thread, commentId: comment.id, readerId, reacted: true});
      comments.push({comment, readers});
    }
    return comments;
  }

  const sortSkipped = skipped ?? setup.skip?.sortByReactions;
  async function sortable() {
    const opened = await reactable();
    check(
      opened.adapter.capabilities?.sorts?.includes('reactions'),
      'the adapter does not list "reactions" in capabilities.sorts (if it cannot page by them, skip: {sortByReactions: "why"} says so)'
    );
    return opened;
  }

  return [
    {
      name: 'a reaction toggles on and off, and a repeated or doubled one counts once',
      skipped,
      run: async () => {
        const {adapter, thread, react} = await reactable();
        const comment = await post(adapter, thread, 'Bitte empfehlen');
        const me = reader();
        const before = await seen(adapter, thread, comment.id, me);
        check(before.reactions === 0 && !before.reacted, `a new comment has no reactions, got ${before.reactions}/${before.reacted}`);
        const request = {thread, commentId: comment.id, readerId: me};
        const on = state(await react({...request, reacted: true}), 'the answer to react()');
        check(on.reactions === 1 && on.reacted, `after reacting: expected {reactions: 1, reacted: true}, got ${JSON.stringify(on)}`);
        const again = state(await react({...request, reacted: true}), 'the answer to a repeated react()');
        check(again.reactions === 1 && again.reacted, `a repeated reaction must not count again, got ${JSON.stringify(again)}`);
        const doubled = await Promise.all([react({...request, reacted: true}), react({...request, reacted: true})]);
        for (const answer of doubled) check(state(answer, 'the answer to a double click').reactions === 1, 'a double click must count once');
        const loaded = await seen(adapter, thread, comment.id, me);
        check(loaded.reactions === 1 && loaded.reacted, `load() must show reactions: 1, reacted: true, got ${loaded.reactions}/${loaded.reacted}`);
        const off = state(await react({...request, reacted: false}), 'the answer to taking a reaction back');
        check(off.reactions === 0 && !off.reacted, `after taking it back: expected {reactions: 0, reacted: false}, got ${JSON.stringify(off)}`);
        const offAgain = state(await react({...request, reacted: false}), 'the answer to taking it back again');
        check(offAgain.reactions === 0 && !offAgain.reacted, `taking it back twice must not count below 0, got ${JSON.stringify(offAgain)}`);
        check((await seen(adapter, thread, comment.id, me)).reactions === 0, 'load() must show the reaction taken back');
      },
    },
    {
      name: 'another reader’s reaction is counted, but not as this reader’s',
      skipped,
      run: async () => {
        const {adapter, thread, react} = await reactable();
        const comment = await post(adapter, thread, 'Für alle');
        const [me, other] = [reader(), reader()];
        await react({thread, commentId: comment.id, readerId: other, reacted: true});
        const mine = await seen(adapter, thread, comment.id, me);
        check(mine.reactions === 1 && !mine.reacted, `another reader's reaction: expected 1 and reacted false, got ${mine.reactions}/${mine.reacted}`);
        const both = state(await react({thread, commentId: comment.id, readerId: me, reacted: true}), 'the answer to react()');
        check(both.reactions === 2 && both.reacted, `two readers: expected {reactions: 2, reacted: true}, got ${JSON.stringify(both)}`);
        const theirs = await seen(adapter, thread, comment.id, other);
        check(theirs.reactions === 2 && theirs.reacted, 'the other reader sees both reactions and their own');
        const nobody = await seen(adapter, thread, comment.id);
        check(nobody.reactions === 2 && !nobody.reacted, 'without a readerId, reacted is false');
      },
    },
    {
      name: 'a reaction to a comment that does not exist is refused with NotFoundError',
      skipped,
      run: async () => {
        const {thread, react} = await reactable();
        const error = await rejection(react({thread, commentId: 'gibt-es-nicht-4711', readerId: reader(), reacted: true}));
        check(NotFoundError.is(error), `expected NotFoundError, got ${String(error)}`);
      },
    },
    {
      name: 'a reaction arrives live as a changed comment',
      skipped: skipped ?? setup.skip?.live,
      run: async () => {
        const {adapter, thread} = await reactable();
        check(adapter.subscribe, 'the adapter has no subscribe()');
        const comment = await post(adapter, thread, 'Live empfohlen');
        const updates: LiveUpdate[] = [];
        const stop = adapter.subscribe(thread, (update) => updates.push(update));
        try {
          await adapter.load({thread, cursor: null, sort: 'newest', limit: 10, readerId: reader()});
          const other = await setup.create(thread);
          await wait(100);
          await other.adapter.react!({thread, commentId: comment.id, readerId: reader(), reacted: true});
          const deadline = Date.now() + (setup.liveTimeout ?? 5000);
          const arrived = () =>
            updates.some((u) => u.type === 'changed' && idOf(u.comment) === comment.id && field(u.comment, 'reactions') === 1);
          while (!arrived()) {
            check(Date.now() < deadline, 'no {type: "changed"} update with reactions: 1 arrived in time');
            await wait(50);
          }
        } finally {
          stop();
        }
      },
    },
    {
      name: 'sorted by reactions, the pages hold every comment once, most reactions first',
      skipped: sortSkipped,
      run: async () => {
        const {adapter, thread} = await sortable();
        const comments = await ranked(adapter, thread, [1, 3, 0, 2, 4]);
        const reply = await post(adapter, thread, 'Antwort bleibt dabei', comments[1].comment.id);
        const records = await loadAll(adapter, thread, 'reactions', 2);
        const ids = records.map(idOf);
        for (const {id} of [...comments.map((c) => c.comment), reply]) check(ids.includes(id), `comment ${id} is missing from the pages (reactions)`);
        check(new Set(ids).size === ids.length, `some comments appear on more than one page (reactions): ${ids.join(', ')}`);
        const top = parseComments(records).comments.filter((c) => c.parentId === null);
        check(top.map((c) => c.reactions).join(',') === '4,3,2,1,0', `expected 4,3,2,1,0 reactions in order, got ${top.map((c) => c.reactions)}`);
      },
    },
    {
      name: 'sorted by reactions, counts that change between pages repeat no comment',
      skipped: sortSkipped,
      run: async () => {
        const {adapter, thread, react} = await sortable();
        const comments = await ranked(adapter, thread, [2, 0, 5, 1, 3, 0]);
        const first = await adapter.load({thread, cursor: null, sort: 'reactions', limit: 2});
        // The first page's most liked loses its reactions (it would sort last now); the least liked rises to the top.
        const [liked, least] = [comments[2], comments[5]];
        for (const readerId of liked.readers) await react({thread, commentId: liked.comment.id, readerId, reacted: false});
        for (let i = 0; i < 6; i++) await react({thread, commentId: least.comment.id, readerId: reader(), reacted: true});
        const ids = first.comments.map(idOf);
        let cursor = first.nextCursor;
        for (let pages = 0; cursor !== null && pages < 20; pages++) {
          const page = await adapter.load({thread, cursor, sort: 'reactions', limit: 2});
          ids.push(...page.comments.map(idOf));
          cursor = page.nextCursor;
        }
        check(new Set(ids).size === ids.length, `a comment came twice after counts changed: ${ids.join(', ')}`);
      },
    },
    {
      name: 'counts() counts many discussions in one call, 0 for one without comments',
      skipped: setup.skip?.counts,
      run: async () => {
        const one = await setup.create();
        const two = await setup.create();
        check(typeof one.adapter.counts === 'function', 'the adapter has no counts() (skip: {counts: "why"} says so)');
        const root = await post(one.adapter, one.thread, 'Eins');
        await post(one.adapter, one.thread, 'Zwei');
        await post(one.adapter, one.thread, 'Antwort', root.id);
        await post(two.adapter, two.thread, 'Drei');
        const empty = `${two.thread}-leer`;
        const threads = [one.thread, two.thread, empty];
        const counts = parseCounts(await one.adapter.counts({threads}), threads);
        const got = JSON.stringify(Object.fromEntries(counts));
        check(counts.get(one.thread) === 3, `the first discussion has 3 comments (all levels), got ${got}`);
        check(counts.get(two.thread) === 1, `the second discussion has 1 comment, got ${got}`);
        check(counts.get(empty) === 0, `a discussion without comments counts 0, got ${got}`);
      },
    },
  ];
}
