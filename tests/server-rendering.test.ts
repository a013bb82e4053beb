/**
 * Server rendering, in the browser: pages the test runner renders with the
 * built `article-comments/server` (tests/fixtures/ssr-pages.mjs), as a
 * publisher's server would. What the reader sees before any script runs,
 * with JavaScript off, and how the script takes over the same nodes.
 */
import {expect} from '@open-wc/testing';
import {referenceServer} from './reference-server.js';
import {mount, until} from './harness.js';

interface FrameWindow extends Window {
  InputEvent: typeof InputEvent;
  PointerEvent: typeof PointerEvent;
  violations?: string[];
}

const MINUTE = 60_000;

async function openPage(query: Record<string, string>, {scripts = true, hash = ''} = {}): Promise<{frame: HTMLIFrameElement; win: FrameWindow; host: HTMLElement}> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '900px';
  // Without allow-scripts: a reader with JavaScript off, or a crawler that does not run it.
  if (!scripts) frame.setAttribute('sandbox', 'allow-same-origin');
  frame.src = `/ssr/page.html?${new URLSearchParams(query)}${hash}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  mount(frame);
  await loaded;
  const win = frame.contentWindow as unknown as FrameWindow;
  const host = win.document.querySelector<HTMLElement>('article-comments');
  if (!host) throw new Error(`no <article-comments> in ${frame.src}`);
  return {frame, win, host};
}

/** Warnings and errors the page logs from now on (a hydration mismatch is one). */
function watchConsole(win: Window): string[] {
  const logged: string[] = [];
  const console = (win as Window & {console: Console}).console;
  for (const level of ['warn', 'error'] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
      original(...args);
    };
  }
  return logged;
}

/** Adds the script-tag file to a page rendered without it, and waits until the element has taken over. */
async function addScript(win: Window, host: HTMLElement): Promise<void> {
  const script = win.document.createElement('script');
  script.src = '/dist/article-comments.min.js';
  win.document.head.append(script);
  await until(() => win.customElements.get('article-comments'), 'the element to be defined');
  await until(() => (host as HTMLElement & {hasUpdated?: boolean}).hasUpdated, 'the element to take over the server-rendered discussion');
  await (host as HTMLElement & {updateComplete: Promise<unknown>}).updateComplete;
}

// Ordinary white space only: the no-break spaces in counts and times are part of the wording.
const text = (node: Element | null | undefined) => node?.textContent?.replace(/[ \t\r\n]+/g, ' ').trim() ?? '';

describe('a discussion rendered on the server', () => {
  it('is in the page before any script: comments, nesting, names, paragraphs and the count', async () => {
    const now = Date.now();
    const {host} = await openPage({fixture: 'basic', script: 'none', now: String(now)});
    const root = host.shadowRoot!;
    expect(root, 'a declarative shadow root').to.exist;
    expect(text(root.querySelector('#heading'))).to.equal('4\u00a0Kommentare');
    const ids = [...root.querySelectorAll('article.comment')].map((article) => article.id);
    expect(ids).to.have.members(['comment-a1', 'comment-a2', 'comment-a3', 'comment-h1', 'comment-p1', 'comment-d1']);
    // Replies nest in the list of the comment they answer.
    expect(root.querySelector('#comment-a1')!.closest('li')!.querySelector('#comment-a3')).to.exist;
    expect(text(root.querySelector('#comment-a2 [part~="badge"]'))).to.equal('Redaktion');
    expect(root.querySelectorAll('#comment-a1 [part~="body"] p')).to.have.length(2);
    // Hostile text is text.
    expect(text(root.querySelector('#comment-h1 [part~="author"]'))).to.equal('Mallory </script><!--');
    expect(text(root.querySelector('#comment-h1 [part~="body"]'))).to.contain('</script><script>alert(1)</script>');
    expect(root.querySelector('script')).to.equal(null);
    // The pending comment shows its notice, not its text; the deleted one hides its author.
    expect(text(root.querySelector('#comment-p1'))).not.to.contain('Noch nicht freigegeben');
    expect(text(root.querySelector('#comment-d1'))).not.to.contain('Weg');
  });

  it('is readable with JavaScript off, with times as dates', async () => {
    const now = Date.now();
    const {host} = await openPage({fixture: 'basic', script: 'min', now: String(now)}, {scripts: false});
    const root = host.shadowRoot!;
    expect(host.ownerDocument.defaultView!.customElements.get('article-comments'), 'no script ran').to.equal(undefined);
    expect(root.querySelectorAll('article.comment')).to.have.length(6);
    const time = root.querySelector('#comment-a3 time')!;
    expect(time.getAttribute('datetime')).to.equal(new Date(now - 5 * MINUTE).toISOString());
    // A date, never a relative time that would go stale in a cached page.
    expect(text(time)).to.match(/^\w+, \d{1,2}\.\u00a0\w+\u00a0\d{4}, \d{2}:\d{2}\u00a0Uhr$/);
    expect(text(time)).not.to.contain('vor');
    // Styled by the shadow root's own stylesheet (the badge is bold), with no script.
    expect(getComputedStyle(root.querySelector('.badge')!).fontWeight).to.equal('700');
  });

  it('carries one schema.org Comment per published comment as JSON-LD that hostile text cannot end', async () => {
    const {win, host} = await openPage({fixture: 'basic', script: 'none'});
    const scripts = win.document.querySelectorAll('script[type="application/ld+json"]');
    expect(scripts).to.have.length(1);
    expect(host.contains(scripts[0])).to.equal(true);
    const items = JSON.parse(scripts[0].textContent!) as {'@type': string; url: string; author: {name: string}; text: string; parentItem?: {'@id': string}}[];
    expect(items.map((item) => item.url.replace(/^.*#/, ''))).to.have.members(['comment-a1', 'comment-a2', 'comment-a3', 'comment-h1']);
    const hostile = items.find((item) => item.url.endsWith('#comment-h1'))!;
    expect(hostile.author.name).to.equal('Mallory </script><!--');
    expect(hostile.text).to.contain('</script><script>alert(1)</script>');
    expect(items.find((item) => item.url.endsWith('#comment-a3'))!.parentItem!['@id']).to.match(/#comment-a2$/);
    // No script element was cut short: the element holds exactly the two scripts the server wrote.
    expect(host.querySelectorAll('script')).to.have.length(2);
  });

  it('is taken over by the script without re-creating a node, then times are relative and replying works', async () => {
    const now = Date.now();
    const {win, host} = await openPage({fixture: 'basic', script: 'none', now: String(now)});
    const root = host.shadowRoot!;
    const before = [...root.querySelectorAll('article.comment, time, button, ol, section')];
    const logged = watchConsole(win);
    await addScript(win, host);
    const after = [...root.querySelectorAll('article.comment, time, button, ol, section')];
    expect(after.length).to.equal(before.length);
    after.forEach((node, i) => expect(node === before[i], `node ${i} (${node.localName}#${node.id}) is the server's`).to.equal(true));
    expect(logged.filter((line) => /hydrat|differs/i.test(line))).to.deep.equal([]);
    // Times are corrected in place: the same <time>, now relative.
    await until(() => text(root.querySelector('#comment-a3 time')) === 'vor\u00a05\u00a0Minuten', 'the relative time');
    // Then everything works as without server rendering: reply to a comment.
    root.querySelector<HTMLButtonElement>('#comment-a1 [data-action="reply"]')!.click();
    const form = await until(() => root.querySelector('comment-reply')?.shadowRoot?.querySelector('form'), 'the reply form');
    const textarea = form.querySelector('textarea')!;
    textarea.value = 'Eine Antwort nach dem Übernehmen.';
    textarea.dispatchEvent(new win.InputEvent('input', {bubbles: true}));
    const name = form.querySelector<HTMLInputElement>('input[name="name"]');
    if (name) {
      name.value = 'Testerin';
      name.dispatchEvent(new win.InputEvent('input', {bubbles: true}));
    }
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => [...root.querySelectorAll('[part~="body"]')].some((body) => text(body) === 'Eine Antwort nach dem Übernehmen.'), 'the posted reply');
    expect(text(root.querySelector('#heading'))).to.equal('5\u00a0Kommentare');
  });

  it('continues from the server’s page and cursor: no request for the first page, then paging and live comments', async () => {
    const server = await referenceServer();
    const thread = `ssr-rest-${Math.random().toString(36).slice(2)}`;
    const now = Date.now();
    const comments = Array.from({length: 5}, (_, i) => ({
      id: `${thread}-${i + 1}`,
      author: {name: `Leser ${i + 1}`},
      body: `Kommentar ${i + 1}`,
      createdAt: new Date(now - (i + 1) * MINUTE).toISOString(),
    }));
    await server.control('seed', {thread, comments});
    await server.control('log');
    const {win, host} = await openPage({fixture: 'rest', script: 'none', restUrl: server.api, thread, pageSize: '3', now: String(now)});
    const root = host.shadowRoot!;
    expect(root.querySelectorAll('article.comment')).to.have.length(3);
    const first = root.querySelector('article.comment');
    const logged = watchConsole(win);
    await addScript(win, host);
    expect(root.querySelector('article.comment')).to.equal(first);
    expect(logged.filter((line) => /hydrat|differs/i.test(line))).to.deep.equal([]);
    // The browser's requests (the page's own, by the test runner's server as a publisher's would, says "node").
    const gets = async () =>
      ((await server.log()) as {method: string; path: string; query?: string; headers: Record<string, string>}[]).filter(
        (request) => request.method === 'GET' && request.path === `/threads/${thread}/comments` && request.headers['user-agent'] !== 'node'
      );
    expect(await gets(), 'no request for the first page').to.deep.equal([]);
    // "Weitere Kommentare laden" asks for the page after the server's cursor.
    root.querySelector<HTMLButtonElement>('[part~="load-more"]')!.click();
    await until(() => root.querySelectorAll('article.comment').length === 5, 'the second page');
    const requests = await gets();
    expect(requests).to.have.length(1);
    expect(requests[0].query).to.contain('cursor=');
    // A comment written elsewhere arrives live.
    await server.control('seed', {thread, comments: [{id: `${thread}-new`, author: {name: 'Neu'}, body: 'Gerade geschrieben', createdAt: new Date().toISOString()}]});
    await until(() => root.querySelector('[part~="show-new"]') ?? root.querySelector(`#comment-${thread}-new`), 'the live comment', 15_000);
  });

  it('works under the strict CSP with Trusted Types, with the style hash the server names', async () => {
    const {win, host} = await openPage({fixture: 'basic', script: 'min', csp: '1'});
    const root = host.shadowRoot!;
    await until(() => (host as HTMLElement & {hasUpdated?: boolean}).hasUpdated, 'the element to take over');
    expect(win.violations).to.deep.equal([]);
    // Taken over, not rendered anew: the server's <style> and its part markers are still there.
    expect(root.querySelector('style')).to.exist;
    const walker = win.document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
    let serverMarkers = 0;
    while (walker.nextNode()) if ((walker.currentNode as Comment).data.startsWith('lit-part')) serverMarkers++;
    expect(serverMarkers).to.be.greaterThan(10);
    expect(getComputedStyle(root.querySelector('.badge')!).fontWeight).to.equal('700');
    expect(root.adoptedStyleSheets.length).to.be.greaterThan(0);
    await until(() => text(root.querySelector('#comment-a3 time')).startsWith('vor\u00a0'), 'the relative time');
  });

  describe('with reader.js, the script for server-rendered pages', () => {
    /** The files of the module build the page requested. */
    const requested = (win: Window) =>
      win.performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.startsWith('/dist/cdn/'))
        .map((path) => path.slice('/dist/cdn/'.length));

    it('keeps times relative and loads nothing more until the reader turns to the discussion; a click that came early is carried out', async () => {
      const now = Date.now();
      const {win, host} = await openPage({fixture: 'basic', script: 'reader', now: String(now)});
      const root = host.shadowRoot!;
      await until(() => text(root.querySelector('#comment-a3 time')) === 'vor\u00a05\u00a0Minuten', 'the relative time, written by reader.js');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(win.customElements.get('article-comments'), 'the widget is not loaded').to.equal(undefined);
      const files = requested(win);
      expect(files).to.include('reader.js');
      expect(files.filter((name) => name.startsWith('core-') || name === 'article-comments.js')).to.deep.equal([]);
      // The reader clicks "Antworten" before anything else: the widget loads, takes over, and opens the form.
      const logged = watchConsole(win);
      const article = root.querySelector('#comment-a1');
      const reply = root.querySelector<HTMLButtonElement>('#comment-a1 [data-action="reply"]')!;
      reply.click();
      await until(() => root.querySelector('comment-reply')?.shadowRoot?.querySelector('form'), 'the reply form, after the widget loaded');
      expect(root.querySelector('#comment-a1')).to.equal(article);
      expect(root.querySelector('#comment-a1 [data-action="reply"]')).to.equal(reply);
      expect(requested(win).some((name) => name.startsWith('core-'))).to.equal(true);
      expect(logged.filter((line) => /hydrat|differs/i.test(line))).to.deep.equal([]);
    });

    it('loads the widget when a pointer comes over the discussion', async () => {
      const {win, host} = await openPage({fixture: 'basic', script: 'reader'});
      await until(() => text(host.shadowRoot!.querySelector('#comment-a3 time')).startsWith('vor'), 'reader.js');
      host.shadowRoot!.querySelector('#comment-a2')!.dispatchEvent(new win.PointerEvent('pointerover', {bubbles: true, composed: true}));
      await until(() => (host as HTMLElement & {hasUpdated?: boolean}).hasUpdated, 'the widget to take over');
    });

    it('loads the widget at once for a link to a comment, which it then shows', async () => {
      const {host} = await openPage({fixture: 'basic', script: 'reader'}, {hash: '#comment-a3'});
      const target = await until(() => host.shadowRoot!.querySelector('#comment-a3[part~="comment-target"]'), 'the linked comment, highlighted');
      expect(target).to.exist;
    });
  });

  describe('with the script-tag file, after the take-over', () => {
    interface Bundle {
      ManualClock: new (now: number) => {pending: number; now(): number};
      MemoryAdapter: new (discussions: Record<string, unknown[]>) => unknown;
    }

    it('a removed element leaves no time on the clock: server-rendered and rendered in the browser', async () => {
      const now = Date.now();
      const {win, host} = await openPage({fixture: 'basic', script: 'none', now: String(now)});
      await addScript(win, host);
      const bundle = (win as unknown as {ArticleComments: Bundle}).ArticleComments;
      // Server-rendered: times move to another clock, then the element leaves the page.
      const clock = new bundle.ManualClock(now);
      Object.assign(host, {clock});
      await until(() => clock.pending > 0, 'the times on the manual clock');
      host.remove();
      expect(clock.pending, 'times still registered after removal').to.equal(0);
      // Rendered in the browser by the same file.
      const other = new bundle.ManualClock(now);
      const element = Object.assign(win.document.createElement('article-comments'), {
        thread: 'bundle',
        clock: other,
        adapter: new bundle.MemoryAdapter({bundle: [{id: 'b1', author: {name: 'B'}, body: 'Text', createdAt: new Date(now - 3 * MINUTE).toISOString()}]}),
      });
      win.document.body.append(element);
      await until(() => other.pending > 0, 'the time of the new element on its clock');
      element.remove();
      expect(other.pending).to.equal(0);
    });

    it('takes over a backend page whose discussion object is broken, as the server rendered it', async () => {
      const {win, host} = await openPage({fixture: 'broken', script: 'none'});
      const root = host.shadowRoot!;
      const first = root.querySelector('article.comment');
      expect(root.querySelectorAll('article.comment')).to.have.length(3);
      const logged = watchConsole(win);
      await addScript(win, host);
      expect(root.querySelector('article.comment')).to.equal(first);
      expect(root.querySelector('[data-action="compose"]'), 'not closed: "ja" is no boolean').to.exist;
      expect(logged.filter((line) => /hydrat|differs/i.test(line))).to.deep.equal([]);
    });
  });
});
