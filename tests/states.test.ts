import {expect} from '@open-wc/testing';
import type {CommentPage, LoadRequest} from '../src/adapters/adapter.js';
import {ServerError} from '../src/adapters/errors.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import type {CommentRecord} from '../src/model/comment.js';
import {ManualClock} from '../src/time/clock.js';
import {freshThread, mount, record, renderDiscussion, until} from './harness.js';

const clock = new ManualClock('2026-11-25T16:00:00Z');

/** Top-level comments one minute apart, oldest first, with `replies` replies each. */
function many(count: number, replies = 0): CommentRecord[] {
  const records: CommentRecord[] = [];
  for (let i = 0; i < count; i++) {
    const createdAt = new Date(Date.parse('2026-11-25T08:00:00Z') + i * 60_000).toISOString();
    records.push(record({id: `t${i}`, author: {name: `Leser ${i}`}, createdAt}));
    for (let r = 0; r < replies; r++) {
      records.push(record({id: `t${i}r${r}`, parentId: `t${i}`, author: {name: `Antwort ${i}.${r}`}, createdAt}));
    }
  }
  return records;
}

/** An adapter whose pages wait until released, to see the loading states. */
class GatedAdapter extends MemoryAdapter {
  gates: Array<() => void> = [];
  failNext: Error | undefined;
  override async load(request: LoadRequest): Promise<CommentPage> {
    await new Promise<void>((resolve) => this.gates.push(resolve));
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = undefined;
      throw error;
    }
    return super.load(request);
  }
  release() {
    this.gates.shift()?.();
  }
}

