import {expect} from '@open-wc/testing';
import type {ReportReason} from '../src/adapters/adapter.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import {reportDraftKey} from '../src/drafts/report-drafts.js';
import type {CommentReportEvent} from '../src/events.js';
import {reportMessages} from '../src/i18n/report.js';
import {ManualClock} from '../src/time/clock.js';
import {formatFullDate} from '../src/time/relative-time.js';
import {freshThread, record, until} from './harness.js';
import {deepActiveElement, openReport, type Field, type ReportHarness} from './report-harness.js';

const clock = new ManualClock('2026-11-25T14:03:00Z');
const PERMALINK = 'https://www.example-news.de/artikel/ferrari-leapmotor#comment-c1';

/** A discussion with comment c1, and the dialog open on it. */
async function reportOn(options: {thread?: string; authorName?: string} = {}) {
  const thread = options.thread ?? freshThread('report');
  const adapter = new MemoryAdapter({[thread]: [record({id: 'c1', author: {name: 'Tifosi_1947'}})]}, {clock});
  const reported: CommentReportEvent[] = [];
  const view = await openReport({adapter, thread, clock, permalink: PERMALINK, authorName: options.authorName});
  view.element.addEventListener('comment-report', (event) => reported.push(event));
  return {view, adapter, thread, reported};
}

const LABELS: Record<ReportReason, string> = {
  offensive: 'Beleidigend oder hasserfüllt',
  spam: 'Spam oder Werbung',
  misinformation: 'Falschinformation',
  netiquette: 'Verstößt gegen die Netiquette',
  illegal: 'Rechtswidriger Inhalt',
};

