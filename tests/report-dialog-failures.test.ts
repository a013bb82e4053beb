import {expect} from '@open-wc/testing';
import type {ReportRequest} from '../src/adapters/adapter.js';
import {NetworkError, NotFoundError, RateLimitedError, ServerError, TimeoutError, ValidationError} from '../src/adapters/errors.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import {reportDraftKey} from '../src/drafts/report-drafts.js';
import type {CommentReportFailedEvent} from '../src/events.js';
import {ManualClock} from '../src/time/clock.js';
import {freshThread, record, until} from './harness.js';
import {failNext, referenceServer, restAdapter, seedServer} from './reference-server.js';
import {deepActiveElement, openReport, type ReportHarness} from './report-harness.js';

const clock = new ManualClock('2026-11-25T14:03:00Z');
const KEPT = 'Ihre Meldung bleibt erhalten.';

type Failure = Error | 'answer lost' | 'not a receipt';

/** Memory reports that first fail as told (one failure per attempt), then store normally. */
class FlakyReports extends MemoryAdapter {
  attempts: ReportRequest[] = [];
  constructor(
    readonly thread: string,
    private failures: Failure[]
  ) {
    super({[thread]: [record({id: 'c1'})]}, {clock});
  }

  override async report(request: ReportRequest) {
    this.attempts.push(request);
    const failure = this.failures.shift();
    if (failure === 'answer lost') {
      // Stored, then the connection broke before the answer arrived.
      await super.report(request);
      throw new NetworkError();
    }
    if (failure === 'not a receipt') return {ok: true} as never;
    if (failure) throw failure;
    return super.report(request);
  }
}

async function dialogWith(failures: Failure[]) {
  const adapter = new FlakyReports(freshThread('report-failure'), failures);
  const view = await openReport({adapter, thread: adapter.thread, clock, permalink: 'https://www.example-news.de/a#comment-c1'});
  const failed: CommentReportFailedEvent[] = [];
  view.element.addEventListener('comment-report-failed', (event) => failed.push(event));
  return {view, adapter, failed};
}

/** Everything the reader gave, as the fields show it. */
function typed(view: ReportHarness) {
  return {
    illegal: view.radio('illegal').checked,
    details: view.field('details').value,
    urls: view.field('urls').value,
    name: view.field('name').value,
    email: view.field('email').value,
    goodFaith: view.field('goodFaith').checked,
  };
}

const NOTICE = {details: 'Volksverhetzung, § 130 StGB.', urls: 'https://www.example-news.de/b', name: 'Petra Muster', email: 'petra@example.com'};

