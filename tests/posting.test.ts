import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import type {CommentRecord} from '../src/model/comment.js';
import type {PostRequest} from '../src/adapters/adapter.js';
import {CommentSendEvent} from '../src/events.js';
import {ManualClock} from '../src/time/clock.js';
import {freshThread, pressControlEnter, record, renderDiscussion, until} from './harness.js';

const clock = new ManualClock('2026-11-25T16:00:00Z');

function discussion(): CommentRecord[] {
  return [
    record({id: 'c1', author: {name: 'Tifosi_1947'}, body: 'gehört Ferrari nicht zu Fiat?', createdAt: '2026-11-24T17:03:00Z'}),
    record({id: 'c2', parentId: 'c1', author: {name: 'M. Brenner'}, body: 'Nicht mehr, das war mal so.', createdAt: '2026-11-24T17:41:00Z'}),
    record({id: 'c3', parentId: 'c2', author: {name: 'kev'}, body: 'krass.', createdAt: '2026-11-24T19:15:00Z'}),
    record({id: 'c4', author: {name: 'Sabine K.'}, body: 'Warum man nicht aus der Vergangenheit lernt …', createdAt: '2026-11-23T09:12:00Z'}),
  ];
}

/** A memory adapter that counts posts and can be slowed down. */
class CountingAdapter extends MemoryAdapter {
  posts: PostRequest[] = [];
  override async post(request: PostRequest) {
    this.posts.push(request);
    return super.post(request);
  }
}