describe('the report dialog', () => {
  it('opens as a modal with focus on the first reason, titled with the author’s name as text', async () => {
    const {view} = await reportOn({authorName: '<img src=x onerror="alert(1)"> كريم'});
    expect(view.dialog.open).to.equal(true);
    expect(view.dialog.matches(':modal')).to.equal(true);
    expect(view.element.open).to.equal(true);
    expect(deepActiveElement()).to.equal(view.radio('offensive'));
    expect(view.title()).to.equal('Kommentar von <img src=x onerror="alert(1)"> كريم melden');
    expect(view.root.querySelector('[part~="title"] bdi')!.textContent).to.equal('<img src=x onerror="alert(1)"> كريم');
    expect(view.root.querySelector('img')).to.equal(null);
    expect(view.dialog.getAttribute('aria-labelledby')).to.equal('title');
    expect(view.root.querySelector('legend')!.textContent!.trim()).to.match(/^Warum melden Sie diesen Kommentar\?/);
    expect(view.reasons()).to.deep.equal(Object.values(LABELS));
    expect(view.label('details')).to.equal('Zusätzliche Informationen (freiwillig)');
    expect(view.counter()).to.equal('0 / 500\u00a0Zeichen');
    // The page behind is inert: it cannot take focus.
    view.behind.focus();
    expect(document.activeElement).not.to.equal(view.behind);
  });

  it('says "Kommentar melden" when the author has no name', async () => {
    const {view} = await reportOn({authorName: ''});
    expect(view.title()).to.equal('Kommentar melden');
  });

  for (const reason of ['offensive', 'spam', 'misinformation', 'netiquette'] as const) {
    it(`reports "${LABELS[reason]}" without a notice, with the optional details`, async () => {
      const {view, adapter, thread, reported} = await reportOn();
      await view.choose(reason);
      if (reason !== 'spam') await view.fill('details', `  Mehr dazu: ${reason}  `);
      expect(view.has('name')).to.equal(false);
      await view.send();
      const stored = adapter.reports(thread);
      expect(stored).to.have.length(1);
      expect(stored[0]).to.include({commentId: 'c1', reason, details: reason === 'spam' ? '' : `Mehr dazu: ${reason}`, notice: null});
      expect(reported).to.have.length(1);
      expect(reported[0].request).to.deep.include({thread, commentId: 'c1', reason, notice: null});
      expect(reported[0].request).not.to.have.property('signal');
      expect(reported[0].receipt).to.deep.equal({id: stored[0].id, receivedAt: stored[0].receivedAt});
      expect(view.confirmation()!.thanks).to.equal('Vielen Dank. Ihre Meldung ist eingegangen.');
    });
  }

  it('asks for a reason first, at the reasons, with the focus there', async () => {
    const {view, adapter, thread} = await reportOn();
    await view.fill('details', 'Ohne Grund.');
    await view.send();
    expect(view.messageAt('reason')).to.equal(reportMessages.reasonMissing);
    expect(view.summary()).to.equal('Eine Angabe fehlt oder ist ungültig. Bitte prüfen Sie das markierte Feld.');
    expect(deepActiveElement()).to.equal(view.radio('offensive'));
    expect(adapter.reports(thread)).to.have.length(0);
  });

  it('counts the details up to 500 characters and refuses more', async () => {
    const {view, adapter, thread} = await reportOn();
    await view.choose('netiquette');
    await view.fill('details', 'x'.repeat(501));
    expect(view.counter()).to.equal('501 / 500\u00a0Zeichen');
    expect(view.announcement()).to.equal('1\u00a0Zeichen zu viel.');
    await view.send();
    expect(view.messageAt('details')).to.equal('Höchstens 500 Zeichen.');
    expect(view.invalid('details')).to.equal(true);
    expect(deepActiveElement()).to.equal(view.field('details'));
    expect(adapter.reports(thread)).to.have.length(0);
  });

  it('turns into the notice of illegal content and sends it with permalink, links, name and e-mail', async () => {
    const {view, adapter, thread, reported} = await reportOn();
    await view.choose('illegal');
    expect(view.announcement()).to.equal('Weitere Angaben für eine Meldung rechtswidriger Inhalte folgen unten im Formular.');
    expect(view.label('details')).to.equal('Warum ist der Inhalt rechtswidrig? (Pflichtfeld)');
    expect(view.field('details').required).to.equal(true);
    expect(view.counter()).to.equal('0 / 1.000\u00a0Zeichen');
    expect(view.field('permalink').value).to.equal(PERMALINK);
    expect(view.field('permalink').readOnly).to.equal(true);
    expect(view.label('urls')).to.equal('Weitere Links (höchstens 5, einer pro Zeile) (freiwillig)');
    expect(view.label('childAbuse')).to.equal('Die Meldung betrifft Darstellungen sexuellen Kindesmissbrauchs');
    expect(view.label('name')).to.equal('Ihr Name (Pflichtfeld)');
    expect(view.label('email')).to.equal('Ihre E-Mail-Adresse (Pflichtfeld)');
    expect(view.field('email').type).to.equal('email');
    expect(view.field('email').autocomplete).to.equal('email');
    expect(view.label('goodFaith')).to.equal(
      'Ich bestätige in gutem Glauben, dass die Angaben in dieser Meldung richtig und vollständig sind. (Pflichtfeld)'
    );
    await view.fillNotice({urls: 'https://www.example-news.de/a\n\n  https://www.example-news.de/b  \n'});
    expect(view.root.getElementById('urls-count')!.textContent).to.equal('2 von 5 Links');
    await view.send();
    const [stored] = adapter.reports(thread);
    expect(stored.reason).to.equal('illegal');
    expect(stored.details).to.equal('Bedrohung nach § 241 StGB: „Ich weiß, wo du wohnst.“');
    expect(stored.notice).to.deep.equal({
      permalink: PERMALINK,
      urls: ['https://www.example-news.de/a', 'https://www.example-news.de/b'],
      name: 'Petra Muster',
      email: 'petra@example.com',
      childAbuse: false,
      goodFaith: true,
    });
    expect(reported[0].request.notice).to.deep.equal(stored.notice);
  });

  const missing: [string, Field, Parameters<ReportHarness['fillNotice']>[0], string][] = [
    ['the explanation', 'details', {details: ''}, reportMessages.explanationMissing],
    ['the name', 'name', {name: ''}, reportMessages.nameMissing],
    ['the e-mail address', 'email', {email: ''}, reportMessages.emailMissing],
    ['a valid e-mail address', 'email', {email: 'petra(at)example.com'}, reportMessages.emailInvalid],
    ['the confirmation in good faith', 'goodFaith', {goodFaith: false}, reportMessages.goodFaithMissing],
    ['links that are links', 'urls', {urls: 'javascript:alert(1)'}, reportMessages.urlInvalid],
    ['at most five further links', 'urls', {urls: [1, 2, 3, 4, 5, 6].map((n) => `https://example.com/${n}`).join('\n')}, 'Höchstens 5 weitere Links.'],
  ];
  for (const [what, field, changes, message] of missing) {
    it(`explains at the field when the notice lacks ${what}, and sends nothing`, async () => {
      const {view, adapter, thread} = await reportOn();
      await view.fillNotice(changes);
      await view.send();
      expect(view.messageAt(field)).to.equal(message);
      expect(view.invalid(field)).to.equal(true);
      expect(view.errors()).to.include(message);
      expect(view.summary()).to.equal('Eine Angabe fehlt oder ist ungültig. Bitte prüfen Sie das markierte Feld.');
      expect(deepActiveElement()).to.equal(view.field(field));
      expect(view.sendButton.getAttribute('aria-disabled')).to.equal('false');
      expect(adapter.reports(thread)).to.have.length(0);
      // Corrected, it goes.
      await view.fillNotice({});
      await view.send();
      expect(adapter.reports(thread)).to.have.length(1);
    });
  }

  it('shows a missing permalink at the permalink', async () => {
    const {view, adapter, thread} = await reportOn();
    // Not a URL (a relative one is resolved against the page, which always works).
    view.element.permalink = 'http://[kein-link';
    await view.fillNotice();
    await view.send();
    expect(view.messageAt('permalink')).to.equal(reportMessages.permalinkMissing);
    expect(deepActiveElement()).to.equal(view.field('permalink'));
    expect(adapter.reports(thread)).to.have.length(0);
  });

  it('lists every missing field of an empty notice and focuses the first', async () => {
    const {view} = await reportOn();
    await view.choose('illegal');
    await view.send();
    expect(view.summary()).to.equal('4 Angaben fehlen oder sind ungültig. Bitte prüfen Sie die markierten Felder.');
    expect(view.messageAt('details')).to.equal(reportMessages.explanationMissing);
    expect(view.messageAt('name')).to.equal(reportMessages.nameMissing);
    expect(view.messageAt('email')).to.equal(reportMessages.emailMissing);
    expect(view.messageAt('goodFaith')).to.equal(reportMessages.goodFaithMissing);
    expect(deepActiveElement()).to.equal(view.field('details'));
    // Fixing a field takes its message away.
    await view.fill('name', 'Petra Muster');
    expect(view.messageAt('name')).to.equal('');
    expect(view.summary()).to.equal('3 Angaben fehlen oder sind ungültig. Bitte prüfen Sie die markierten Felder.');
  });

  it('makes name and e-mail optional for depictions of child sexual abuse', async () => {
    const {view, adapter, thread} = await reportOn();
    await view.fillNotice({name: '', email: ''});
    await view.tick('childAbuse');
    expect(view.label('name')).to.equal('Ihr Name (freiwillig)');
    expect(view.label('email')).to.equal('Ihre E-Mail-Adresse (freiwillig)');
    expect(view.field('name').required).to.equal(false);
    await view.send();
    const [stored] = adapter.reports(thread);
    expect(stored.notice).to.include({name: '', email: '', childAbuse: true, goodFaith: true});
  });

  it('keeps what was typed in every field when the reason changes, and sends no notice for another reason', async () => {
    const {view, adapter, thread} = await reportOn();
    await view.fillNotice({details: 'Das ist Volksverhetzung.'});
    await view.choose('offensive');
    expect(view.has('name')).to.equal(false);
    expect(view.field('details').value).to.equal('Das ist Volksverhetzung.');
    await view.choose('illegal');
    expect(view.field('name').value).to.equal('Petra Muster');
    expect(view.field('email').value).to.equal('petra@example.com');
    expect(view.field('goodFaith').checked).to.equal(true);
    await view.choose('offensive');
    await view.send();
    expect(adapter.reports(thread)[0]).to.include({reason: 'offensive', details: 'Das ist Volksverhetzung.', notice: null});
  });

  it('confirms with the backend’s reference and the time received, and shows that again when reopened', async () => {
    const {view, adapter, thread} = await reportOn();
    await view.choose('spam');
    await view.send();
    const [stored] = adapter.reports(thread);
    expect(stored.receivedAt).to.equal('2026-11-25T14:03:00.000Z');
    expect(view.confirmation()).to.deep.equal({
      thanks: 'Vielen Dank. Ihre Meldung ist eingegangen.',
      reference: `Aktenzeichen: ${stored.id}`,
      // The harness reads the text with its spaces (no-break ones too) made plain.
      received: `Eingegangen am ${formatFullDate(Date.parse('2026-11-25T14:03:00Z'))}`.replace(/\s+/g, ' '),
      datetime: '2026-11-25T14:03:00.000Z',
    });
    expect(view.root.querySelector('form')).to.equal(null);
    expect(deepActiveElement()).to.equal(view.closeButton);
    expect(view.element.receipt).to.deep.equal({id: stored.id, receivedAt: stored.receivedAt});

    const closed = view.closed();
    view.closeButton!.click();
    const event = await closed;
    expect(event.commentId).to.equal('c1');
    expect(event.receipt).to.deep.equal({id: stored.id, receivedAt: stored.receivedAt});
    expect(view.element.open).to.equal(false);

    await view.open();
    expect(view.confirmation()!.reference).to.equal(`Aktenzeichen: ${stored.id}`);
    expect(deepActiveElement()).to.equal(view.closeButton);
    expect(await view.element.send()).to.equal(false);
    expect(adapter.reports(thread)).to.have.length(1);
  });

  it('closes with Escape and with "Abbrechen", fires comment-report-close and returns focus', async () => {
    const {view} = await reportOn();
    let closed = view.closed();
    view.dialog.dispatchEvent(new Event('cancel', {cancelable: true}));
    expect((await closed).receipt).to.equal(null);
    expect(view.element.open).to.equal(false);
    await until(() => deepActiveElement() === view.opener, 'focus back on "Melden"');

    // With returnFocus, the element puts the focus there itself.
    const elsewhere = document.createElement('button');
    elsewhere.textContent = 'Gemeldet';
    view.opener.after(elsewhere);
    view.element.returnFocus = elsewhere;
    await view.open();
    closed = view.closed();
    view.cancelButton.click();
    await closed;
    expect(view.element.open).to.equal(false);
    expect(deepActiveElement()).to.equal(elsewhere);
  });

  it('fires comment-report-close once per closing, however the dialog closes', async () => {
    const {view} = await reportOn();
    const events: unknown[] = [];
    view.element.addEventListener('comment-report-close', (event) => events.push(event));
    view.element.close();
    // The native event follows (Chromium: with the next frame): it changes nothing.
    view.dialog.dispatchEvent(new Event('close'));
    expect(events).to.have.length(1);

    // Closed by something else than the element (a browser ending the modal itself): the native event does it.
    await view.open();
    view.dialog.close();
    view.dialog.dispatchEvent(new Event('close'));
    expect(events).to.have.length(2);
    expect(view.element.open).to.equal(false);
  });

  it('forgets a report begun more than 30 days ago', async () => {
    const thread = freshThread('report-stale');
    const draft = {reason: 'spam', details: 'Alt.', urls: '', name: '', email: '', childAbuse: false, goodFaith: false, idempotencyKey: 'r-alt'};
    localStorage.setItem(reportDraftKey(thread, 'c1'), JSON.stringify({...draft, savedAt: clock.now() - 31 * 24 * 3600_000}));
    const {view} = await reportOn({thread});
    expect(view.field('details').value).to.equal('');
    expect(view.notice()).to.equal('');
  });

  it('keeps the reader’s report across a reload and removes it once sent', async () => {
    const thread = freshThread('report-draft');
    const first = await reportOn({thread});
    await first.view.fillNotice({details: 'Aufruf zu Gewalt.', name: 'Petra Muster'});
    expect(localStorage.getItem(reportDraftKey(thread, 'c1'))).to.contain('Aufruf zu Gewalt.');
    first.view.element.close();
    first.view.element.remove();

    // The page is loaded again: a new dialog for the same comment.
    const again = await reportOn({thread});
    expect(again.view.radio('illegal').checked).to.equal(true);
    expect(again.view.field('details').value).to.equal('Aufruf zu Gewalt.');
    expect(again.view.field('name').value).to.equal('Petra Muster');
    expect(again.view.field('goodFaith').checked).to.equal(true);
    expect(again.view.notice()).to.equal('Ihre begonnene Meldung wurde wiederhergestellt.');
    await again.view.send();
    expect(again.adapter.reports(thread)).to.have.length(1);
    expect(localStorage.getItem(reportDraftKey(thread, 'c1'))).to.equal(null);
  });

  it('keeps a report per comment when the dialog turns to another comment', async () => {
    const thread = freshThread('report-two');
    const adapter = new MemoryAdapter({[thread]: [record({id: 'c1'}), record({id: 'c2'})]}, {clock});
    const view = await openReport({adapter, thread, clock, permalink: PERMALINK});
    await view.choose('spam');
    await view.fill('details', 'Werbung für c1.');
    view.element.close();
    view.element.commentId = 'c2';
    view.element.authorName = 'Sabine K.';
    await view.open();
    expect(view.title()).to.equal('Kommentar von Sabine K. melden');
    expect(view.field('details').value).to.equal('');
    expect(view.radio('spam').checked).to.equal(false);
    view.element.close();
    view.element.commentId = 'c1';
    await view.open();
    expect(view.field('details').value).to.equal('Werbung für c1.');
    expect(view.radio('spam').checked).to.equal(true);
  });

  it('says so when the backend takes no reports', async () => {
    const thread = freshThread('report-none');
    const adapter = new MemoryAdapter({[thread]: [record({id: 'c1'})]}, {clock});
    (adapter.capabilities as {report: boolean}).report = false;
    const view = await openReport({adapter, thread, clock});
    await view.choose('spam');
    await view.send();
    expect(view.failure()).to.equal('Meldungen können hier gerade nicht gesendet werden.');
    expect(view.radio('spam').checked).to.equal(true);
  });
});
