import {expect} from '@open-wc/testing';
import type {LiveUpdate, ReactRequest} from '../src/adapters/adapter.js';
import {ServerError} from '../src/adapters/errors.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import {readerId} from '../src/drafts/reader-id.js';
import {freshThread, record, renderDiscussion, until} from './harness.js';

/** A memory backend that counts reaction requests, can fail them, and lets the test push live updates. */
class TestAdapter extends MemoryAdapter {
  requests: ReactRequest[] = [];
  failNext = 0;
  delay = 0;
  push: ((update: LiveUpdate) => void) | undefined;
  override async react(request: ReactRequest) {
    this.requests.push(request);
    if (this.delay) await new Promise((resolve) => setTimeout(resolve, this.delay));
    if (this.failNext > 0) {
      this.failNext--;
      throw new ServerError(503);
    }
    return super.react(request);
  }
  override subscribe(thread: string, onUpdate: (update: LiveUpdate) => void) {
    this.push = onUpdate;
    return super.subscribe(thread, onUpdate);
  }
}

const button = (article: HTMLElement) => article.querySelector<HTMLButtonElement>('[part~="reaction"]')!;
const count = (article: HTMLElement) => button(article).querySelector('[part~="reaction-count"]')!.textContent!.trim();

describe('reactions ("Empfehlen")', () => {
  it('toggles with its count at once, pressed, announced, and stored once per reader', async () => {
    const thread = freshThread('react');
    const adapter = new TestAdapter({[thread]: [record({id: 'a', author: {name: 'Anna'}, reactions: 4})]});
    const view = await renderDiscussion(null, {thread, adapter});
    const anna = view.comment('Anna');
    expect(button(anna).textContent!.replace(/\s+/g, ' ').trim()).to.equal('Empfehlen 4');
    expect(button(anna).getAttribute('aria-pressed')).to.equal('false');
    button(anna).click();
    await view.element.updateComplete;
    expect(count(anna)).to.equal('5');
    expect(button(anna).getAttribute('aria-pressed')).to.equal('true');
    await until(() => view.announcement() === 'Sie empfehlen den Kommentar von Anna.', 'the announcement');
    await until(() => adapter.requests.length === 1, 'the request');
    expect(adapter.requests[0]).to.include({commentId: 'a', reacted: true, readerId: readerId()});
    // A reload shows the stored state for this reader.
    view.element.remove();
    const again = await renderDiscussion(null, {thread, adapter});
    expect(count(again.comment('Anna'))).to.equal('5');
    expect(button(again.comment('Anna')).getAttribute('aria-pressed')).to.equal('true');
  });

  it('never counts twice: clicks while a request runs end in the last wish, sent once it runs out', async () => {
    const thread = freshThread('react-double');
    const adapter = new TestAdapter({[thread]: [record({id: 'a', author: {name: 'Anna'}}), record({id: 'b', author: {name: 'Ben'}})]});
    adapter.delay = 50;
    const view = await renderDiscussion(null, {thread, adapter});
    const stored = async (id: string) => {
      const page = await adapter.load({thread, cursor: null, sort: 'newest', limit: 10, readerId: readerId()});
      return (page.comments as {id: string; reactions: number}[]).find((comment) => comment.id === id)!.reactions;
    };
    // Three clicks on Anna's: on, off, on. One request (on) is running; the last wish equals it.
    const anna = view.comment('Anna');
    for (let i = 0; i < 3; i++) button(anna).click();
    await view.element.updateComplete;
    expect(count(anna)).to.equal('1');
    await until(() => adapter.requests.length === 1, 'the request');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(adapter.requests.map((request) => [request.commentId, request.reacted])).to.deep.equal([['a', true]]);
    expect(await stored('a')).to.equal(1);
    // Two clicks on Ben's: on, off. After the first answer the last wish (off) is sent.
    const ben = view.comment('Ben');
    button(ben).click();
    button(ben).click();
    await until(() => adapter.requests.length === 3, 'the last wish sent');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(adapter.requests.slice(1).map((request) => [request.commentId, request.reacted])).to.deep.equal([['b', true], ['b', false]]);
    expect(count(ben)).to.equal('0');
    expect(await stored('b')).to.equal(0);
  });

  it('goes back and says why when the backend refuses', async () => {
    const thread = freshThread('react-fail');
    const adapter = new TestAdapter({[thread]: [record({id: 'a', author: {name: 'Anna'}, reactions: 2})]});
    adapter.failNext = 1;
    const view = await renderDiscussion(null, {thread, adapter, attributes: {'reaction-label': 'Respekt'}});
    const anna = view.comment('Anna');
    expect(button(anna).textContent!.replace(/\s+/g, ' ').trim()).to.equal('Respekt 2');
    button(anna).click();
    await until(() => view.announcement().startsWith('Ihre Empfehlung konnte nicht gespeichert werden.'), 'the message');
    expect(view.announcement()).to.contain('Auf dem Server ist ein Fehler aufgetreten.');
    expect(count(anna)).to.equal('2');
    expect(button(anna).getAttribute('aria-pressed')).to.equal('false');
  });

  it('shows a count without a button on the reader’s own comment, and offers "Meiste Empfehlungen"', async () => {
    const thread = freshThread('react-own');
    const adapter = new TestAdapter({[thread]: [record({id: 'a', author: {name: 'Anna'}, reactions: 9}), record({id: 'b', author: {name: 'Ben'}})]});
    const view = await renderDiscussion(null, {thread, adapter});
    const form = await view.composer();
    await form.write('Meins', 'Ich');
    await form.send();
    const mine = await until(() => view.comments().find((article) => view.author(article) === 'Ich'), 'the own comment');
    expect(mine.querySelector('[part~="reaction"]')).to.equal(null);
    const options = [...view.root.querySelectorAll('select option')].map((option) => option.textContent!.trim());
    expect(options).to.include('Meiste Empfehlungen');
    const select = view.root.querySelector('select')!;
    select.value = 'reactions';
    select.dispatchEvent(new Event('change'));
    await until(() => view.author(view.comments()[0]) === 'Anna', 'the most recommended first');
  });
});

