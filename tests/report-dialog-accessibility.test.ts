import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {ReportRequest} from '../src/adapters/adapter.js';
import {NetworkError} from '../src/adapters/errors.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import {ManualClock} from '../src/time/clock.js';
import {freshThread, record, until} from './harness.js';
import {deepActiveElement, openReport, openReportInFrame, type ReportHarness} from './report-harness.js';

const clock = new ManualClock('2026-11-25T14:03:00Z');

function memory(thread: string): MemoryAdapter {
  return new MemoryAdapter({[thread]: [record({id: 'c1', author: {name: 'Tifosi_1947'}})]}, {clock});
}

async function open(options: {theme?: 'dark'; adapter?: (thread: string) => MemoryAdapter} = {}) {
  const thread = freshThread('report-a11y');
  const adapter = (options.adapter ?? memory)(thread);
  const view = await openReport({adapter, thread, clock, theme: options.theme, permalink: 'https://www.example-news.de/artikel/ferrari#comment-c1'});
  return {view, adapter, thread};
}

async function press(key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await sendKeys({press: key});
}

/** Tabs until `target` has the focus (at most `limit` presses), failing if focus ever leaves the dialog for the page. */
async function tabTo(view: ReportHarness, target: Element, limit = 12): Promise<void> {
  for (let i = 0; i < limit && deepActiveElement() !== target; i++) {
    await press('Tab');
    const focused = deepActiveElement();
    expect(focused === view.behind || focused === view.opener, 'focus left the dialog for the page').to.equal(false);
  }
  expect(deepActiveElement()).to.equal(target);
}

describe('the report dialog by keyboard and for assistive technology', () => {
  it('can be used by keyboard alone: open, choose, fill the notice, send, close, back on "Melden"', async function () {
    // About 60 key presses, each a round trip to the browser's driver: on a loaded machine more than the default 10 s.
    this.timeout(30_000);
    const {view, adapter, thread} = await open();
    view.element.close();
    await until(() => !view.element.open, 'closed');
    view.opener.focus();
    await press('Enter');
    await until(() => deepActiveElement() === view.radio('offensive'), 'focus on the first reason');
    await press('ArrowDown', 4);
    await until(() => view.radio('illegal').checked, '"Rechtswidriger Inhalt" chosen');
    await view.element.updateComplete;

    // "Meldung senden" with nothing typed: the focus goes to the first field that needs something.
    await tabTo(view, view.sendButton, 20);
    await press('Enter');
    await until(() => deepActiveElement() === view.field('details'), 'focus on the explanation');
    expect(view.messageAt('details')).to.equal('Bitte erklären Sie, warum der Inhalt rechtswidrig ist.');

    await sendKeys({type: 'Volksverhetzung.'});
    await tabTo(view, view.field('name'));
    await sendKeys({type: 'Petra Muster'});
    await press('Tab');
    expect(deepActiveElement()).to.equal(view.field('email'));
    await sendKeys({type: 'petra@example.com'});
    await press('Tab');
    expect(deepActiveElement()).to.equal(view.field('goodFaith'));
    await press(' ');
    await until(() => view.field('goodFaith').checked, 'the confirmation ticked');
    await press('Tab');
    expect(deepActiveElement()).to.equal(view.sendButton);
    await press('Enter');
    await until(() => deepActiveElement() === view.closeButton, 'focus on "Schließen"');
    expect(adapter.reports(thread)[0].notice).to.include({name: 'Petra Muster', email: 'petra@example.com', goodFaith: true});

    const closed = view.closed();
    await press('Enter');
    await closed;
    await until(() => deepActiveElement() === view.opener, 'focus back on "Melden"');
  });

  it('keeps the focus inside while open, and Escape closes it and returns the focus', async () => {
    const {view} = await open();
    await view.choose('illegal');
    view.radio('illegal').focus();
    for (let i = 0; i < 16; i++) {
      await press('Tab');
      const focused = deepActiveElement();
      expect(focused === view.behind || focused === view.opener, `Tab ${i + 1} left the dialog`).to.equal(false);
    }
    const closed = view.closed();
    await press('Escape');
    expect((await closed).commentId).to.equal('c1');
    expect(view.element.open).to.equal(false);
    await until(() => deepActiveElement() === view.opener, 'focus back on "Melden"');
  });

  it('has no axe-core violations: open, as a notice, with messages, sending, failed, confirmed, dark', async () => {
    const {view} = await open();
    await expect(view.element).to.be.accessible();
    await view.choose('illegal');
    await expect(view.element).to.be.accessible();
    await view.send();
    expect(view.errors()).not.to.be.empty;
    await expect(view.element).to.be.accessible();

    let answer!: (value: unknown) => void;
    const pending = await open({
      adapter: (thread) =>
        Object.assign(memory(thread), {report: (_request: ReportRequest) => new Promise((resolve) => (answer = resolve))}),
    });
    await pending.view.choose('spam');
    pending.view.sendButton.click();
    await pending.view.element.updateComplete;
    await expect(pending.view.element).to.be.accessible();
    answer(Promise.reject(new NetworkError()));
    await pending.view.idle();
    expect(pending.view.failure()).to.contain('Keine Verbindung');
    await expect(pending.view.element).to.be.accessible();

    const dark = await open({theme: 'dark'});
    await dark.view.fillNotice();
    await expect(dark.view.element).to.be.accessible();
    await dark.view.send();
    expect(dark.view.confirmation()).not.to.equal(null);
    await expect(dark.view.element).to.be.accessible();
  });

  it('fits a 320 px phone: no sideways scrolling, the fields scroll, the buttons stay in view', async () => {
    const view = await openReportInFrame(320, 568, {authorName: 'Ein_Sehr_Langer_Benutzername_Ohne_Leerzeichen_1947_1948_1949'});
    await view.fillNotice({
      name: 'Maximiliane Wilhelmine von Hohenzollern-Sigmaringen-Lauenburg',
      urls: `https://www.example-news.de/${'sehr-langer-pfad-'.repeat(12)}`,
    });
    await view.send();
    expect(view.window.innerWidth).to.equal(320);
    const dialog = view.dialog.getBoundingClientRect();
    expect(dialog.left).to.be.at.least(0);
    expect(dialog.right).to.be.at.most(320);
    expect(view.dialog.scrollWidth).to.be.at.most(view.dialog.clientWidth);
    const body = view.root.querySelector<HTMLElement>('.body')!;
    expect(body.scrollWidth).to.be.at.most(body.clientWidth);
    expect(body.scrollHeight).to.be.above(body.clientHeight);
    const send = view.sendButton.getBoundingClientRect();
    expect(send.bottom).to.be.at.most(view.window.innerHeight);
    expect(send.right).to.be.at.most(320);
    expect(view.window.document.documentElement.scrollWidth).to.be.at.most(320);
  });
});
