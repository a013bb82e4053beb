/**
 * The reader-first module build (`dist/cdn/`) as publishers load it, under
 * the strict CSP with Trusted Types: reading needs the entry and `core-…`
 * (and the chunk of German wording it shares with reader.js) only; the composer, the report dialog, the REST adapter and browser
 * storage arrive from the files beside it when a reader needs them, and not
 * a request earlier.
 */
import {expect} from '@open-wc/testing';
import {draftKey} from '../src/drafts/saved-draft.js';
import {freshThread, openDiscussionFrame, until} from './harness.js';

interface FrameWindow extends Window {
  InputEvent: typeof InputEvent;
  PointerEvent: typeof PointerEvent;
  FocusEvent: typeof FocusEvent;
  violations: string[];
  ArticleComments: Record<string, unknown> & {load(name: string): Promise<Record<string, unknown>>};
}

interface Page {
  frame: HTMLIFrameElement;
  win: FrameWindow;
  root: ShadowRoot;
}

/** A page under tests/csp/ in a frame of its own, once its discussion shows `comments` comments. */
function openPage(path: string, comments = 2): Promise<Page> {
  return openDiscussionFrame<FrameWindow>(path, comments);
}

/** The files of dist/ the page requested so far, by name: "article-comments", "core", "composer" … (hashes left off). */
function requested(win: FrameWindow): string[] {
  return win.performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith('/dist/'))
    .map((path) => (path === '/dist/cdn/article-comments.js' ? 'article-comments' : path.replace(/^\/dist\/cdn\/(.+)-[\w-]{8}\.js$/, '$1')))
    .sort();
}

/** What only a reader who writes, reports, or uses another backend needs. */
const ON_DEMAND = ['composer', 'report', 'report-check', 'validate', 'rest', 'http', 'storage', 'waline', 'memory-own', 'own-change'];

function expectNoneOf(win: FrameWindow, names: string[]): void {
  expect(requested(win).filter((name) => names.includes(name)), 'files loaded before they were needed').to.deep.equal([]);
}

