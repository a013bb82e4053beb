import {expect} from '@open-wc/testing';
import type {LiveUpdate} from '../src/adapters/adapter.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import type {CommentRecord} from '../src/model/comment.js';
import {ComposerHarness, freshThread, record, renderDiscussion, until} from './harness.js';

/** A memory backend whose live updates the test pushes itself. */
class PushingAdapter extends MemoryAdapter {
  push: ((update: LiveUpdate) => void) | undefined;
  override subscribe(thread: string, onUpdate: (update: LiveUpdate) => void) {
    this.push = onUpdate;
    return super.subscribe(thread, onUpdate);
  }
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** 200 top-level comments with two replies each, newest first. */
function discussion(): CommentRecord[] {
  const records: CommentRecord[] = [];
  for (let i = 0; i < 200; i++) {
    records.push(record({id: `t${i}`, author: {name: `Leserin ${i}`}, createdAt: minutesAgo(1000 + i * 3)}));
    for (const r of [1, 2]) records.push(record({id: `t${i}-${r}`, parentId: `t${i}`, author: {name: `Antwort ${i}.${r}`}, createdAt: minutesAgo(1000 + i * 3 - r)}));
  }
  return records;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/**
 * Until the next frame is painted: what the reader sees. (Between a layout
 * and the end of its frame, threads that skip layout while off screen may
 * have taken their real size before the element has put the reader back;
 * the reader never sees that moment, a script reading positions can.)
 */
const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

// Runs alone (npm run test:alone): it needs the page on screen, painting frames as a reader's does.
describe('live comments while a reader reads and types', function () {
  this.timeout(60_000);
  afterEach(() => scrollTo(0, 0));

  it('never move the first comment on screen or the open form: 2,000 arriving while the reader types', async () => {
    const thread = freshThread('busy');
    const adapter = new PushingAdapter({[thread]: discussion()});
    const view = await renderDiscussion(null, {thread, adapter, attributes: {'page-size': '200'}});
    // The reader is in the middle of the discussion, answering a comment there.
    view.comment('#t100').scrollIntoView({block: 'start'});
    scrollBy(0, -40);
    const form = await view.openReply(view.comment('#t101'));
    await form.write('Ich schreibe gerade');
    form.textarea.focus();
    // Where the reader is, in a frame that measuring did not change: reading the position of a
    // comment in a thread that skips layout off screen makes Firefox give the threads it has just
    // found near the viewport their real size at once, which the element would have done (and put
    // the reader back) before the next paint; measured in between, the reader seems to move.
    let firstVisible!: HTMLElement;
    let firstTop = NaN;
    let formTop = NaN;
    for (let frames = 0; frames < 10; frames++) {
      await nextTask();
      await painted();
      firstVisible = view.comments().find((article) => article.getBoundingClientRect().bottom > 0)!;
      const top = firstVisible.getBoundingClientRect().top;
      const formNow = form.element.getBoundingClientRect().top;
      const settled = Math.abs(top - firstTop) < 0.5 && Math.abs(formNow - formTop) < 0.5;
      firstTop = top;
      formTop = formNow;
      if (settled) break;
    }
    expect(firstTop).to.be.below(innerHeight);
    expect(formTop).to.be.within(0, innerHeight);

    // 2,000 comments in 100 bursts: new threads, and replies to comments above, around and below the reader.
    const ids = discussion().map((r) => r.id);
    let drift = 0;
    let formDrift = 0;
    const startY = scrollY;
    let when = '';
    let typed = 'Ich schreibe gerade';
    for (let burst = 0; burst < 100; burst++) {
      for (let i = 0; i < 20; i++) {
        const n = burst * 20 + i;
        const parentId = n % 4 === 0 ? null : ids[(n * 7919) % ids.length];
        const live = record({id: `live${n}`, parentId, author: {name: `Live ${n}`}, createdAt: new Date().toISOString()});
        ids.push(live.id);
        adapter.push!({type: 'added', comment: live});
      }
      typed += '.';
      await new ComposerHarness(form.element).fill(form.textarea, typed);
      await nextTask();
      await painted();
      const moved = Math.abs(firstVisible.getBoundingClientRect().top - firstTop);
      if (moved > 2 && !when) when = `burst ${burst}: scrolled ${scrollY - startY} px, form ${form.element.getBoundingClientRect().top - formTop} px, focus ${form.root.activeElement?.localName}`;
      drift = Math.max(drift, moved);
      formDrift = Math.max(formDrift, Math.abs(form.element.getBoundingClientRect().top - formTop));
    }
    expect(drift, `the first comment on screen moved (first at ${when})`).to.be.at.most(2);
    expect(formDrift, 'the open form moved').to.be.at.most(2);
    expect(form.textarea.value).to.equal(typed);
    // A boolean: chai would print the elements (and the page around them) if they differed.
    expect(form.root.activeElement === form.textarea, `focus is on ${form.root.activeElement?.localName}`).to.equal(true);

    // What arrived above waits behind the button; replies below the reader are in place.
    const button = await until(() => view.root.querySelector<HTMLButtonElement>('[part~="show-new"]'), 'the button');
    const waiting = Number(button.textContent!.replace(/\D/g, ''));
    expect(waiting).to.be.greaterThan(500);
    const below = view.comments().filter((article) => article.id.startsWith('comment-live') && article.getBoundingClientRect().top > formTop);
    expect(below.length).to.be.greaterThan(0);
    expect(view.comments().some((article) => article.id.startsWith('comment-live') && article.getBoundingClientRect().bottom < firstTop)).to.equal(false);

    // The reader asks for them: now they show, and focus goes to the first.
    button.click();
    await until(() => !view.root.querySelector('[part~="show-new"]'), 'all shown');
    const rendered = new Promise((resolve) => view.element.addEventListener('comments-rendered', resolve, {once: true}));
    // Rendered in steps; a busy machine takes a while for 2,000.
    for (let wait = 0; wait < 300 && view.comments().filter((article) => article.id.startsWith('comment-live')).length < 2000; wait++) {
      await Promise.race([rendered, new Promise((resolve) => setTimeout(resolve, 100))]);
    }
    expect(view.comments().filter((article) => article.id.startsWith('comment-live')).length).to.equal(2000);
  });
});
