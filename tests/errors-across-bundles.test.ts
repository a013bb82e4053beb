import {expect} from '@open-wc/testing';
import {AdapterError, NetworkError, toAdapterError, ValidationError} from '../src/adapters/errors.js';
import {errorMessage} from '../src/i18n/errors.js';
import {until} from './harness.js';

type WalineAdapterClass = new (options: Record<string, unknown>) => {post(request: Record<string, unknown>): Promise<unknown>};

interface FrameWindow extends Window {
  InputEvent: typeof InputEvent;
  violations: string[];
  nextPost: 'missing-name' | 'offline';
  walineReady?: boolean;
  ArticleComments: Record<string, unknown> & {
    WalineAdapter: WalineAdapterClass;
    load(name: 'waline'): Promise<{WalineAdapter: WalineAdapterClass}>;
    AdapterError: {is(value: unknown): boolean};
    ValidationError: (new (...args: never[]) => object) & {is(value: unknown): boolean};
  };
}

/**
 * tests/csp/waline-page.html: both script-tag files under the strict CSP, with a Waline adapter;
 * or tests/csp/module-waline-page.html: the module build, which loads the Waline adapter from beside it.
 */
async function openPage(page = 'waline-page.html'): Promise<{frame: HTMLIFrameElement; win: FrameWindow; form: ShadowRoot}> {
  const frame = document.createElement('iframe');
  frame.src = `/tests/csp/${page}`;
  frame.style.width = '800px';
  frame.style.height = '900px';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  const win = frame.contentWindow as FrameWindow;
  // The module page's setup sets the adapter once the Waline file is in.
  if (page.startsWith('module')) await until(() => win.walineReady, 'the Waline adapter');
  const root = await until(() => {
    const shadow = win.document.querySelector('article-comments')?.shadowRoot;
    return shadow?.querySelector('[aria-busy="true"]') === null && shadow.querySelector('h2') ? shadow : null;
  }, 'the empty discussion');
  if (!root.querySelector('comment-reply')) root.querySelector<HTMLButtonElement>('[data-action="compose"]')?.click();
  const reply = await until(() => root.querySelector('comment-reply'), 'the form');
  await reply.updateComplete;
  return {frame, win, form: reply.shadowRoot!};
}

/** Types a comment (no name: the page allows posting without one) and sends it; returns the error texts shown. */
async function send(win: FrameWindow, form: ShadowRoot, text: string): Promise<{failure: string; fields: string[]}> {
  const textarea = form.querySelector('textarea')!;
  textarea.value = text;
  textarea.dispatchEvent(new win.InputEvent('input'));
  const failure = form.querySelector('[role="alert"]')!;
  form.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
  await until(() => failure.textContent!.trim(), 'the failure message');
  const fields = [...form.querySelectorAll('[part~="error"]:not([role="alert"])')].map((error) => error.textContent!.trim());
  return {failure: failure.textContent!.trim(), fields};
}

