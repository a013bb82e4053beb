import {expect} from '@open-wc/testing';
import {until} from './harness.js';

interface FrameWindow extends Window {
  violations: string[];
  ArticleComments?: Record<string, unknown>;
}

describe('dist/comment-count.min.js alone under a strict CSP with Trusted Types', () => {
  it('fills every count on a teaser page with one request and no violation', async () => {
    const frame = document.createElement('iframe');
    frame.src = '/tests/csp/count-page.html';
    document.body.append(frame);
    try {
      await new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
      const win = frame.contentWindow as FrameWindow;
      const counts = () => [...win.document.querySelectorAll('comment-count')];
      await until(() => counts().every((element) => element.textContent !== 'Kommentare'), 'the counts');
      expect(counts().map((element) => element.textContent)).to.deep.equal(['6\u00a0Kommentare', '1\u00a0Kommentar', 'Noch keine Kommentare', '1.234\u00a0Kommentare']);
      expect(counts().map((element) => element.querySelector('a')?.getAttribute('href') ?? null)).to.deep.equal([
        '/artikel/ferrari-leapmotor#kommentare',
        '/artikel/tempolimit#kommentare',
        '/artikel/neue-regierung#kommentare',
        null,
      ]);
      expect(win.violations).to.deep.equal([]);
      // The small file alone: no discussion element, no Lit; one request for all four counts.
      expect(win.customElements.get('comment-count')).to.exist;
      expect(win.customElements.get('article-comments')).to.equal(undefined);
      expect(win.ArticleComments?.CommentCount).to.be.a('function');
      const loaded = win.performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name))
        .filter((url) => !url.pathname.startsWith('/__web-dev-server'));
      expect(loaded.map((url) => url.pathname).sort()).to.deep.equal(['/dist/comment-count.min.js', '/tests/csp/api/counts', '/tests/csp/violations.js']);
      const request = loaded.find((url) => url.pathname.endsWith('/counts'))!;
      expect(request.searchParams.getAll('thread')).to.deep.equal(['ferrari-leapmotor', 'tempolimit', 'neue-regierung', 'bundesliga']);
    } finally {
      frame.remove();
    }
  });
});