describe('posting through the form', () => {
  it('puts a reply under the comment it answers, focuses and announces it', async () => {
    const thread = freshThread();
    const view = await renderDiscussion(discussion(), {clock, thread});
    const form = await view.openReply(view.comment('M. Brenner'));
    await form.write('Stimmt, seit 2016 ist Ferrari eigenständig.', 'Leserin Lea');
    await form.send();

    const lea = await until(() => view.comments().find((c) => view.author(c) === 'Leserin Lea'), 'the new reply');
    expect(view.author(view.parentOf(lea)!)).to.equal('M. Brenner');
    // Replies are oldest first: the new one comes after kev's.
    expect(view.repliesOf(view.comment('M. Brenner')).map((c) => view.author(c))).to.deep.equal(['kev', 'Leserin Lea']);
    expect(view.paragraphs(lea)).to.deep.equal(['Stimmt, seit 2016 ist Ferrari eigenständig.']);
    expect(view.time(lea).textContent!.trim()).to.equal('gerade\u00a0eben');
    await until(() => view.focused() === lea, 'focus on the new reply');
    await until(() => view.announcement() === 'Ihr Kommentar wurde veröffentlicht.', 'the announcement');
    expect(view.heading()).to.equal('5\u00a0Kommentare');
    // The reply form closed.
    expect(view.comment('M. Brenner').closest('li')!.querySelector(':scope > comment-reply')).to.equal(null);
  });

  it('opens the form for a new comment when the reader starts writing, focus in the text field', async () => {
    const view = await renderDiscussion(discussion(), {clock});
    expect(view.root.querySelector('comment-reply.composer')).to.equal(null);
    const start = view.root.querySelector<HTMLButtonElement>('[data-action="compose"]')!;
    expect(start.textContent!.trim()).to.equal('Schreiben Sie einen Kommentar …');
    start.focus();
    await sendKeys({press: 'Enter'});
    const form = await until(() => view.root.querySelector('comment-reply.composer'), 'the form');
    await until(() => view.focused() === form.shadowRoot!.querySelector('textarea'), 'focus in the text field');
  });

  it('puts a new top-level comment first when newest come first', async () => {
    const view = await renderDiscussion(discussion(), {clock});
    const form = await view.composer();
    await form.write('Ein neuer Gedanke.', 'Neu');
    await form.send();
    await until(() => view.author(view.comments()[0]) === 'Neu', 'the new comment on top');
    expect(view.parentOf(view.comments()[0])).to.equal(null);
    expect(form.textarea.value).to.equal('');
  });

  it('sends with Ctrl+Enter and closes a reply form with Escape', async () => {
    const view = await renderDiscussion(discussion(), {clock});
    let form = await view.openReply(view.comment('Sabine K.'));
    form.textarea.focus();
    await sendKeys({press: 'Escape'});
    await until(() => !view.comment('Sabine K.').closest('li')!.querySelector(':scope > comment-reply'), 'the form to close');
    await until(() => view.focused() === view.action(view.comment('Sabine K.'), 'reply'), 'focus back on "Antworten"');

    form = await view.openReply(view.comment('Sabine K.'));
    await until(() => view.focused() === form.textarea, 'focus in the text field');
    await sendKeys({type: 'Mit der Tastatur.'});
    await form.fill(form.nameField, 'Tasta Tur');
    form.textarea.focus();
    await pressControlEnter();
    await until(() => view.comments().some((c) => view.author(c) === 'Tasta Tur'), 'the reply sent by keyboard');
  });

  it('posts once however often "Senden" is clicked', async () => {
    const adapter = new CountingAdapter({}, {clock, latency: 30});
    const view = await renderDiscussion(null, {clock, adapter});
    const form = await view.composer();
    await form.write('Doppelklick!', 'Eilig');
    form.sendButton.click();
    form.sendButton.click();
    await form.element.updateComplete;
    expect(form.sendButton.getAttribute('aria-disabled')).to.equal('true');
    expect(form.sendButton.textContent!.trim()).to.equal('Wird gesendet …');
    // Nothing typed now could be lost when the form clears: the fields wait.
    expect(form.textarea.readOnly).to.be.true;
    form.sendButton.click();
    await form.idle();
    await until(() => view.comments().length === 1, 'the comment');
    expect(adapter.posts).to.have.length(1);
    expect(view.comments()).to.have.length(1);
  });

  it('validates in German and posts nothing while invalid', async () => {
    const adapter = new CountingAdapter({}, {clock});
    const view = await renderDiscussion(null, {clock, adapter});
    const form = await view.composer();
    await form.fill(form.nameField, '');
    await form.send();
    expect(form.errors()).to.include.members(['Bitte schreiben Sie einen Kommentar.', 'Bitte geben Sie einen Namen an.']);
    expect(form.textarea.getAttribute('aria-invalid')).to.equal('true');
    await until(() => form.root.activeElement === form.textarea, 'focus on the first invalid field');

    await form.write('x'.repeat(1950), 'Lang');
    expect(form.root.querySelector('.visually-hidden[role="status"]')!.textContent).to.equal('Noch 50\u00a0Zeichen übrig.');
    await form.write('x'.repeat(2001), 'Lang');
    expect(form.counter()).to.equal('2.001 / 2.000\u00a0Zeichen');
    expect(form.root.querySelector('.visually-hidden[role="status"]')!.textContent).to.equal('1\u00a0Zeichen zu viel.');
    await form.send();
    expect(form.errors()).to.deep.equal(['Ihr Kommentar ist 2.001 Zeichen lang – erlaubt sind höchstens 2.000.']);
    expect(adapter.posts).to.have.length(0);
    expect(form.textarea.value).to.have.length(2001);
  });

  it('asks for "eine Antwort" in a reply form', async () => {
    const view = await renderDiscussion(discussion(), {clock});
    const form = await view.openReply(view.comment('kev'));
    await form.write('', 'Jemand');
    await form.send();
    expect(form.errors()).to.deep.equal(['Bitte schreiben Sie eine Antwort.']);
  });

  it('lets a developer cancel sending through the comment-send event', async () => {
    const adapter = new CountingAdapter({}, {clock});
    const view = await renderDiscussion(null, {clock, adapter});
    const seen: CommentSendEvent[] = [];
    view.element.addEventListener('comment-send', (event) => {
      seen.push(event);
      event.preventDefault();
    });
    const form = await view.composer();
    await form.write('Erst anmelden', 'Gast');
    await form.send();
    expect(seen).to.have.length(1);
    expect(seen[0].draft).to.include({body: 'Erst anmelden', parentId: null});
    expect(adapter.posts).to.have.length(0);
    expect(form.textarea.value).to.equal('Erst anmelden');
  });

  it('quotes a comment with "Zitieren" and shows whom the reply quotes', async () => {
    const view = await renderDiscussion(discussion(), {clock});
    const form = await view.openReply(view.comment('Sabine K.'), 'quote');
    expect(form.quote()).to.equal('„Warum man nicht aus der Vergangenheit lernt …“');
    await form.write('Genau das.', 'Zitierer');
    await form.send();
    const reply = await until(() => view.comments().find((c) => view.author(c) === 'Zitierer'), 'the quoting reply');
    expect(reply.querySelector('figcaption')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Zitat aus dem Kommentar von Sabine K.'
    );
    expect(reply.querySelector('figcaption a')!.getAttribute('href')).to.equal('#comment-c4');
  });

  it('works on its own, outside <article-comments>', async () => {
    const adapter = new CountingAdapter({}, {clock});
    const form = document.createElement('comment-reply');
    form.thread = freshThread('standalone');
    form.adapter = adapter;
    document.body.append(form);
    try {
      await form.updateComplete;
      const posted: unknown[] = [];
      form.addEventListener('comment-posted', (event) => posted.push(event.comment));
      const textarea = form.shadowRoot!.querySelector('textarea')!;
      textarea.value = 'Allein unterwegs';
      textarea.dispatchEvent(new InputEvent('input'));
      const name = form.shadowRoot!.querySelector<HTMLInputElement>('input[name="name"]')!;
      name.value = 'Solo';
      name.dispatchEvent(new InputEvent('input'));
      expect(await form.send()).to.be.true;
      expect(posted).to.have.length(1);
      expect(adapter.posts[0]).to.include({thread: form.thread, body: 'Allein unterwegs', parentId: null});
      await form.updateComplete;
      expect(form.shadowRoot!.querySelector('.visually-hidden[role="status"]')!.textContent!.trim()).to.equal('Ihr Kommentar wurde gesendet.');
    } finally {
      form.remove();
    }
  });
});
