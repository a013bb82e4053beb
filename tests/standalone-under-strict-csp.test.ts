import {expect} from '@open-wc/testing';
import {until} from './harness.js';

interface FrameWindow extends Window {
  InputEvent: typeof InputEvent;
  violations: string[];
  ArticleComments: Record<string, unknown> & {load(name: string): Promise<Record<string, unknown>>};
}

async function openPage(): Promise<{frame: HTMLIFrameElement; win: FrameWindow; root: ShadowRoot}> {
  const frame = document.createElement('iframe');
  frame.src = '/tests/csp/page.html';
  frame.style.width = '800px';
  frame.style.height = '900px';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  const win = frame.contentWindow as FrameWindow;
  const root = await until(
    () => {
      const shadow = win.document.querySelector('article-comments')?.shadowRoot;
      return shadow?.querySelectorAll('article.comment').length === 2 ? shadow : null;
    },
    'the discussion inside the strict-CSP page'
  );
  return {frame, win, root};
}

describe('the script-tag file under a strict CSP with Trusted Types', () => {
  it('renders the discussion with no CSP or Trusted Types violation', async () => {
    const {frame, win, root} = await openPage();
    try {
      expect(win.violations).to.deep.equal([]);
      expect(root.querySelector('h2')!.textContent).to.equal('2\u00a0Kommentare');
      expect(root.querySelector('[part~="badge"]')!.textContent).to.equal('Redaktion');
      // Styles arrive as constructable stylesheets, which style-src 'self' allows.
      expect(root.adoptedStyleSheets.length).to.be.greaterThan(0);
      expect(win.getComputedStyle(root.querySelector('.badge')!).fontWeight).to.equal('700');
      // The file registers both elements and exposes the API for publishers.
      expect(win.customElements.get('article-comments')).to.exist;
      expect(win.customElements.get('comment-reply')).to.exist;
      expect(win.ArticleComments.MemoryAdapter).to.be.a('function');
      // Nothing else is loaded: no font, no icons, no second script.
      // (The test runner's own web-socket script is injected into every page it serves.)
      const loaded = win.performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => !path.startsWith('/__web-dev-server'));
      expect(loaded.sort()).to.deep.equal(['/dist/article-comments.min.js', '/tests/csp/violations.js']);
    } finally {
      frame.remove();
    }
  });

  it('posts a comment with no violation', async () => {
    const {frame, win, root} = await openPage();
    try {
      root.querySelector<HTMLButtonElement>('[data-action="compose"]')!.click();
      const reply = await until(() => root.querySelector('comment-reply'), 'the form');
      await reply.updateComplete;
      const form = reply.shadowRoot!;
      const textarea = form.querySelector('textarea')!;
      textarea.value = 'Gesendet unter CSP.';
      textarea.dispatchEvent(new win.InputEvent('input'));
      const name = form.querySelector<HTMLInputElement>('input[name="name"]')!;
      name.value = 'Strikt';
      name.dispatchEvent(new win.InputEvent('input'));
      form.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
      await until(() => root.querySelectorAll('article.comment').length === 3, 'the posted comment');
      expect(win.violations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('ArticleComments.load hands out the parts inside, as the module build does from its files', async () => {
    const {frame, win} = await openPage();
    try {
      const api = win.ArticleComments;
      const {RestAdapter, HttpClient} = await api.load('rest');
      expect(RestAdapter).to.equal(api.RestAdapter);
      expect(HttpClient).to.equal(api.HttpClient);
      expect((await api.load('storage')).BrowserStorageAdapter).to.equal(api.BrowserStorageAdapter);
      expect((await api.load('composer')).CommentReply).to.equal(win.customElements.get('comment-reply'));
      // The Waline adapter is a file of its own here, loaded after this one.
      const error = await api.load('waline').catch((caught: unknown) => caught);
      expect(String(error)).to.contain('article-comments-waline.min.js');
      // Still nothing else was loaded.
      const scripts = win.performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname.startsWith('/dist/'));
      expect(scripts).to.have.length(1);
    } finally {
      frame.remove();
    }
  });

  it('really enforces the policy (control)', async () => {
    const {frame, win} = await openPage();
    try {
      const div = win.document.createElement('div');
      // A TypeError of the frame's realm; each engine words it differently.
      expect(() => {
        div.innerHTML = '<b>x</b>';
      })
        .to.throw()
        .with.property('name', 'TypeError');
      await until(() => win.violations.some((v) => v.startsWith('require-trusted-types-for')), 'the violation report');
    } finally {
      frame.remove();
    }
  });
});
