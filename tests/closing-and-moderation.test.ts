import {expect} from '@open-wc/testing';
import type {LiveUpdate} from '../src/adapters/adapter.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import {ManualClock} from '../src/time/clock.js';
import {freshThread, record, renderDiscussion, until} from './harness.js';

/** A memory backend whose live updates the test pushes itself. */
class PushingAdapter extends MemoryAdapter {
  push: ((update: LiveUpdate) => void) | undefined;
  override subscribe(thread: string, onUpdate: (update: LiveUpdate) => void) {
    this.push = onUpdate;
    return super.subscribe(thread, onUpdate);
  }
}

const CLOSED = 'Die Kommentarfunktion für diesen Artikel ist geschlossen.';

describe('closing a discussion', () => {
  it('closes at closes-at while the reader types: the text stays, read-only and copyable, with the notice', async () => {
    const clock = new ManualClock('2026-11-25T16:00:00Z');
    const view = await renderDiscussion([record({id: 'a', author: {name: 'Anna'}})], {clock, attributes: {'closes-at': '2026-11-25T16:05:00Z'}});
    const form = await view.composer();
    await form.write('Mein halber Gedanke', 'Leser');
    const reply = await view.openReply(view.comment('Anna'));
    await reply.write('Und meine Antwort');
    clock.advance(5 * 60_000);
    await until(() => form.textarea?.readOnly, 'the composer read-only');
    expect(form.textarea.value).to.equal('Mein halber Gedanke');
    expect(form.root.querySelector('[part~="closed"]')!.textContent).to.contain(CLOSED);
    expect(form.sendButton).to.equal(null);
    // The reply form keeps its text too, and no new reply can be started.
    await until(() => reply.textarea?.readOnly, 'the reply form read-only');
    expect(reply.textarea.value).to.equal('Und meine Antwort');
    expect(view.root.querySelector('[data-action="reply"]')).to.equal(null);
    // Sending is refused even by shortcut.
    expect(await form.element.send()).to.equal(false);
  });

  it('shows the closed notice (the publisher’s words, else the default) and reopens live', async () => {
    const thread = freshThread('close');
    const adapter = new PushingAdapter({[thread]: [record({id: 'a'})]});
    const view = await renderDiscussion(null, {thread, adapter});
    expect(view.root.querySelector('[data-action="compose"]')).to.exist;
    adapter.push!({type: 'discussion', discussion: {closed: true, closedMessage: 'Wir haben die Diskussion nach 48 Stunden geschlossen.'}});
    await until(() => view.root.querySelector('[part~="status"].closed'), 'the notice');
    expect(view.root.querySelector('.closed')!.textContent).to.equal('Wir haben die Diskussion nach 48 Stunden geschlossen.');
    expect(view.root.querySelector('[data-action="compose"]')).to.equal(null);
    adapter.push!({type: 'discussion', discussion: {closed: false}});
    await until(() => view.root.querySelector('[data-action="compose"]'), 'the composer again');
    const closedByAttribute = await renderDiscussion([record({id: 'b'})], {attributes: {closed: ''}});
    expect(closedByAttribute.root.querySelector('.closed')!.textContent).to.equal(CLOSED);
  });

  it('keeps "Melden" on a closed discussion', async () => {
    const view = await renderDiscussion([record({id: 'a', author: {name: 'Anna'}})], {attributes: {closed: ''}});
    expect(view.comment('Anna').querySelector('[part~="report"]')!.textContent!.trim()).to.equal('Melden');
  });
});

