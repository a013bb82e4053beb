import {expect} from '@open-wc/testing';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import type {CommentReport} from '../src/elements/comment-report/comment-report.js';
import type {CommentReportEvent} from '../src/events.js';
import {freshThread, record, renderDiscussion, until} from './harness.js';
import {ReportHarness} from './report-harness.js';

/** The dialog the discussion opened, as a harness. */
async function dialogOf(root: ShadowRoot): Promise<ReportHarness> {
  const element = await until(() => root.querySelector<CommentReport>('comment-report'), 'the report dialog');
  await until(() => element.open, 'the dialog to open');
  return new ReportHarness(element, document.createElement('button'), document.createElement('a'));
}

describe('"Melden" in the discussion', () => {
  it('reports a comment through the dialog; the comment then reads "Gemeldet" here, also after a reload', async () => {
    const thread = freshThread('melden');
    const adapter = new MemoryAdapter({[thread]: [record({id: 'bad', author: {name: 'Troll'}}), record({id: 'good', author: {name: 'Anna'}})]});
    const view = await renderDiscussion(null, {thread, adapter});
    const events: CommentReportEvent[] = [];
    view.element.addEventListener('comment-report', (event) => events.push(event));
    const button = view.comment('Troll').querySelector<HTMLButtonElement>('[part~="report"]')!;
    expect(button.textContent!.trim()).to.equal('Melden');
    expect(button.getAttribute('aria-label')).to.equal('Kommentar von Troll melden');
    button.click();
    const dialog = await dialogOf(view.root);
    expect(dialog.title()).to.contain('Troll');
    await dialog.choose('spam');
    await dialog.send();
    expect(dialog.confirmation()!.thanks).to.equal('Vielen Dank. Ihre Meldung ist eingegangen.');
    expect(adapter.reports(thread).map((report) => report.commentId)).to.deep.equal(['bad']);
    expect(events.map((event) => [event.request.commentId, event.request.reason, event.receipt.id])).to.deep.equal([['bad', 'spam', adapter.reports(thread)[0].id]]);
    dialog.closeButton!.click();
    await until(() => !view.root.querySelector('comment-report'), 'the dialog gone');
    const reported = view.comment('Troll').querySelector<HTMLButtonElement>('[part~="report"]')!;
    expect(reported.textContent!.trim()).to.equal('Gemeldet');
    expect(reported.disabled).to.equal(true);
    // Focus went back to the comment ("Gemeldet" cannot take it).
    await until(() => view.focused() === view.comment('Troll'), 'focus on the comment');
    expect(view.comment('Anna').querySelector('[part~="report"]')!.textContent!.trim()).to.equal('Melden');

    view.element.remove();
    const again = await renderDiscussion(null, {thread, adapter});
    expect(again.comment('Troll').querySelector('[part~="report"]')!.textContent!.trim()).to.equal('Gemeldet');
  });

  it('returns focus to "Melden" when the reader cancels, and offers no "Melden" on the reader’s own comment', async () => {
    const thread = freshThread('melden-cancel');
    const adapter = new MemoryAdapter({[thread]: [record({id: 'a', author: {name: 'Anna'}})]});
    const view = await renderDiscussion(null, {thread, adapter});
    const button = view.comment('Anna').querySelector<HTMLButtonElement>('[part~="report"]')!;
    button.click();
    const dialog = await dialogOf(view.root);
    dialog.cancelButton.click();
    await until(() => !view.root.querySelector('comment-report'), 'the dialog gone');
    await until(() => view.focused() === view.comment('Anna').querySelector('[part~="report"]'), 'focus back on "Melden"');

    const form = await view.composer();
    await form.write('Mein eigener Beitrag', 'Ich');
    await form.send();
    const mine = await until(() => view.comments().find((article) => view.author(article) === 'Ich'), 'the own comment');
    expect(mine.querySelector('[part~="report"]')).to.equal(null);
  });
});
