import {expect} from '@open-wc/testing';
import '../src/elements/comment-count/define.js';
import type {CommentAdapter, CountsRequest, LoadRequest} from '../src/adapters/adapter.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import type {CommentCount} from '../src/elements/comment-count/comment-count.js';
import {freshThread, mount, record, setVisibility, until} from './harness.js';
import {referenceServer} from './reference-server.js';

/** A `<comment-count>` as a publisher writes it, with "Kommentare" as the text shown until the count arrives. */
function counter(attributes: Record<string, string>, fallback = 'Kommentare'): CommentCount {
  const element = document.createElement('comment-count');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.textContent = fallback;
  return element;
}

const shown = (element: CommentCount) => element.textContent;
const link = (element: CommentCount) => element.querySelector('a')?.getAttribute('href') ?? null;
const counted = (element: CommentCount) => until(() => element.count !== undefined && element, 'the count');

/** A backend that counts by a table: many discussions in one call, and says how often it was asked. */
class TableAdapter implements CommentAdapter {
  readonly capabilities = {counts: true};
  calls: string[][] = [];
  constructor(private table: Record<string, number>) {}
  async counts({threads}: CountsRequest) {
    this.calls.push(threads);
    return Object.fromEntries(threads.filter((thread) => thread in this.table).map((thread) => [thread, this.table[thread]]));
  }
  load(): never {
    throw new Error('not used');
  }
  post(): never {
    throw new Error('not used');
  }
}

/** The `GET /counts` requests the reference server saw for these threads. */
async function countRequests(threads: string[]): Promise<string[][]> {
  const {log} = await referenceServer();
  return (await log())
    .filter((r) => r.path === '/counts' && threads.some((thread) => new URLSearchParams((r as {query?: string}).query).getAll('thread').includes(thread)))
    .map((r) => new URLSearchParams((r as {query?: string}).query).getAll('thread'));
}

