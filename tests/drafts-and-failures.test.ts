import {expect} from '@open-wc/testing';
import type {PostRequest} from '../src/adapters/adapter.js';
import {NetworkError, RateLimitedError, ServerError, ValidationError} from '../src/adapters/errors.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import {draftKey} from '../src/drafts/draft-store.js';
import type {CommentPostFailedEvent} from '../src/events.js';
import {ManualClock} from '../src/time/clock.js';
import {freshThread, record, renderDiscussion, until} from './harness.js';

const clock = new ManualClock('2026-11-25T16:00:00Z');

/** Fails the next `failures` posts with the given errors, then stores normally. */
class FlakyAdapter extends MemoryAdapter {
  attempts: PostRequest[] = [];
  constructor(private failures: Error[]) {
    super({}, {clock});
  }
  override async post(request: PostRequest) {
    this.attempts.push(request);
    const failure = this.failures.shift();
    if (failure) throw failure;
    return super.post(request);
  }
}

describe('failed posts and drafts', () => {
  it('keeps the text after a failed post, says why in German, and sending again works', async () => {
    const adapter = new FlakyAdapter([new NetworkError(), new ServerError(503)]);
    const view = await renderDiscussion(null, {clock, adapter});
    const failures: CommentPostFailedEvent[] = [];
    view.element.addEventListener('comment-post-failed', (event) => failures.push(event));
    const form = await view.composer();
    await form.write('Bitte nicht verlieren.', 'Vorsichtig');

    await form.send();
    expect(form.errors().join(' ')).to.contain('Keine Verbindung zum Server.');
    expect(form.errors().join(' ')).to.contain('Ihr Text bleibt erhalten.');
    expect(form.textarea.value).to.equal('Bitte nicht verlieren.');
    expect(failures[0].error.kind).to.equal('network');

    await form.send();
    expect(form.errors().join(' ')).to.contain('Auf dem Server ist ein Fehler aufgetreten.');
    expect(form.textarea.value).to.equal('Bitte nicht verlieren.');

    await form.send();
    await until(() => view.comments().length === 1, 'the comment after the retry');
    expect(form.textarea.value).to.equal('');
    expect(form.errors()).to.deep.equal([]);
    // Every retry of one draft carries the same idempotency key.
    expect(new Set(adapter.attempts.map((attempt) => attempt.idempotencyKey)).size).to.equal(1);
  });

  it('shows the server’s field messages and a wait time when rate limited', async () => {
    const adapter = new FlakyAdapter([
      new ValidationError({body: 'Bitte keine Links zu Shops.'}),
      new RateLimitedError(clock.now() + 30_000),
    ]);
    const view = await renderDiscussion(null, {clock, adapter});
    const form = await view.composer();
    await form.write('https://example.com/shop', 'Händler');
    await form.send();
    expect(form.errors()).to.include('Bitte keine Links zu Shops.');
    expect(form.textarea.getAttribute('aria-invalid')).to.equal('true');
    await form.send();
    expect(form.errors().join(' ')).to.contain('Bitte warten Sie 30\u00a0Sekunden.');
    expect(form.textarea.value).to.equal('https://example.com/shop');
  });

  it('restores a draft after a reload, and forgets it once posted', async () => {
    const thread = freshThread('reload');
    const records = [record({id: 'a', author: {name: 'Anna'}})];
    let view = await renderDiscussion(records, {clock, thread});
    let form = await view.composer();
    await form.write('Halb geschrieben …');
    expect(localStorage.getItem(draftKey(thread, null))).to.contain('Halb geschrieben');

    // A reload: the element goes away and a new one for the same thread comes,
    // with the form already open because a draft is waiting.
    view.element.remove();
    view = await renderDiscussion(records, {clock, thread});
    expect(view.root.querySelector('[data-action="compose"]')).to.equal(null);
    form = await view.composer();
    expect(form.textarea.value).to.equal('Halb geschrieben …');
    await until(() => form.notice() === 'Ihr Entwurf wurde wiederhergestellt.', 'the notice');
    expect(form.root.querySelector('.notice')!.getAttribute('role')).to.equal('status');

    await form.write('Halb geschrieben … und fertig.', 'Geduldig');
    await form.send();
    await until(() => view.comments().length === 2, 'the posted comment');
    expect(localStorage.getItem(draftKey(thread, null))).to.equal(null);
  });

  it('keeps reply drafts per comment, also when the form is cancelled', async () => {
    const thread = freshThread('replies');
    const records = [record({id: 'a', author: {name: 'Anna'}}), record({id: 'b', author: {name: 'Bernd'}})];
    const view = await renderDiscussion(records, {clock, thread});
    let form = await view.openReply(view.comment('Anna'));
    await form.write('An Anna');
    form.element.cancel();
    await until(() => !form.element.isConnected, 'the form to close');

    form = await view.openReply(view.comment('Bernd'));
    expect(form.textarea.value).to.equal('');
    await form.write('An Bernd');

    form = await view.openReply(view.comment('Anna'));
    expect(form.textarea.value).to.equal('An Anna');
    expect(localStorage.getItem(draftKey(thread, 'b'))).to.contain('An Bernd');
  });

  it('restores a quote with its draft', async () => {
    const thread = freshThread('quote');
    const records = [record({id: 'q', author: {name: 'Quelle'}, body: 'Ein zitierfähiger Satz.'})];
    let view = await renderDiscussion(records, {clock, thread});
    let form = await view.openReply(view.comment('Quelle'), 'quote');
    await form.write('Dazu meine Meinung');
    view.element.remove();

    view = await renderDiscussion(records, {clock, thread});
    form = await view.openReply(view.comment('Quelle'));
    expect(form.textarea.value).to.equal('Dazu meine Meinung');
    expect(form.quote()).to.equal('„Ein zitierfähiger Satz.“');
  });

  it('forgets drafts older than 30 days', async () => {
    const thread = freshThread('old');
    localStorage.setItem(
      draftKey(thread, null),
      JSON.stringify({body: 'Vom letzten Monat', quote: null, idempotencyKey: 'k', savedAt: clock.now() - 31 * 24 * 3600_000})
    );
    const view = await renderDiscussion([], {clock, thread});
    expect(view.root.querySelector('[data-action="compose"]')).to.exist;
    const form = await view.composer();
    expect(form.textarea.value).to.equal('');
  });

  it('keeps working when storage is unavailable', async () => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      const view = await renderDiscussion(null, {clock, adapter: new MemoryAdapter({}, {clock})});
      const form = await view.composer();
      await form.write('Ohne Speicher', 'Privat');
      await form.send();
      await until(() => view.comments().length === 1, 'the comment');
    } finally {
      Storage.prototype.setItem = original;
    }
  });
});