describe('a report that fails to send', () => {
  const kinds: [string, Failure, string, string][] = [
    ['no connection', new NetworkError(), 'network', 'Keine Verbindung zum Server. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es dann noch einmal.'],
    ['a timeout', new TimeoutError(10_000), 'timeout', 'Der Server hat nicht rechtzeitig geantwortet. Bitte versuchen Sie es gleich noch einmal.'],
    ['429 with Retry-After', new RateLimitedError(clock.now() + 30_000), 'rate-limited', 'Sie haben gerade sehr viele Meldungen gesendet. Bitte warten Sie 30\u00a0Sekunden.'],
    ['429 without Retry-After', new RateLimitedError(null), 'rate-limited', 'Sie haben gerade sehr viele Meldungen gesendet. Bitte warten Sie einen Moment.'],
    ['a 503', new ServerError(503), 'server', 'Auf dem Server ist ein Fehler aufgetreten. Bitte versuchen Sie es in einigen Minuten noch einmal.'],
    ['an answer that is no receipt', 'not a receipt', 'unexpected', 'Der Server hat unerwartet geantwortet. Bitte versuchen Sie es später noch einmal.'],
  ];
  for (const [what, failure, kind, message] of kinds) {
    it(`after ${what}: says why in German, keeps everything, and a retry stores one report`, async () => {
      const {view, adapter, failed} = await dialogWith([failure, failure]);
      await view.fillNotice(NOTICE);
      const before = typed(view);
      await view.send();
      expect(view.failure()).to.equal(`${message} ${KEPT}`);
      expect(typed(view)).to.deep.equal(before);
      expect(localStorage.getItem(reportDraftKey(adapter.thread, 'c1'))).to.contain('Volksverhetzung');
      expect(failed.map((event) => event.error.kind)).to.deep.equal([kind]);
      expect(failed[0].request.notice?.name).to.equal('Petra Muster');
      expect(view.element.open).to.equal(true);

      await view.send();
      expect(typed(view)).to.deep.equal(before);
      await view.send();
      expect(view.confirmation()).not.to.equal(null);
      expect(adapter.reports(adapter.thread)).to.have.length(1);
      // One report draft, one key: every retry could only ever be stored once.
      expect(new Set(adapter.attempts.map((attempt) => attempt.idempotencyKey)).size).to.equal(1);
    });
  }

  it('says the reader is offline when the browser is', async () => {
    const {view} = await dialogWith([new NetworkError()]);
    await view.choose('spam');
    Object.defineProperty(navigator, 'onLine', {value: false, configurable: true});
    try {
      await view.send();
    } finally {
      delete (navigator as {onLine?: boolean}).onLine;
    }
    // It says once that the report stays and what to do, without a second "erneut versuchen".
    expect(view.failure()).to.equal('Sie sind offline. Ihre Meldung bleibt erhalten – senden Sie sie, sobald die Verbindung wieder besteht.');
  });

  it('stores the report once when it was stored but the answer was lost, and the reader sends again', async () => {
    const {view, adapter} = await dialogWith(['answer lost']);
    await view.fillNotice(NOTICE);
    await view.send();
    expect(view.failure()).to.contain('Keine Verbindung zum Server.');
    await view.send();
    const stored = adapter.reports(adapter.thread);
    expect(stored).to.have.length(1);
    expect(view.confirmation()!.reference).to.equal(`Aktenzeichen: ${stored[0].id}`);
    expect(adapter.attempts).to.have.length(2);
    expect(adapter.attempts[0].idempotencyKey).to.equal(adapter.attempts[1].idempotencyKey);
  });

  it('shows the backend’s messages at the fields it refused, and sends the corrected report as a new one', async () => {
    const refusal = new ValidationError({email: 'Diese Adresse nimmt keine Post an.', form: 'Bitte prüfen Sie die Meldung.'}, 'The report was rejected.');
    const {view, adapter, failed} = await dialogWith([refusal]);
    await view.fillNotice(NOTICE);
    await view.send();
    expect(view.messageAt('email')).to.equal('Diese Adresse nimmt keine Post an.');
    expect(view.invalid('email')).to.equal(true);
    expect(deepActiveElement()).to.equal(view.field('email'));
    expect(view.failure()).to.equal(`Bitte prüfen Sie die Meldung. ${KEPT}`);
    expect(failed[0].error.kind).to.equal('invalid');
    await view.fill('email', 'petra.muster@example.com');
    expect(view.messageAt('email')).to.equal('');
    await view.send();
    expect(adapter.reports(adapter.thread)[0].notice?.email).to.equal('petra.muster@example.com');
    expect(adapter.attempts[0].idempotencyKey).not.to.equal(adapter.attempts[1].idempotencyKey);
  });

  it('says when the comment no longer exists', async () => {
    const {view} = await dialogWith([new NotFoundError()]);
    await view.choose('offensive');
    await view.send();
    expect(view.failure()).to.equal('Der Kommentar existiert nicht mehr; eine Meldung ist nicht mehr nötig.');
    expect(view.radio('offensive').checked).to.equal(true);
  });

  it('is busy while sending: "Wird gesendet …", a double click sends once, Escape does not cut it off', async () => {
    const adapter = new MemoryAdapter({}, {clock, latency: 0});
    const thread = freshThread('report-busy');
    const stored = new MemoryAdapter({[thread]: [record({id: 'c1'})]}, {clock});
    let answer!: () => void;
    const calls: ReportRequest[] = [];
    Object.assign(adapter, {
      report: (request: ReportRequest) => {
        calls.push(request);
        return new Promise((resolve) => (answer = () => resolve(stored.report(request))));
      },
    });
    const view = await openReport({adapter, thread, clock});
    await view.choose('spam');
    view.sendButton.click();
    await view.element.updateComplete;
    expect(view.element.sending).to.equal(true);
    expect(view.sendButton.textContent!.trim()).to.equal('Wird gesendet …');
    expect(view.sendButton.getAttribute('aria-disabled')).to.equal('true');
    expect(view.root.querySelector('form')!.getAttribute('aria-busy')).to.equal('true');
    view.sendButton.click();
    view.cancelButton.click();
    view.dialog.dispatchEvent(new Event('cancel', {cancelable: true}));
    await view.element.updateComplete;
    expect(view.element.open).to.equal(true);
    answer();
    await view.idle();
    expect(calls).to.have.length(1);
    expect(stored.reports(thread)).to.have.length(1);
    await until(() => deepActiveElement() === view.closeButton, 'focus on "Schließen"');
  });
});

describe('the report dialog on the REST reference server', () => {
  it('sends a notice and confirms with the server’s reference', async () => {
    const thread = freshThread('report-dialog-rest');
    await seedServer(thread, ['c1']);
    const view = await openReport({adapter: await restAdapter(), thread, permalink: 'https://www.example-news.de/a#comment-c1'});
    await view.fillNotice(NOTICE);
    await view.send();
    const stored = await (await referenceServer()).reports(thread);
    expect(stored).to.have.length(1);
    expect(stored[0]).to.include({commentId: 'c1', reason: 'illegal', details: NOTICE.details});
    expect(view.confirmation()!.reference).to.equal(`Aktenzeichen: ${stored[0].id}`);
  });

  it('shows a 422’s field messages at the fields, keeps everything, and the corrected report goes through', async () => {
    const thread = freshThread('report-dialog-422');
    await seedServer(thread, ['c1']);
    const view = await openReport({adapter: await restAdapter(), thread, permalink: 'https://www.example-news.de/a#comment-c1'});
    await view.fillNotice(NOTICE);
    await failNext(thread, {status: 422, code: 'invalid', message: 'The report was rejected.', extra: {fields: {details: 'Bitte nennen Sie, welches Gesetz verletzt ist.'}}, method: 'POST'});
    const before = typed(view);
    await view.send();
    expect(view.messageAt('details')).to.equal('Bitte nennen Sie, welches Gesetz verletzt ist.');
    expect(view.failure()).to.equal(`Die Meldung wurde nicht angenommen. Bitte prüfen Sie Ihre Angaben und senden Sie sie dann noch einmal. ${KEPT}`);
    expect(typed(view)).to.deep.equal(before);
    expect(deepActiveElement()).to.equal(view.field('details'));
    await view.fill('details', `${NOTICE.details} Verletzt ist § 130 StGB.`);
    await view.send();
    expect(await (await referenceServer()).reports(thread)).to.have.length(1);
  });
});
