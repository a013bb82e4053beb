import {expect} from '@open-wc/testing';
import {ClosedError, NotFoundError, ValidationError} from '../src/adapters/errors.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import type {LiveUpdate} from '../src/adapters/adapter.js';
import type {CommentRecord, SortOrder} from '../src/model/comment.js';
import {isRecord} from '../src/model/is-record.js';
import {readId} from '../src/model/parse.js';
import {ManualClock} from '../src/time/clock.js';
import {record} from './harness.js';

const clock = new ManualClock('2026-11-25T16:00:00Z');

/** The id of a record the adapter handed out (unchecked, so `unknown`). */
const idOf = (record: unknown) => (isRecord(record) ? readId(record.id) : undefined);

function seed(count: number): CommentRecord[] {
  const records: CommentRecord[] = [];
  for (let i = 0; i < count; i++) {
    // Pairs share a timestamp so paging must break ties by id.
    const createdAt = new Date(Date.parse('2026-11-25T08:00:00Z') + Math.floor(i / 2) * 60_000).toISOString();
    records.push(record({id: `t${i}`, createdAt}));
    records.push(record({id: `t${i}r`, parentId: `t${i}`, createdAt}));
  }
  return records;
}

async function loadAll(adapter: MemoryAdapter, sort: SortOrder, limit: number, between?: () => Promise<unknown>) {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await adapter.load({thread: 'x', cursor, sort, limit});
    ids.push(...page.comments.map(idOf).filter((id) => id !== undefined));
    cursor = page.nextCursor;
    await between?.();
  } while (cursor);
  return ids;
}

const post = (adapter: MemoryAdapter, body: string, extra: Partial<Parameters<MemoryAdapter['post']>[0]> = {}) =>
  adapter.post({thread: 'x', parentId: null, author: {name: 'Neu'}, body, quote: null, idempotencyKey: body, ...extra});

describe('the in-memory adapter', () => {
  it('pages in both orders without loss or duplicates, even while comments are posted', async () => {
    for (const sort of ['newest', 'oldest'] as const) {
      const adapter = new MemoryAdapter({x: seed(23)}, {clock});
      let n = 0;
      const ids = await loadAll(adapter, sort, 4, () => post(adapter, `live ${sort} ${n++}`));
      const seeded = ids.filter((id) => id.startsWith('t'));
      expect(seeded).to.have.length(46);
      expect(new Set(seeded).size).to.equal(46);
      // Every reply comes right after (or on the same page as) its parent.
      expect(seeded.indexOf('t7r')).to.equal(seeded.indexOf('t7') + 1);
    }
  });

  it('pages comments with ids in any script', async () => {
    const records = ['Kommentar–1', 'Ärger 😀', '评论', 'تعليق'].map((id, i) =>
      record({id, createdAt: new Date(Date.parse('2026-11-25T08:00:00Z') + i * 60_000).toISOString()})
    );
    const adapter = new MemoryAdapter({x: records}, {clock});
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await adapter.load({thread: 'x', cursor, sort: 'newest', limit: 1});
      ids.push(...page.comments.map(idOf).filter((id) => id !== undefined));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).to.deep.equal(['تعليق', '评论', 'Ärger 😀', 'Kommentar–1']);
  });

  it('stores a post once per idempotency key and returns server id and time', async () => {
    const adapter = new MemoryAdapter({}, {clock});
    const first = await post(adapter, 'einmal', {idempotencyKey: 'k1'});
    const again = await post(adapter, 'einmal', {idempotencyKey: 'k1'});
    expect(idOf(again)).to.equal(idOf(first));
    expect(first).to.have.property('createdAt', '2026-11-25T16:00:00.000Z');
    const page = await adapter.load({thread: 'x', cursor: null, sort: 'newest', limit: 10});
    expect(page.comments).to.have.length(1);
  });

  it('rejects bad posts with typed errors', async () => {
    const adapter = new MemoryAdapter({x: seed(1)}, {clock, closed: ['shut']});
    const invalid = await post(adapter, '  ').catch((error) => error);
    expect(ValidationError.is(invalid)).to.equal(true);
    expect(invalid).to.have.nested.property('fieldErrors.body', 'Bitte schreiben Sie einen Kommentar.');
    expect(NotFoundError.is(await post(adapter, 'x', {parentId: 'nope'}).catch((e) => e))).to.equal(true);
    expect(ClosedError.is(await post(adapter, 'x', {thread: 'shut'}).catch((e) => e))).to.equal(true);
  });

  it('finds a comment with its ancestors', async () => {
    const adapter = new MemoryAdapter({x: seed(3)}, {clock});
    const path = await adapter.locate({thread: 'x', id: 't2r'});
    expect(path.map(idOf)).to.deep.equal(['t2', 't2r']);
    expect(NotFoundError.is(await adapter.locate({thread: 'x', id: 'nope'}).catch((e) => e))).to.equal(true);
  });

  it('tells subscribers about new comments after the poster has its answer', async () => {
    const adapter = new MemoryAdapter({}, {clock});
    const updates: LiveUpdate[] = [];
    const stop = adapter.subscribe('x', (update) => updates.push(update));
    const stored = await post(adapter, 'live');
    expect(updates).to.have.length(0);
    await new Promise((resolve) => setTimeout(resolve));
    expect(updates.map((u) => (u.type === 'discussion' ? u.type : idOf(u.comment)))).to.deep.equal([idOf(stored)]);
    stop();
    await post(adapter, 'still');
    await new Promise((resolve) => setTimeout(resolve));
    expect(updates).to.have.length(1);
  });

  it('reports problems in its seed data', () => {
    const adapter = new MemoryAdapter({x: [record({id: 'a'}), record({id: 'a'}), 42]}, {clock});
    expect(adapter.dataErrors.map((e) => e.code)).to.deep.equal(['duplicate-id', 'not-an-object']);
  });
});