describe('states of the discussion', () => {
  it('shows loading with aria-busy and a skeleton that reserves space', async () => {
    const thread = freshThread();
    const adapter = new GatedAdapter({[thread]: many(2)}, {clock});
    const element = mount(Object.assign(document.createElement('article-comments'), {thread, adapter, clock}));
    await until(() => adapter.gates.length === 1, 'the first load');
    await element.updateComplete;
    const root = element.shadowRoot!;
    expect(root.querySelector('section')!.getAttribute('aria-busy')).to.equal('true');
    expect(root.querySelector('.skeletons')!.getAttribute('aria-hidden')).to.equal('true');
    expect(root.querySelector('.skeletons')!.getBoundingClientRect().height).to.be.greaterThan(200);
    expect(root.textContent).to.contain('Kommentare werden geladen …');
    adapter.release();
    await until(() => root.querySelectorAll('article.comment').length === 2, 'the comments');
    expect(root.querySelector('section')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('invites the first comment when there is none', async () => {
    const view = await renderDiscussion([], {clock});
    expect(view.heading()).to.equal('Noch keine Kommentare');
    expect(view.root.querySelector('.empty')!.textContent).to.equal('Schreiben Sie den ersten Kommentar.');
  });

  it('says "1 Kommentar" and "2 Antworten anzeigen" with the right plurals', async () => {
    const view = await renderDiscussion(many(1), {clock});
    expect(view.heading()).to.equal('1\u00a0Kommentar');
    const two = await renderDiscussion(many(1, 2), {clock, attributes: {replies: 'collapsed'}});
    expect(two.heading()).to.equal('3\u00a0Kommentare');
    expect(two.toggleOf(two.comment('Leser 0'))!.textContent!.trim()).to.equal('2\u00a0Antworten an Leser 0');
    const one = await renderDiscussion(many(1, 1), {clock, attributes: {replies: 'collapsed'}});
    expect(one.toggleOf(one.comment('Leser 0'))!.textContent!.trim()).to.equal('1\u00a0Antwort an Leser 0');
  });

  it('shows a German error with "Erneut versuchen", and retrying works', async () => {
    const thread = freshThread();
    const adapter = new GatedAdapter({[thread]: many(3)}, {clock});
    adapter.failNext = new ServerError(503);
    const element = mount(Object.assign(document.createElement('article-comments'), {thread, adapter, clock}));
    const failed: Event[] = [];
    element.addEventListener('comments-load-failed', (event) => failed.push(event));
    await until(() => adapter.gates.length === 1, 'the first load');
    adapter.release();
    const root = element.shadowRoot!;
    const alert = await until(() => root.querySelector('[role="alert"]'), 'the error');
    expect(alert.textContent).to.contain('Die Kommentare konnten nicht geladen werden.');
    expect(alert.textContent).to.contain('Auf dem Server ist ein Fehler aufgetreten.');
    expect(failed).to.have.length(1);
    const retry = alert.querySelector('button')!;
    expect(retry.textContent!.trim()).to.equal('Erneut versuchen');
    retry.click();
    await until(() => adapter.gates.length === 1, 'the retry');
    adapter.release();
    await until(() => root.querySelectorAll('article.comment').length === 3, 'the comments after retrying');
  });

  it('loads more pages with "Weitere Kommentare laden", without loss or duplicates', async () => {
    const records = many(25, 1);
    const view = await renderDiscussion(records, {clock, attributes: {'page-size': '10'}});
    const ids = () => view.comments().map((c) => c.id);
    expect(ids()).to.have.length(20);
    expect(view.heading()).to.equal('50\u00a0Kommentare');
    const more = () => view.root.querySelector<HTMLButtonElement>('[part~="load-more"]');
    expect(more()!.textContent!.trim()).to.equal('Weitere Kommentare laden');
    more()!.click();
    await until(() => ids().length === 40, 'the second page');
    more()!.click();
    await until(() => ids().length === 50, 'the last page');
    expect(more()).to.equal(null);
    expect(new Set(ids()).size).to.equal(50);
    // Newest first throughout the pages.
    const top = view.comments().filter((c) => !view.parentOf(c)).map((c) => view.author(c));
    expect(top[0]).to.equal('Leser 24');
    expect(top.at(-1)).to.equal('Leser 0');
  });

  it('sorts top-level comments newest or oldest first, replies always oldest first', async () => {
    const records = [
      record({id: 'old', author: {name: 'Alt'}, createdAt: '2026-11-24T08:00:00Z'}),
      record({id: 'new', author: {name: 'Neu'}, createdAt: '2026-11-25T08:00:00Z'}),
      record({id: 'r2', parentId: 'old', author: {name: 'Spät'}, createdAt: '2026-11-25T09:00:00Z'}),
      record({id: 'r1', parentId: 'old', author: {name: 'Früh'}, createdAt: '2026-11-24T09:00:00Z'}),
    ];
    const view = await renderDiscussion(records, {clock});
    const order = () => view.comments().map((c) => view.author(c));
    expect(order()).to.deep.equal(['Neu', 'Alt', 'Früh', 'Spät']);
    const select = view.root.querySelector<HTMLSelectElement>('select')!;
    // The inline discussion's backend (memory) can page by reactions too.
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Neueste zuerst', 'Älteste zuerst', 'Meiste Empfehlungen']);
    select.value = 'oldest';
    select.dispatchEvent(new Event('change'));
    await until(() => order()[0] === 'Alt', 'oldest first');
    expect(order()).to.deep.equal(['Alt', 'Früh', 'Spät', 'Neu']);
    expect(view.element.getAttribute('sort')).to.equal('oldest');
  });

  it('moves focus to the first new comment after "Weitere Kommentare laden", and to the heading after a retry', async () => {
    const view = await renderDiscussion(many(25), {clock, attributes: {'page-size': '20'}});
    view.root.querySelector<HTMLButtonElement>('[part~="load-more"]')!.click();
    const first = await until(() => view.root.getElementById('comment-t4'), 'the second page');
    await until(() => view.focused() === first, 'focus on the first comment of the new page');
    expect(view.root.querySelector('[part~="load-more"]')).to.equal(null);

    const thread = freshThread();
    const adapter = new GatedAdapter({[thread]: many(1)}, {clock});
    adapter.failNext = new ServerError(500);
    const element = mount(Object.assign(document.createElement('article-comments'), {thread, adapter, clock}));
    await until(() => adapter.gates.length === 1, 'the first load');
    adapter.release();
    const retry = await until(() => element.shadowRoot!.querySelector<HTMLButtonElement>('[role="alert"] button'), 'the retry button');
    retry.click();
    await until(() => adapter.gates.length === 1, 'the retry');
    adapter.release();
    await until(() => element.shadowRoot!.activeElement === element.shadowRoot!.getElementById('heading'), 'focus on the heading');
  });

  it('shows another discussion afresh when the thread changes, even an empty one', async () => {
    const thread = freshThread();
    const adapter = new MemoryAdapter({[thread]: many(3)}, {clock});
    const view = await renderDiscussion(null, {clock, thread, adapter});
    const form = await view.openReply(view.comment('Leser 1'));
    expect(form.element.isConnected).to.be.true;
    view.element.thread = freshThread('other');
    await until(() => view.heading() === 'Noch keine Kommentare', 'the empty discussion');
    expect(view.comments()).to.have.length(0);
    view.element.thread = thread;
    await until(() => view.comments().length === 3, 'the first discussion again');
    expect(view.root.querySelector('comment-reply.reply-form')).to.equal(null);
  });

  it('offers only the sort orders the backend can page by', async () => {
    class NewestOnly extends MemoryAdapter {
      override readonly capabilities = {...new MemoryAdapter().capabilities, sorts: ['newest' as const]};
    }
    const thread = freshThread();
    const adapter = new NewestOnly({[thread]: many(3)}, {clock});
    const view = await renderDiscussion(null, {clock, thread, adapter, attributes: {sort: 'oldest'}});
    expect(view.root.querySelector('select')).to.equal(null);
    expect(view.author(view.comments()[0])).to.equal('Leser 2');
  });

  it('keeps a closed discussion readable but takes no new comments', async () => {
    const view = await renderDiscussion(many(2, 1), {clock, attributes: {closed: ''}});
    expect(view.comments()).to.have.length(4);
    expect(view.root.querySelector('comment-reply')).to.equal(null);
    expect(view.root.querySelector('[data-action="reply"]')).to.equal(null);
    expect(view.root.textContent).to.contain('Die Kommentarfunktion für diesen Artikel ist geschlossen.');
  });
});