describe('moderation states the reader understands', () => {
  it('shows the author their rejected comment with the note and the netiquette; others never see it', async () => {
    const thread = freshThread('rejected');
    const records = [record({id: 'ok', author: {name: 'Andere'}}), record({id: 'mine', author: {name: 'Ich'}, status: 'rejected', body: 'Zu scharf formuliert.'})];
    // Another reader: the rejected comment is not there.
    const others = await renderDiscussion(records, {thread, attributes: {'netiquette-url': 'https://example.com/netiquette'}});
    expect(others.comments().map((c) => c.id)).to.deep.equal(['comment-ok']);
    others.element.remove();
    // Its author (this browser posted it): text, note and a link to the netiquette.
    localStorage.setItem(`article-comments:marks:v1:${encodeURIComponent(thread)}`, JSON.stringify({own: ['mine'], reported: []}));
    const author = await renderDiscussion(records, {thread, attributes: {'netiquette-url': 'https://example.com/netiquette'}});
    const mine = author.comment('#mine');
    expect(author.paragraphs(mine)).to.deep.equal(['Zu scharf formuliert.']);
    const note = mine.querySelector('[part~="placeholder"]')!;
    expect(note.textContent).to.contain('Ihr Kommentar wurde abgelehnt, weil er gegen unsere Netiquette verstößt.');
    expect(note.querySelector('a')!.getAttribute('href')).to.equal('https://example.com/netiquette');
    expect(mine.querySelector('[part~="report"]')).to.equal(null);
  });

  it('keeps the note on the reader’s own pending comment after a reload', async () => {
    const thread = freshThread('pending');
    class Premoderated extends MemoryAdapter {
      override async post(request: Parameters<MemoryAdapter['post']>[0]) {
        const stored = (await super.post(request)) as Record<string, unknown>;
        return {...stored, status: 'pending'};
      }
    }
    const adapter = new Premoderated({[thread]: []});
    const first = await renderDiscussion(null, {thread, adapter});
    const form = await first.composer();
    await form.write('Wird das freigeschaltet?', 'Geduldig');
    await form.send();
    await until(() => first.comments().length === 1, 'the own comment');
    const id = first.comments()[0].id.slice('comment-'.length);
    first.element.remove();
    // A reload: the backend sends the pending comment back (with its text, for its author).
    const reloaded = await renderDiscussion(null, {thread, adapter: new MemoryAdapter({[thread]: [record({id, author: {name: 'Geduldig'}, body: 'Wird das freigeschaltet?', status: 'pending'})]})});
    expect(reloaded.comment(`#${id}`).querySelector('[part~="placeholder"]')!.textContent).to.equal('Ihr Kommentar wird geprüft und ist erst danach für andere sichtbar.');
    expect(reloaded.paragraphs(reloaded.comment(`#${id}`))).to.deep.equal(['Wird das freigeschaltet?']);
  });

  it('takes a removed comment’s text away in place, and says so', async () => {
    const thread = freshThread('removed');
    const adapter = new PushingAdapter({[thread]: [record({id: 'a', author: {name: 'Anna'}, body: 'Etwas Beleidigendes'}), record({id: 'b', author: {name: 'Ben'}})]});
    const view = await renderDiscussion(null, {thread, adapter, attributes: {sort: 'oldest'}});
    const article = view.comment('#a');
    adapter.push!({type: 'changed', comment: record({id: 'a', author: {name: 'Anna'}, body: 'Etwas Beleidigendes', status: 'removed'})});
    await until(() => article.querySelector('[part~="placeholder"]'), 'the placeholder');
    expect(view.comment('#a')).to.equal(article);
    expect(article.textContent).not.to.contain('Etwas Beleidigendes');
    expect(article.querySelector('[part~="placeholder"]')!.textContent).to.equal('Dieser Kommentar wurde von der Redaktion entfernt.');
  });

  it('names the netiquette and the privacy policy beside "Senden", replaceable by a slot', async () => {
    const view = await renderDiscussion([record({id: 'a'})], {attributes: {'netiquette-url': 'https://example.com/netiquette', 'privacy-url': 'https://example.com/datenschutz'}});
    const form = await view.composer();
    const consent = form.root.querySelector('[part~="consent"]')!;
    expect(consent.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Mit dem Absenden akzeptieren Sie unsere Netiquette und Datenschutzerklärung.');
    expect([...consent.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.com/netiquette', 'https://example.com/datenschutz']);
    const bad = await renderDiscussion([record({id: 'a'})], {attributes: {'netiquette-url': 'javascript:alert(1)'}});
    expect((await bad.composer()).root.querySelector('[part~="consent"]')).to.equal(null);
  });
});

describe('"Melden" without a report API', () => {
  class NoReports extends MemoryAdapter {
    override readonly capabilities = {...new MemoryAdapter().capabilities, report: false};
  }

  it('links to the publisher’s form with the comment’s permalink, only http(s)', async () => {
    const thread = freshThread('report-url');
    const view = await renderDiscussion(null, {
      thread,
      adapter: new NoReports({[thread]: [record({id: 'x y', author: {name: 'Anna'}})]}),
      attributes: {'report-url': 'https://verlag.example/melden?kommentar={url}&id={id}'},
    });
    const link = view.comment('Anna').querySelector<HTMLAnchorElement>('a[part~="report"]')!;
    const url = new URL(link.href);
    expect(url.origin + url.pathname).to.equal('https://verlag.example/melden');
    expect(url.searchParams.get('id')).to.equal('x y');
    expect(url.searchParams.get('kommentar')).to.equal(`${location.href.replace(/#.*$/, '')}#comment-x%20y`);
  });

  it('offers no "Melden" without one, and warns once in the console', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(String(message));
    try {
      const thread = freshThread('no-report');
      const view = await renderDiscussion(null, {thread, adapter: new NoReports({[thread]: [record({id: 'a'}), record({id: 'b'})]})});
      expect(view.root.querySelector('[part~="report"]')).to.equal(null);
      await view.element.updateComplete;
      expect(warnings.filter((w) => w.includes('cannot report'))).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });
});
