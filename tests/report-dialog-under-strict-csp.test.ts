import {expect} from '@open-wc/testing';
import type {CommentReport} from '../src/elements/comment-report/comment-report.js';
import {until} from './harness.js';

interface FrameWindow extends Window {
  InputEvent: typeof InputEvent;
  violations: string[];
  ArticleComments: {MemoryAdapter: new (discussions: Record<string, unknown[]>) => {reports(thread: string): {notice: unknown}[]}};
}

describe('the report dialog from the script-tag file under a strict CSP with Trusted Types', () => {
  it('opens, sends a notice of illegal content and confirms, with no violation', async () => {
    const frame = document.createElement('iframe');
    frame.src = '/tests/csp/page.html';
    frame.width = '800';
    frame.height = '900';
    document.body.append(frame);
    try {
      await new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
      const win = frame.contentWindow as FrameWindow;
      await until(() => win.customElements.get('comment-report'), 'the script-tag file to register <comment-report>');
      const adapter = new win.ArticleComments.MemoryAdapter({'csp-report': [{id: 'c1', author: {name: 'Anna'}, body: 'Text', createdAt: '2026-11-25T10:00:00Z'}]});
      const dialog = win.document.createElement('comment-report') as CommentReport;
      Object.assign(dialog, {adapter, thread: 'csp-report', commentId: 'c1', authorName: '<b>Anna</b>'});
      win.document.body.append(dialog);
      await dialog.show();
      const root = dialog.shadowRoot!;
      const type = (selector: string, text: string) => {
        const field = root.querySelector<HTMLInputElement>(selector)!;
        field.value = text;
        field.dispatchEvent(new win.InputEvent('input', {bubbles: true, composed: true}));
      };
      root.querySelector<HTMLInputElement>('input[value="illegal"]')!.click();
      await dialog.updateComplete;
      type('#details', 'Bedrohung.');
      type('#name', 'Petra Muster');
      type('#email', 'petra@example.com');
      root.querySelector<HTMLInputElement>('#good-faith')!.click();
      await dialog.updateComplete;
      expect(root.querySelector('[part~="title"] bdi')!.textContent).to.equal('<b>Anna</b>');
      root.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
      await until(() => root.querySelector('[part~="confirmation"]'), 'the confirmation');
      expect(adapter.reports('csp-report')).to.have.length(1);
      expect(win.violations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