describe('errors from the Waline script-tag file, shown by the main file', () => {
  it('a validation error from Waline (a missing name) reads as a rejection, at the name field', async () => {
    const {frame, win, form} = await openPage();
    try {
      win.nextPost = 'missing-name';
      const {failure, fields} = await send(win, form, 'Ohne Namen geschrieben.');
      expect(failure).to.contain('Der Kommentar wurde nicht angenommen.');
      expect(failure).not.to.contain('unerwartet');
      expect(fields).to.deep.equal(['Bitte geben Sie einen Namen an.']);
      expect(form.querySelector('textarea')!.value).to.equal('Ohne Namen geschrieben.');
      expect(win.violations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('a network failure under Waline reads as "Keine Verbindung"', async () => {
    const {frame, win, form} = await openPage();
    try {
      win.nextPost = 'offline';
      const {failure} = await send(win, form, 'Im Funkloch geschrieben.');
      expect(failure).to.contain('Keine Verbindung zum Server.');
      expect(failure).not.to.contain('unerwartet');
      expect(win.violations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('the page holds one copy of each error class, which the publisher’s code recognises too', async () => {
    const {frame, win} = await openPage();
    try {
      const api = win.ArticleComments;
      const adapter = new api.WalineAdapter({serverURL: win.location.origin, pollInterval: 0});
      const error = await adapter
        .post({thread: '/artikel/x', parentId: null, author: {name: ''}, body: 'Text', quote: null, idempotencyKey: 'k'})
        .catch((caught: unknown) => caught);
      expect(error).to.be.instanceOf(api.ValidationError);
      expect(api.ValidationError.is(error)).to.equal(true);
      expect(api.AdapterError.is(error)).to.equal(true);
      // Only the two files were loaded, and nothing else.
      const scripts = win.performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.startsWith('/dist/'));
      expect(scripts.sort()).to.deep.equal(['/dist/article-comments-waline.min.js', '/dist/article-comments.min.js']);
      // ArticleComments.load('waline') finds it, as with the module build.
      expect((await api.load('waline')).WalineAdapter).to.equal(api.WalineAdapter);
    } finally {
      frame.remove();
    }
  });
});

describe('errors from the Waline adapter of the module build, loaded beside it', () => {
  it('a validation error from Waline reads as a rejection, at the name field, with no violation', async () => {
    const {frame, win, form} = await openPage('module-waline-page.html');
    try {
      win.nextPost = 'missing-name';
      const {failure, fields} = await send(win, form, 'Ohne Namen geschrieben.');
      expect(failure).to.contain('Der Kommentar wurde nicht angenommen.');
      expect(fields).to.deep.equal(['Bitte geben Sie einen Namen an.']);
      expect(win.violations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('the page holds one copy of each error class: the entry’s, which the Waline file imports', async () => {
    const {frame, win} = await openPage('module-waline-page.html');
    try {
      const api = win.ArticleComments;
      const {WalineAdapter} = await api.load('waline');
      const adapter = new WalineAdapter({serverURL: win.location.origin, pollInterval: 0});
      const error = await adapter
        .post({thread: '/artikel/x', parentId: null, author: {name: ''}, body: 'Text', quote: null, idempotencyKey: 'k'})
        .catch((caught: unknown) => caught);
      expect(error).to.be.instanceOf(api.ValidationError);
      expect(api.AdapterError.is(error)).to.equal(true);
      // The entry ran once: no file imports it (they import core-…), however the page spells its URL.
      const files = win.performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.startsWith('/dist/'));
      expect(files.filter((path) => path === '/dist/cdn/article-comments.js')).to.have.length(1);
      expect(files.some((path) => /^\/dist\/cdn\/waline-[\w-]{8}\.js$/.test(path))).to.equal(true);
      expect(files.some((path) => path.endsWith('.min.js'))).to.equal(false);
    } finally {
      frame.remove();
    }
  });
});

describe('errors from another copy of the error classes', () => {
  // A second instance of the module (another URL), as two installed versions of the package (or
  // an adapter built against another copy) put on one page: `instanceof` cannot see its errors.
  const SECOND_COPY: string = '../src/adapters/errors.ts?copy=second';
  const secondCopy = () => import(SECOND_COPY) as Promise<typeof import('../src/adapters/errors.js')>;

  it('are recognised by `is`, keep their kind, and read in German', async () => {
    const other = await secondCopy();
    const invalid = new other.ValidationError({name: 'Bitte geben Sie einen Namen an.'});
    const offline = new other.NetworkError();
    expect(invalid instanceof ValidationError).to.equal(false);
    expect(errorMessage(invalid)).to.equal('Der Kommentar wurde nicht angenommen. Bitte überarbeiten Sie Ihren Text und senden Sie ihn dann noch einmal.');
    expect(errorMessage(offline)).to.equal('Keine Verbindung zum Server. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es dann noch einmal.');
    expect(toAdapterError(offline)).to.equal(offline);
    expect(toAdapterError(offline).retryable).to.equal(true);
    expect(ValidationError.is(invalid)).to.equal(true);
    expect(AdapterError.is(invalid)).to.equal(true);
    expect(NetworkError.is(invalid)).to.equal(false);
  });

  it('are told from look-alikes without the mark', () => {
    const lookAlike = Object.assign(new Error('Nope'), {kind: 'invalid', fieldErrors: {}});
    expect(AdapterError.is(lookAlike)).to.equal(false);
    expect(ValidationError.is({kind: 'invalid'})).to.equal(false);
    expect(AdapterError.is(null)).to.equal(false);
    expect(AdapterError.is('invalid')).to.equal(false);
  });
});
