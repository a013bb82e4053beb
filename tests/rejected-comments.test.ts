import {expect} from '@open-wc/testing';
import type {LiveUpdate} from '../src/adapters/adapter.js';
import {NotFoundError, ValidationError} from '../src/adapters/errors.js';
import {isRecord} from '../src/model/is-record.js';
import {parseComments, readId} from '../src/model/parse.js';
import {freshThread, record, until} from './harness.js';
import {restAdapter, seedServer} from './reference-server.js';

const idOf = (value: unknown) => (isRecord(value) ? readId(value.id) : undefined);
const failure = (promise: Promise<unknown>) => promise.then(() => new Error('expected a failure'), (error: unknown) => error);

describe('rejected comments', () => {
  it('are a status of the comment format', () => {
    const {comments, errors} = parseComments([record({id: 'r1', status: 'rejected'})]);
    expect(errors).to.have.length(0);
    expect(comments[0]).to.include({status: 'rejected', readable: true, body: 'Text von r1'});
  });

  it('go to their author only: the REST answer to the post, never the list, the changes or the stream', async () => {
    const thread = freshThread('rejected');
    await seedServer(thread, ['c1']);
    const author = await restAdapter();
    const other = await restAdapter({live: 'auto'});
    const polling = await restAdapter({live: 'poll', pollInterval: 100});
    const seen: LiveUpdate[] = [];
    const stops = [other, polling].map((adapter) => adapter.subscribe(thread, (update) => seen.push(update)));
    try {
      await other.load({thread, cursor: null, sort: 'newest', limit: 10});
      await polling.load({thread, cursor: null, sort: 'newest', limit: 10});
      // The reference server's test hook: "[[reject]]" makes moderation refuse the comment.
      const answer = await author.post({thread, parentId: null, author: {name: 'Troll'}, body: 'Unsinn [[reject]]', quote: null, idempotencyKey: `r-${thread}`});
      const [rejected] = parseComments([answer]).comments;
      expect(rejected).to.include({status: 'rejected', body: 'Unsinn [[reject]]'});
      const later = await author.post({thread, parentId: null, author: {name: 'Lea'}, body: 'Sachlich', quote: null, idempotencyKey: `p-${thread}`});

      // Both subscribers get the published comment (stream and polling), neither the rejected one.
      await until(() => seen.filter((u) => u.type !== 'discussion' && idOf(u.comment) === idOf(later)).length === 2, 'the published comment, live');
      expect(seen.some((u) => u.type !== 'discussion' && idOf(u.comment) === rejected.id)).to.equal(false);
      const page = await other.load({thread, cursor: null, sort: 'newest', limit: 10});
      expect(page.comments.map(idOf)).to.have.members(['c1', idOf(later)]);
      expect(page.total).to.equal(2);
      expect(NotFoundError.is(await failure(other.locate({thread, id: rejected.id})))).to.equal(true);
      // Nobody can answer or report what nobody sees.
      const reply = await failure(other.post({thread, parentId: rejected.id, author: {name: 'X'}, body: 'Hä?', quote: null, idempotencyKey: `x-${thread}`}));
      expect(ValidationError.is(reply) && reply.fieldErrors).to.have.property('parentId');
      const report = await failure(other.report({thread, commentId: rejected.id, reason: 'spam', details: '', notice: null, idempotencyKey: `s-${thread}`}));
      expect(NotFoundError.is(report)).to.equal(true);
    } finally {
      for (const stop of stops) stop();
    }
  });
});
