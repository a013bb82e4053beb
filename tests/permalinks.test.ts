import {expect} from '@open-wc/testing';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import type {CommentRecord} from '../src/model/comment.js';
import {ManualClock} from '../src/time/clock.js';
import {freshThread, preferReducedMotion, record, renderDiscussion, until} from './harness.js';

const clock = new ManualClock('2026-11-25T16:00:00Z');

function longThread(): CommentRecord[] {
  const records: CommentRecord[] = [];
  for (let i = 0; i < 30; i++) {
    const createdAt = new Date(Date.parse('2026-11-25T08:00:00Z') - i * 60_000).toISOString();
    records.push(record({id: `t${i}`, author: {name: `Leser ${i}`}, body: 'Ein Absatz.\n\nNoch einer.', createdAt}));
  }
  records.push(record({id: 'deep1', parentId: 't29', author: {name: 'Tief 1'}}));
  records.push(record({id: 'deep2', parentId: 'deep1', author: {name: 'Tief 2'}}));
  return records;
}

function inViewport(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  return rect.top >= 0 && rect.top < window.innerHeight;
}

describe('permalinks (#comment-ID)', () => {
  before(() => preferReducedMotion());
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('on opening a page with the hash: expands the path, scrolls to, focuses and highlights the comment', async () => {
    history.replaceState(null, '', '#comment-deep2');
    const view = await renderDiscussion(longThread(), {clock, attributes: {replies: 'collapsed'}});
    const target = await until(() => view.root.getElementById('comment-deep2'), 'the linked reply');
    await until(() => view.focused() === target, 'focus on the linked comment');
    expect(target.getAttribute('part')).to.equal('comment comment-target');
    expect(target.classList.contains('target')).to.be.true;
    expect(inViewport(target)).to.be.true;
    // Only the path was opened.
    expect(view.toggleOf(view.comment('Leser 29'))!.getAttribute('aria-expanded')).to.equal('true');
    expect(view.toggleOf(view.comment('Leser 0'))).to.equal(null);
  });

  it('follows hash changes and "Link" clicks, also to the same comment again', async () => {
    const view = await renderDiscussion(longThread(), {clock});
    const link = view.action(view.comment('Leser 15'), 'permalink') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal('#comment-t15');
    link.click();
    await until(() => view.focused() === view.comment('Leser 15'), 'focus after the click');
    expect(location.hash).to.equal('#comment-t15');
    expect(inViewport(view.comment('Leser 15'))).to.be.true;

    window.scrollTo(0, 0);
    (view.root.activeElement as HTMLElement).blur();
    link.click();
    await until(() => view.focused() === view.comment('Leser 15'), 'focus after clicking the same link again');
    expect(inViewport(view.comment('Leser 15'))).to.be.true;

    location.hash = '#comment-t3';
    await until(() => view.focused() === view.comment('Leser 3'), 'focus after a hash change');
    expect(view.comment('Leser 15').classList.contains('target')).to.be.false;
  });

  it('loads a linked comment that is not on a loaded page', async () => {
    const thread = freshThread();
    history.replaceState(null, '', '#comment-deep2');
    const adapter = new MemoryAdapter({[thread]: longThread()}, {clock});
    const view = await renderDiscussion(null, {clock, thread, adapter, attributes: {'page-size': '5'}});
    const target = await until(() => view.root.getElementById('comment-deep2'), 'the reply from a later page');
    expect(view.author(view.parentOf(target)!)).to.equal('Tief 1');
    await until(() => view.focused() === target, 'focus');
    // Loading the later pages afterwards does not show it twice.
    for (let i = 0; i < 6; i++) {
      view.root.querySelector<HTMLButtonElement>('[part~="load-more"]')?.click();
      await view.element.updateComplete;
      await new Promise((resolve) => setTimeout(resolve));
    }
    await until(() => !view.root.querySelector('[part~="load-more"]'), 'all pages');
    expect(view.root.querySelectorAll('#comment-deep2')).to.have.length(1);
    expect(view.element.dataErrors).to.deep.equal([]);
  });

  it('says so when the linked comment does not exist', async () => {
    history.replaceState(null, '', '#comment-gibt-es-nicht');
    const view = await renderDiscussion(longThread(), {clock});
    await until(() => view.announcement() === 'Der verlinkte Kommentar wurde nicht gefunden.', 'the announcement');
  });

  it('encodes ids with special characters in the link', async () => {
    const view = await renderDiscussion([record({id: 'a b/ü', author: {name: 'Sonderbar'}})], {clock});
    const link = view.action(view.comment('Sonderbar'), 'permalink');
    expect(link.getAttribute('href')).to.equal('#comment-a%20b%2F%C3%BC');
    link.click();
    await until(() => view.focused() === view.comment('Sonderbar'), 'focus');
  });
});