/** The focused element inside the frame, through shadow roots. */
function focused(win: FrameWindow): Element | null {
  let active = win.document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function type(win: FrameWindow, field: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  field.value = text;
  field.dispatchEvent(new win.InputEvent('input', {bubbles: true, composed: true}));
}

describe('the module build under a strict CSP with Trusted Types', () => {
  it('reads the discussion inline with the entry and core only (and the wording core shares with reader.js), with no violation', async () => {
    const {win, root} = await openPage(`/tests/csp/module-page.html?thread=${freshThread('module')}`);
    expect(win.violations).to.deep.equal([]);
    expect(root.querySelector('h2')!.textContent).to.equal('2\u00a0Kommentare');
    expect(root.querySelector('[part~="badge"]')!.textContent).to.equal('Redaktion');
    expect(win.getComputedStyle(root.querySelector('.badge')!).fontWeight).to.equal('700');
    expect(requested(win)).to.deep.equal(['article-comments', 'core', 'shared']);
    expect(win.customElements.get('article-comments')).to.exist;
    expect(win.customElements.get('comment-count')).to.exist;
    expect(win.customElements.get('comment-reply')).to.equal(undefined);
    expect(win.customElements.get('comment-report')).to.equal(undefined);
    // The same API as the all-in-one file for pages without a build step; the rest through load().
    expect(win.ArticleComments.MemoryAdapter).to.be.a('function');
    expect(win.ArticleComments.ValidationError).to.be.a('function');
    expect(win.ArticleComments.load).to.be.a('function');
  });

  it('loads the composer on "Schreiben Sie einen Kommentar …", moves focus into it, and posts', async () => {
    const {win, root} = await openPage(`/tests/csp/module-page.html?thread=${freshThread('module')}`);
    root.querySelector<HTMLButtonElement>('[data-action="compose"]')!.click();
    const reply = await until(() => root.querySelector('comment-reply'), 'the composer');
    await until(() => focused(win)?.matches('textarea'), 'the focus in the composer');
    expect(requested(win)).to.include('composer');
    const form = reply.shadowRoot!;
    type(win, form.querySelector('textarea')!, 'Gesendet aus der Moduldatei.');
    type(win, form.querySelector<HTMLInputElement>('input[name="name"]')!, 'Strikt');
    form.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
    await until(() => root.querySelectorAll('article.comment').length === 3, 'the posted comment');
    expect(win.violations).to.deep.equal([]);
    expectNoneOf(win, ['report', 'report-check', 'rest', 'http', 'storage', 'waline']);
  });

  it('edits, deletes and restores one’s own comment, loading what that needs only then, with no violation', async () => {
    const {win, root} = await openPage(`/tests/csp/module-page.html?thread=${freshThread('module')}`);
    root.querySelector<HTMLButtonElement>('[data-action="compose"]')!.click();
    const composer = (await until(() => root.querySelector('comment-reply'), 'the composer')).shadowRoot!;
    await until(() => composer.querySelector('textarea'), 'the form');
    type(win, composer.querySelector('textarea')!, 'Mit Tippfeler.');
    type(win, composer.querySelector<HTMLInputElement>('input[name="name"]')!, 'Strikt');
    composer.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
    const mine = await until(() => [...root.querySelectorAll<HTMLElement>('article.comment')].find((a) => a.querySelector('[data-action="edit"]')), 'the own comment');
    expectNoneOf(win, ['memory-own', 'own-change']);
    mine.querySelector<HTMLButtonElement>('[data-action="edit"]')!.click();
    const edit = (await until(() => mine.querySelector('comment-reply[edit-id]'), 'the edit form')).shadowRoot!;
    await until(() => edit.querySelector('textarea'), 'the edit field');
    type(win, edit.querySelector('textarea')!, 'Ohne Tippfehler.');
    edit.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
    await until(() => mine.querySelector('[part~="body"]')?.textContent?.includes('Ohne Tippfehler.'), 'the edited text');
    mine.querySelector<HTMLButtonElement>('[data-action="delete"]')!.click();
    (await until(() => mine.querySelector<HTMLButtonElement>('[data-action="delete-confirm"]'), 'the question')).click();
    (await until(() => mine.querySelector<HTMLButtonElement>('[data-action="undo-delete"]:not([disabled])'), '"Rückgängig"')).click();
    await until(() => mine.querySelector('[part~="body"]')?.textContent?.includes('Ohne Tippfehler.'), 'the text back');
    expect(requested(win)).to.include.members(['memory-own', 'own-change']);
    expect(win.violations).to.deep.equal([]);
  });

  it('"Antworten" loads the composer too, and the reply form opens right under its comment', async () => {
    const {win, root} = await openPage(`/tests/csp/module-page.html?thread=${freshThread('module')}`);
    const anna = root.querySelector<HTMLElement>('#comment-a')!;
    anna.querySelector<HTMLButtonElement>('[data-action="reply"]')!.click();
    const form = await until(() => anna.closest('li')!.querySelector(':scope > comment-reply'), 'the reply form under Anna');
    expect(form.previousElementSibling).to.equal(anna);
    await until(() => focused(win)?.matches('textarea'), 'the focus in the reply form');
    expect(win.violations).to.deep.equal([]);
  });

  it('hovering or focusing a button fetches its part ahead; the form opens only on the click', async () => {
    const {win, root} = await openPage(`/tests/csp/module-page.html?thread=${freshThread('module')}`);
    const compose = root.querySelector<HTMLButtonElement>('[data-action="compose"]')!;
    compose.dispatchEvent(new win.PointerEvent('pointerover', {bubbles: true, composed: true}));
    await until(() => requested(win).includes('composer'), 'the composer fetched on hover');
    expect(root.querySelector('comment-reply')).to.equal(null);
    expectNoneOf(win, ['report']);
    const melden = root.querySelector<HTMLButtonElement>('#comment-a [data-action="report"]')!;
    melden.dispatchEvent(new win.FocusEvent('focusin', {bubbles: true, composed: true}));
    await until(() => requested(win).includes('report'), 'the report dialog fetched on focus');
    expect(root.querySelector('comment-report')).to.equal(null);
    expect(win.violations).to.deep.equal([]);
  });

  it('"Melden" loads the report dialog, which sends a report, with no violation', async () => {
    const {win, root} = await openPage(`/tests/csp/module-page.html?thread=${freshThread('module')}`);
    expectNoneOf(win, ON_DEMAND);
    root.querySelector<HTMLButtonElement>('#comment-a [data-action="report"]')!.click();
    const dialog = await until(() => root.querySelector('comment-report'), 'the report dialog');
    const form = await until(() => dialog.shadowRoot?.querySelector<HTMLDialogElement>('dialog[open]') && dialog.shadowRoot, 'the open dialog');
    expect(requested(win)).to.include('report');
    form.querySelector<HTMLInputElement>('input[value="spam"]')!.click();
    await dialog.updateComplete;
    form.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
    await until(() => form.querySelector('[part~="confirmation"]'), 'the confirmation');
    expect(win.violations).to.deep.equal([]);
    expectNoneOf(win, ['composer', 'rest', 'http', 'storage', 'waline']);
  });

  it('a saved draft brings the composer at once, with its text', async () => {
    const thread = freshThread('module-draft');
    localStorage.setItem(draftKey(thread, null), JSON.stringify({body: 'Noch nicht gesendet.', quote: null, idempotencyKey: 'k-module', savedAt: Date.now()}));
    try {
      const {win, root} = await openPage(`/tests/csp/module-page.html?thread=${thread}`);
      const reply = await until(() => root.querySelector('comment-reply'), 'the composer with the draft');
      await reply.updateComplete;
      expect(reply.shadowRoot!.querySelector('textarea')!.value).to.equal('Noch nicht gesendet.');
      expect(requested(win)).to.include('composer');
      expect(win.violations).to.deep.equal([]);
    } finally {
      localStorage.removeItem(draftKey(thread, null));
    }
  });

  it('with src, the REST adapter arrives to read; nothing for writing or reporting', async () => {
    const {win, root} = await openPage('/tests/csp/module-rest-page.html');
    expect(root.querySelector('h2')!.textContent).to.equal('2\u00a0Kommentare');
    expect(requested(win)).to.include.members(['article-comments', 'core', 'rest', 'http']);
    expectNoneOf(win, ['composer', 'report', 'report-check', 'validate', 'storage', 'waline']);
    expect(win.violations).to.deep.equal([]);
  });

  it('with storage="local", browser storage arrives to read; not REST', async () => {
    const {win} = await openPage(`/tests/csp/module-page.html?thread=${freshThread('module-local')}&storage=local`);
    expect(requested(win)).to.include('storage');
    expectNoneOf(win, ['composer', 'report', 'rest', 'http', 'waline']);
    expect(win.violations).to.deep.equal([]);
  });

  it('ArticleComments.load hands a page each part’s classes', async () => {
    const {win} = await openPage(`/tests/csp/module-page.html?thread=${freshThread('module')}`);
    const {RestAdapter, HttpClient} = await win.ArticleComments.load('rest');
    expect(RestAdapter).to.be.a('function');
    expect(HttpClient).to.be.a('function');
    expect((await win.ArticleComments.load('storage')).BrowserStorageAdapter).to.be.a('function');
    expect((await win.ArticleComments.load('report')).CommentReport).to.equal(win.customElements.get('comment-report'));
    expect((await win.ArticleComments.load('composer')).CommentReply).to.equal(win.customElements.get('comment-reply'));
    const error = await win.ArticleComments.load('emoji').catch((caught: unknown) => caught);
    expect(String(error)).to.contain('no part "emoji"');
    expect(win.violations).to.deep.equal([]);
  });
});
