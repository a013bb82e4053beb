import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import type {LoadRequest} from '../src/adapters/adapter.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import type {ArticleComments} from '../src/elements/article-comments/article-comments.js';
import type {CommentRecord} from '../src/model/comment.js';
import {ManualClock} from '../src/time/clock.js';
import {DiscussionHarness, freshThread, mount, preferReducedMotion, record, until} from './harness.js';

/**
 * The reference REST server's address and test-only controls. (Not
 * reference-server.ts: it imports the REST adapter, whose module this file
 * checks is not fetched.)
 */
async function referenceServer() {
  const {url} = (await executeServerCommand('rest-server')) as {url: string};
  const control = async (path: string, body: unknown = {}) => (await fetch(`${url}/__control/${path}`, {method: 'POST', body: JSON.stringify(body)})).json();
  const log = async () => ((await control('log')) as {requests: {path: string}[]}).requests;
  const seed = (thread: string, records: CommentRecord[]) => control('seed', {thread, comments: records});
  return {url, api: `${url}/api`, log, seed};
}

const clock = new ManualClock('2026-11-25T16:00:00Z');

/** A backend that counts how often the element asked it for comments. */
class CountingAdapter extends MemoryAdapter {
  readonly requests: LoadRequest[] = [];
  override load(request: LoadRequest) {
    this.requests.push(request);
    return super.load(request);
  }
}

function comments(count: number): CommentRecord[] {
  return Array.from({length: count}, (_, i) =>
    record({id: `t${i}`, author: {name: `Leser ${i}`}, createdAt: new Date(Date.parse('2026-11-25T12:00:00Z') - i * 60_000).toISOString()})
  );
}

interface Page {
  element: ArticleComments;
  view: DiscussionHarness;
  adapter: CountingAdapter;
  thread: string;
  below: HTMLElement;
}

/** An article page: a tall text (5,000 px), the lazy discussion, and something below it. */
function lazyBelow(options: {records?: CommentRecord[]; id?: string; src?: string; thread?: string} = {}): Page {
  const thread = options.thread ?? freshThread('lazy');
  const adapter = new CountingAdapter({[thread]: options.records ?? comments(3)}, {clock});
  const article = mount(document.createElement('div'));
  article.style.height = '5000px';
  const element = document.createElement('article-comments');
  element.loading = 'lazy';
  element.thread = thread;
  element.clock = clock;
  if (options.id) element.id = options.id;
  if (options.src) element.setAttribute('src', options.src);
  else element.adapter = adapter;
  mount(element);
  const below = mount(document.createElement('footer'));
  below.style.height = '200px';
  return {element, view: new DiscussionHarness(element), adapter, thread, below};
}

/** Long enough for an observer, a timer or a late update to have acted, were the element to load. */
async function quietly(element: ArticleComments): Promise<void> {
  for (let i = 0; i < 3; i++) {
    // A frame, where an observer reports (or a moment, in a tab that gets none).
    await Promise.race([new Promise((resolve) => requestAnimationFrame(resolve)), new Promise((resolve) => setTimeout(resolve, 100))]);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await element.updateComplete;
}

/** The skeleton that stands in for the comments and keeps their space. */
function placeholder(view: DiscussionHarness): HTMLElement | null {
  return view.root.querySelector<HTMLElement>('.skeletons');
}

/**
 * Checks that the page is on screen, as this file needs: an observer reports
 * only in a page that renders, and focus events need a focused page. Chromium
 * runs the other test files side by side in tabs, and only the front one
 * renders, so this file runs alone (npm run test:alone), where it always is.
 */
async function needsScreen(focus = false): Promise<void> {
  const frame = await Promise.race([
    new Promise<boolean>((resolve) => requestAnimationFrame(() => resolve(true))),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 300)),
  ]);
  expect(frame, 'the page paints frames (run this file alone)').to.equal(true);
  if (focus) expect(document.hasFocus(), 'the page has focus (run this file alone)').to.equal(true);
}

/** Changes the fragment as a click on a link does, and waits for the page to hear of it. */
async function goTo(hash: string): Promise<void> {
  const changed = new Promise((resolve) => addEventListener('hashchange', resolve, {once: true}));
  location.hash = hash;
  await changed;
}

const rem = () => parseFloat(getComputedStyle(document.documentElement).fontSize);

