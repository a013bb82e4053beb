import {expect} from '@open-wc/testing';
import {CommentDataError, type DataErrorCode} from '../src/model/errors.js';
import {parseComments} from '../src/model/parse.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import type {CommentsDataErrorEvent} from '../src/events.js';
import {ManualClock} from '../src/time/clock.js';
import {record, renderDiscussion} from './harness.js';

const clock = new ManualClock('2026-11-25T16:00:00Z');

/** Collects uncaught errors and console errors while a test runs. */
function watchConsole() {
  const problems: string[] = [];
  const onError = (event: ErrorEvent) => problems.push(String(event.message));
  const onRejection = (event: PromiseRejectionEvent) => problems.push(String(event.reason));
  const original = console.error;
  console.error = (...args: unknown[]) => problems.push(args.join(' '));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    problems,
    stop() {
      console.error = original;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

function codes(errors: readonly CommentDataError[]): DataErrorCode[] {
  return errors.map((error) => error.code);
}

describe('bad data', () => {
  it('gives a typed error for each kind of problem and still renders the rest', async () => {
    const watch = watchConsole();
    const events: CommentsDataErrorEvent[] = [];
    const onDataError = (event: CommentsDataErrorEvent) => events.push(event);
    document.addEventListener('comments-data-error', onDataError);
    try {
      const view = await renderDiscussion(
        [
          record({id: 'ok', author: {name: 'Gut'}}),
          'kein Objekt',
          {author: {name: 'Ohne Id'}, body: 'x', createdAt: '2026-11-25T12:00:00Z'},
          record({id: 'ok', author: {name: 'Doppelt'}}),
          record({id: 'a', parentId: 'b', author: {name: 'Kreis A'}}),
          record({id: 'b', parentId: 'a', author: {name: 'Kreis B'}}),
          record({id: 'self', parentId: 'self', author: {name: 'Selbst'}}),
          record({id: 'date', author: {name: 'Datum'}, createdAt: 'gestern Abend'}),
          {id: 'noname', author: {}, body: 'Wer bin ich?', createdAt: '2026-11-25T12:00:00Z'},
          {id: 'nobody', author: {name: 'Stumm'}, createdAt: '2026-11-25T12:00:00Z'},
          record({id: 'status', author: {name: 'Status'}, status: 'spam' as never}),
          record({id: 'orphan', parentId: 'gone', author: {name: 'Waise'}}),
        ],
        {clock}
      );
      const errors = view.element.dataErrors;
      expect(errors.every((error) => error instanceof CommentDataError)).to.be.true;
      expect(codes(errors)).to.include.members([
        'not-an-object',
        'missing-field',
        'duplicate-id',
        'reply-cycle',
        'invalid-date',
        'invalid-field',
      ]);
      const find = (code: DataErrorCode, id?: string) =>
        errors.find((error) => error.code === code && (id === undefined || error.details.commentId === id));
      expect(find('not-an-object')!.details.index).to.equal(1);
      expect(find('missing-field')!.details).to.include({field: 'id', index: 2});
      expect(find('duplicate-id', 'ok')).to.exist;
      expect(find('reply-cycle', 'a')).to.exist;
      expect(find('reply-cycle', 'self')).to.exist;
      expect(find('invalid-date', 'date')!.details.field).to.equal('createdAt');
      expect(find('missing-field', 'noname')!.details.field).to.equal('author.name');
      expect(find('missing-field', 'nobody')!.details.field).to.equal('body');
      expect(find('invalid-field', 'status')!.details.field).to.equal('status');
      // A reply whose parent is missing is simply shown at the top level.
      expect(errors.some((error) => error.details.commentId === 'orphan')).to.be.false;
      // Problems with the thread's structure come from the store, the rest as each record is shown.
      expect(events.flatMap((event) => event.errors)).to.have.members([...errors]);

      // What can be shown is shown.
      const authors = view.comments().map((c) => view.author(c));
      expect(authors).to.include.members(['Gut', 'Kreis A', 'Kreis B', 'Selbst', 'Datum', 'Unbekannt', 'Stumm', 'Status', 'Waise']);
      expect(authors).not.to.include('Doppelt');
      expect(view.parentOf(view.comment('Kreis B'))).to.equal(view.comment('Kreis A'));
      expect(view.parentOf(view.comment('Waise'))).to.equal(null);
      // The time is also the permalink: its hidden rest names the link.
      expect(view.comment('Datum').querySelector('.time')!.textContent!.trim()).to.equal('Zeitpunkt unbekannt – Link zum Kommentar von Datum');
      expect(view.comment('Stumm').querySelector('[part~="placeholder"]')!.textContent).to.equal(
        'Dieser Kommentar kann nicht angezeigt werden.'
      );
      expect(view.comment('Status').querySelector('[part~="body"]')).to.equal(null);
      expect(view.root.querySelector('.notice')!.textContent).to.match(/Kommentare konnten nicht vollständig angezeigt werden\./);
      expect(watch.problems).to.deep.equal([]);
    } finally {
      watch.stop();
      document.removeEventListener('comments-data-error', onDataError);
    }
  });

  it('reports inline JSON that does not parse, and shows an empty discussion', async () => {
    const watch = watchConsole();
    try {
      const view = await renderDiscussion('[{"id": "a", ', {clock});
      expect(codes(view.element.dataErrors)).to.deep.equal(['invalid-json']);
      expect(view.heading()).to.equal('Noch keine Kommentare');
      expect(view.root.querySelector('.notice')!.textContent).to.equal('Die Kommentare dieser Seite können gerade nicht angezeigt werden.');
      expect(watch.problems).to.deep.equal([]);
    } finally {
      watch.stop();
    }
  });

  it('reports problems an adapter found in its own data', async () => {
    const thread = 'adapter-data';
    const adapter = new MemoryAdapter({[thread]: [record({id: 'x'}), record({id: 'x'})]}, {clock});
    const view = await renderDiscussion(null, {clock, thread, adapter});
    expect(codes(view.element.dataErrors)).to.deep.equal(['duplicate-id']);
    expect(view.root.querySelector('.notice')!.textContent).to.equal('Ein Kommentar konnte nicht vollständig angezeigt werden.');
  });

  it('accepts {"comments": [...]} as well as a bare array', async () => {
    const view = await renderDiscussion({comments: [record({id: 'w', author: {name: 'Verpackt'}})]}, {clock});
    expect(view.comments().map((c) => view.author(c))).to.deep.equal(['Verpackt']);
  });

  it('breaks a longer cycle once, at its first comment', () => {
    const {comments, errors} = parseComments([
      record({id: 'x', parentId: 'z'}),
      record({id: 'y', parentId: 'x'}),
      record({id: 'z', parentId: 'y'}),
    ]);
    expect(codes(errors)).to.deep.equal(['reply-cycle']);
    expect(comments.find((c) => c.id === 'x')!.parentId).to.equal(null);
    expect(comments.find((c) => c.id === 'y')!.parentId).to.equal('x');
  });

  it('reads epoch milliseconds, but not ones outside what a date can hold', async () => {
    const {comments, errors} = parseComments([record({id: 'ms', createdAt: 1795625137000 as never}), record({id: 'far', createdAt: 1e20 as never})]);
    expect(comments[0].createdAt).to.equal(1795625137000);
    expect(errors.map((e) => [e.code, e.details.commentId])).to.deep.equal([['invalid-date', 'far']]);
    const view = await renderDiscussion([record({id: 'far', author: {name: 'Zukunft'}, createdAt: 1e20 as never})], {clock});
    expect(view.comment('Zukunft').querySelector('.time')!.textContent!.trim()).to.equal('Zeitpunkt unbekannt – Link zum Kommentar von Zukunft');
  });

  it('reads dates strictly as ISO 8601', () => {
    const {comments, errors} = parseComments([
      record({id: 'iso', createdAt: '2026-11-24T18:03:00+01:00'}),
      record({id: 'us', createdAt: '11/24/2026'}),
      record({id: 'text', createdAt: 'November 24, 2026'}),
      record({id: 'bad', createdAt: '2026-13-45T99:99:00Z'}),
    ]);
    expect(comments[0].createdAt).to.equal(Date.parse('2026-11-24T17:03:00Z'));
    expect(errors.map((e) => e.details.commentId)).to.deep.equal(['us', 'text', 'bad']);
  });
});