describe('<comment-count>', () => {
  afterEach(() => setVisibility('visible'));

  it('says "Noch keine Kommentare", "1 Kommentar", "2 Kommentare" and "1.234 Kommentare"', async () => {
    const adapter = new TableAdapter({a: 0, b: 1, c: 2, d: 1234});
    const elements = ['a', 'b', 'c', 'd'].map((thread) => mount(counter({thread, href: `/artikel/${thread}`})));
    for (const element of elements) element.adapter = adapter;
    await Promise.all(elements.map(counted));
    expect(elements.map(shown)).to.deep.equal(['Noch keine Kommentare', '1\u00a0Kommentar', '2\u00a0Kommentare', '1.234\u00a0Kommentare']);
    expect(elements.map((e) => e.dataset.count)).to.deep.equal(['0', '1', '2', '1234']);
    // Four elements, one call.
    expect(adapter.calls).to.deep.equal([['a', 'b', 'c', 'd']]);
  });

  it('links to the article’s discussion (#kommentare), replacing a fragment; no link for a URL that is not http(s)', async () => {
    const adapter = new TableAdapter({x: 6});
    const hrefs = ['/artikel/ferrari', 'https://www.example-news.de/artikel/ferrari?seite=2#oben', 'javascript:alert(1)', ' java\nscript:alert(1)', 'data:text/html,x', ''];
    const elements = hrefs.map((href) => mount(counter({thread: 'x', href})));
    const plain = mount(counter({thread: 'x'}));
    for (const element of [...elements, plain]) element.adapter = adapter;
    await Promise.all([...elements, plain].map(counted));
    expect(elements.map(link)).to.deep.equal(['/artikel/ferrari#kommentare', 'https://www.example-news.de/artikel/ferrari?seite=2#kommentare', null, null, null, null]);
    expect([...elements, plain].map(shown)).to.deep.equal(Array(7).fill('6\u00a0Kommentare'));
    // Without a link the count is plain text; changing href changes the link.
    expect(plain.firstElementChild!.localName).to.equal('span');
    plain.href = '/artikel/neu';
    expect(link(plain)).to.equal('/artikel/neu#kommentare');
  });

  it('asks the REST backend once for 20 counts on the page, and again once for elements added later', async () => {
    const {api, control} = await referenceServer();
    const threads = Array.from({length: 20}, () => freshThread('teaser'));
    await control('seed', {thread: threads[0], comments: [record({id: 'a'}), record({id: 'b', parentId: 'a'})]});
    await control('seed', {thread: threads[7], comments: [record({id: 'c'})]});
    const elements = threads.map((thread) => mount(counter({thread, src: api, href: `/artikel/${thread}`})));
    await Promise.all(elements.map(counted));
    expect(shown(elements[0])).to.equal('2\u00a0Kommentare');
    expect(shown(elements[7])).to.equal('1\u00a0Kommentar');
    expect(shown(elements[19])).to.equal('Noch keine Kommentare');
    expect(await countRequests(threads)).to.deep.equal([threads]);

    const later = Array.from({length: 3}, () => freshThread('later'));
    const added = later.map((thread) => mount(counter({thread, src: api})));
    await Promise.all(added.map(counted));
    expect(await countRequests(later)).to.deep.equal([later]);
    expect(await countRequests(threads)).to.have.length(1);
  });

  it('keeps its fallback content when the count cannot be loaded, with one console warning', async () => {
    const {api, control} = await referenceServer();
    const threads = [freshThread('failing'), freshThread('failing')];
    await control('fail', {path: `thread=${threads[0]}`, status: 500});
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const elements = threads.map((thread) => mount(counter({thread, src: api}, 'Zu den Kommentaren')));
      await until(async () => (await countRequests(threads)).length === 1, 'the request');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(elements.map(shown)).to.deep.equal(['Zu den Kommentaren', 'Zu den Kommentaren']);
      expect(elements.map((e) => e.count)).to.deep.equal([undefined, undefined]);
      const unreachable = mount(counter({thread: freshThread('unreachable'), src: 'http://127.0.0.1:9/api'}));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(shown(unreachable)).to.equal('Kommentare');
      expect(warnings.filter((w) => String(w[0]).includes('comment-count')).length).to.be.at.most(1);
    } finally {
      console.warn = warn;
    }
  });

  it('stays current with `live`: polls all its elements together, not while the tab is hidden', async () => {
    const {api, control} = await referenceServer();
    const threads = [freshThread('live'), freshThread('live')];
    await control('seed', {thread: threads[0], comments: [record({id: 'a'})]});
    const elements = threads.map((thread) => mount(counter({thread, src: api, live: '', 'poll-interval': '1000'})));
    await Promise.all(elements.map(counted));
    expect(shown(elements[0])).to.equal('1\u00a0Kommentar');
    await control('seed', {thread: threads[0], comments: [record({id: 'b'})]});
    await until(() => shown(elements[0]) === '2\u00a0Kommentare' || undefined, 'the new count');
    const requests = await countRequests(threads);
    expect(requests.every((threadsAsked) => threadsAsked.length === 2)).to.equal(true);

    setVisibility('hidden');
    const before = (await countRequests(threads)).length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await countRequests(threads)).length).to.equal(before);
    await control('seed', {thread: threads[1], comments: [record({id: 'c'})]});
    setVisibility('visible');
    await until(() => shown(elements[1]) === '1\u00a0Kommentar' || undefined, 'the count once visible again');
  });

  it('counts through an adapter: live through its updates, or by loading where it has no counts()', async () => {
    const thread = freshThread('adapter');
    const memory = new MemoryAdapter({[thread]: [record({id: 'a'})]});
    const live = mount(counter({thread, live: ''}));
    live.adapter = memory;
    await counted(live);
    expect(shown(live)).to.equal('1\u00a0Kommentar');
    await memory.post({thread, parentId: 'a', author: {name: 'Neu'}, body: 'Antwort', quote: null, idempotencyKey: thread});
    await until(() => shown(live) === '2\u00a0Kommentare' || undefined, 'the live count');

    // An adapter with nothing but load(): its `total`, one small load per discussion.
    const loads: LoadRequest[] = [];
    const loadOnly: CommentAdapter = {
      load: async (request) => {
        loads.push(request);
        return memory.load(request);
      },
      post: (request) => memory.post(request),
    };
    const element = mount(counter({thread}));
    element.adapter = loadOnly;
    await counted(element);
    expect(shown(element)).to.equal('2\u00a0Kommentare');
    expect(loads).to.have.length(1);
    expect(loads[0]).to.include({limit: 1, cursor: null});
  });

  it('is registered by the main entry too, and renders with no innerHTML (light DOM only)', async () => {
    expect(customElements.get('comment-count')).to.be.a('function');
    const element = mount(counter({thread: 'x'}));
    element.adapter = new TableAdapter({x: 3});
    await counted(element);
    expect(element.shadowRoot).to.equal(null);
    expect(element.children).to.have.length(1);
  });
});