describe('loading="lazy"', () => {
  before(() => preferReducedMotion());
  afterEach(() => {
    history.replaceState(null, '', location.pathname + location.search);
    window.scrollTo(0, 0);
  });

  it('far below the viewport: asks the backend nothing and shows the placeholder; within about 1,200 px, still off screen, it loads', async function () {
    await needsScreen();
    const {element, view, adapter} = lazyBelow();
    await quietly(element);
    expect(adapter.requests).to.have.length(0);
    expect(view.comments()).to.have.length(0);
    const reserve = placeholder(view)!;
    expect(reserve, 'the skeleton').to.exist;
    expect(reserve.getAttribute('aria-hidden')).to.equal('true');
    expect(view.root.querySelector('[part~="status"]')!.textContent!.trim()).to.equal('Kommentare werden geladen …');
    expect(view.root.querySelector('section')!.getAttribute('aria-busy')).to.equal('true');
    expect(parseFloat(getComputedStyle(reserve).minHeight)).to.equal(40 * rem());
    expect(reserve.getBoundingClientRect().height).to.be.at.least(40 * rem());

    // 1,000 px above the element's top: not on screen, but within the margin.
    window.scrollTo(0, element.getBoundingClientRect().top + scrollY - innerHeight - 1000);
    await until(() => view.comments().length === 3, 'the comments once near');
    await view.settled();
    expect(element.getBoundingClientRect().top).to.be.greaterThan(innerHeight);
    expect(adapter.requests).to.have.length(1);
    expect(placeholder(view)).to.equal(null);
    expect(view.heading()).to.equal('3\u00a0Kommentare');
  });

  it('with src: no request and no REST module while it waits, also after thread and src changes; then it loads from the new ones', async () => {
    const {url, api, log, seed} = await referenceServer();
    const thread = freshThread('lazy-src');
    const other = freshThread('lazy-src');
    await seed(other, comments(2));
    const requested = async () => (await log()).filter((request) => request.path.includes(thread) || request.path.includes(other));
    const restModule = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('rest-adapter'));
    const {element, view} = lazyBelow({src: `${url}/elsewhere`, thread});
    await quietly(element);
    element.thread = other;
    element.setAttribute('src', api);
    await quietly(element);
    expect(await requested()).to.deep.equal([]);
    expect(restModule(), 'the REST adapter module was fetched').to.be.false;
    expect(view.comments()).to.have.length(0);

    await goTo('#kommentare');
    await until(() => view.comments().length === 2, 'the comments from src');
    const requests = await requested();
    expect(requests.length).to.be.greaterThan(0);
    expect(requests.every((request) => request.path.includes(other))).to.be.true;
  });

  it('a #comment-ID link loads at once, wherever the element is, and the permalink reveals the comment', async () => {
    history.replaceState(null, '', '#comment-t7');
    const {element, view, adapter} = lazyBelow({records: comments(12)});
    const target = await until(() => view.root.getElementById('comment-t7'), 'the linked comment');
    await until(() => view.focused() === target, 'focus on the linked comment');
    expect(target.classList.contains('target')).to.be.true;
    const top = target.getBoundingClientRect().top;
    expect(top >= 0 && top < innerHeight, 'scrolled into view').to.be.true;
    await quietly(element);
    expect(adapter.requests).to.have.length(1);
  });

  it('a click on a <comment-count> link (#kommentare) loads it at once, before anything scrolls', async () => {
    const {element, view, adapter, thread} = lazyBelow();
    const count = mount(document.createElement('comment-count'));
    count.thread = thread;
    count.adapter = new MemoryAdapter({[thread]: comments(3)}, {clock});
    count.href = location.pathname + location.search;
    document.body.prepend(count);
    const link = await until(() => count.querySelector('a'), 'the count link');
    expect(link.getAttribute('href')!.endsWith('#kommentare')).to.be.true;
    await quietly(element);
    expect(adapter.requests).to.have.length(0);

    const changed = new Promise((resolve) => addEventListener('hashchange', resolve, {once: true}));
    link.click();
    await changed;
    // No frame has run since the hash changed, so no observer can have reported.
    await element.updateComplete;
    expect(adapter.requests).to.have.length(1);
    await until(() => view.comments().length === 3, 'the comments');
  });

  it('a hash naming the element loads it, and only that one', async () => {
    const named = lazyBelow({id: 'diskussion'});
    const other = lazyBelow({id: 'andere'});
    await quietly(named.element);
    await goTo('#diskussion');
    await named.element.updateComplete;
    expect(named.adapter.requests).to.have.length(1);
    expect(other.adapter.requests).to.have.length(0);
  });

  it('focus moving into it (keyboard, screen reader) loads it', async function () {
    await needsScreen(true);
    const {element, view, adapter} = lazyBelow();
    await quietly(element);
    expect(adapter.requests).to.have.length(0);
    view.root.querySelector<HTMLElement>('[part~="heading"]')!.focus({preventScroll: true});
    await element.updateComplete;
    expect(adapter.requests).to.have.length(1);
  });

  it('keeps the space: --ac-placeholder-height sets it, and a discussion that fits pushes nothing below further down', async () => {
    const {element, view, below} = lazyBelow({records: comments(2)});
    element.style.setProperty('--ac-placeholder-height', '30rem');
    await quietly(element);
    const reserve = placeholder(view)!;
    expect(parseFloat(getComputedStyle(reserve).minHeight)).to.equal(30 * rem());
    const before = {top: element.getBoundingClientRect().top + scrollY, height: element.offsetHeight, below: below.getBoundingClientRect().top + scrollY};
    expect(before.height).to.be.at.least(30 * rem());

    await goTo('#kommentare');
    await until(() => view.comments().length === 2, 'the comments');
    await view.settled();
    const after = {top: element.getBoundingClientRect().top + scrollY, height: element.offsetHeight, below: below.getBoundingClientRect().top + scrollY};
    expect(after.top).to.be.closeTo(before.top, 1);
    expect(after.height).to.be.at.most(before.height);
    expect(after.below).to.be.at.most(before.below);
  });

  it('removed and added again before loading: watches nothing while away, then loads once', async () => {
    const {element, view, adapter, below} = lazyBelow();
    await quietly(element);
    element.remove();
    await goTo('#kommentare');
    await quietly(element);
    expect(adapter.requests, 'a removed element loaded').to.have.length(0);

    history.replaceState(null, '', location.pathname + location.search);
    below.before(element);
    await quietly(element);
    element.remove();
    below.before(element);
    await quietly(element);
    expect(adapter.requests).to.have.length(0);

    await goTo('#kommentare');
    await until(() => view.comments().length === 3, 'the comments');
    element.remove();
    below.before(element);
    await quietly(element);
    expect(adapter.requests).to.have.length(1);
  });

  it('changing loading to eager starts it; eager stays the default', async () => {
    const {element, view, adapter} = lazyBelow();
    await quietly(element);
    expect(adapter.requests).to.have.length(0);
    element.loading = 'eager';
    await until(() => view.comments().length === 3, 'the comments');
    expect(adapter.requests).to.have.length(1);
    expect(document.createElement('article-comments').loading).to.equal('eager');
  });
});