describe('editors’ picks and pinned comments', () => {
  it('shows the picks’ badge and a view of them only when there is one; a pinned comment comes first', async () => {
    const thread = freshThread('picks');
    const view = await renderDiscussion(null, {
      thread,
      adapter: new TestAdapter({
        [thread]: [
          record({id: 'new', author: {name: 'Neu'}, createdAt: '2026-11-25T15:00:00Z'}),
          record({id: 'old', author: {name: 'Alt'}, createdAt: '2026-11-25T09:00:00Z', pinned: true}),
          record({id: 'pick', parentId: 'new', author: {name: 'Gut'}, featured: true, createdAt: '2026-11-25T15:10:00Z'}),
        ],
      }),
    });
    expect(view.author(view.comments()[0])).to.equal('Alt');
    expect(view.comment('Alt').querySelector('[part~="pinned"]')!.textContent).to.equal('Angeheftet');
    expect(view.comment('Gut').querySelector('[part~="featured"]')!.textContent).to.equal('Redaktionsempfehlung');
    const filters = [...view.root.querySelectorAll<HTMLButtonElement>('[part~="filter"]')];
    expect(filters.map((filter) => filter.textContent!.trim())).to.deep.equal(['Alle Kommentare', 'Redaktionsempfehlungen (1)']);
    filters[1].click();
    await until(() => view.comments().length === 1, 'only the picks');
    expect(view.author(view.comments()[0])).to.equal('Gut');
    expect(view.comments()[0].querySelector('[part~="reply-to"]')!.textContent).to.contain('Neu');
    expect(filters[1].getAttribute('aria-pressed')).to.equal('true');

    const plain = await renderDiscussion([record({id: 'x'}), record({id: 'y'})]);
    expect(plain.root.querySelector('[part~="filter"]')).to.equal(null);
    const opening = await renderDiscussion(null, {thread, adapter: new TestAdapter({[thread]: [record({id: 'p', author: {name: 'Pick'}, featured: true}), record({id: 'q'})]}), attributes: {filter: 'featured'}});
    expect(opening.comments().map((article) => opening.author(article))).to.deep.equal(['Pick']);
  });
});

describe('question mode', () => {
  it('asks for questions, marks answered ones, shows the answer first, and filters, also live', async () => {
    const thread = freshThread('qa');
    const adapter = new TestAdapter(
      {
        [thread]: [
          record({id: 'q1', author: {name: 'Fragende'}, body: 'Wann kommt das erste Modell?', createdAt: '2026-11-25T10:00:00Z'}),
          record({id: 'r1', parentId: 'q1', author: {name: 'Leser'}, createdAt: '2026-11-25T10:05:00Z'}),
          record({id: 'a1', parentId: 'q1', author: {name: 'Julia Weber', role: 'staff'}, createdAt: '2026-11-25T10:10:00Z'}),
          record({id: 'q2', author: {name: 'Offene Frage'}, createdAt: '2026-11-25T11:00:00Z'}),
        ],
      },
      {qa: [thread]}
    );
    const view = await renderDiscussion(null, {thread, adapter});
    expect(view.root.querySelector('[part~="composer-start"]')!.textContent!.trim()).to.equal('Stellen Sie eine Frage …');
    const form = await view.composer();
    expect(form.root.querySelector('label[for="body"]')!.textContent).to.equal('Ihre Frage');
    expect(view.comment('Fragende').querySelector('[part~="answered"]')!.textContent).to.equal('Beantwortet');
    expect(view.comment('Offene Frage').querySelector('[part~="answered"]')).to.equal(null);
    expect(view.repliesOf(view.comment('Fragende')).map((article) => view.author(article))).to.deep.equal(['Julia Weber', 'Leser']);
    expect(view.comment('Julia Weber').querySelector('[part~="answer-label"]')!.textContent).to.equal('Antwort der Redaktion');
    const labels = () => [...view.root.querySelectorAll('[part~="filter"]')].map((filter) => filter.textContent!.trim());
    expect(labels()).to.deep.equal(['Alle (2)', 'Beantwortet (1)', 'Offen (1)']);
    view.root.querySelectorAll<HTMLButtonElement>('[part~="filter"]')[2].click();
    await until(() => view.comments().length === 1, 'the open questions');
    expect(view.author(view.comments()[0])).to.equal('Offene Frage');
    // An expert answers live: the question leaves "Offen".
    adapter.push!({type: 'added', comment: record({id: 'a2', parentId: 'q2', author: {name: 'Dr. Expertin', role: 'expert'}, createdAt: new Date().toISOString()})});
    await until(() => labels()[1] === 'Beantwortet (2)', 'the counts');
    expect(labels()).to.deep.equal(['Alle (2)', 'Beantwortet (2)', 'Offen (0)']);
    view.root.querySelectorAll<HTMLButtonElement>('[part~="filter"]')[1].click();
    await until(() => view.comments().filter((article) => !view.parentOf(article)).length === 2, 'both answered');
    expect(view.comment('Dr. Expertin').querySelector('[part~="answer-label"]')!.textContent).to.equal('Antwort von Expert:in');
  });
});
