import {expect} from '@open-wc/testing';
import type {CommentAdapter, IllegalContentNotice, ReportReason, ReportRequest} from '../src/adapters/adapter.js';
import {BrowserStorageAdapter} from '../src/adapters/browser-storage-adapter.js';
import {NetworkError, NotFoundError, RateLimitedError, ServerError, TimeoutError, ValidationError} from '../src/adapters/errors.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import {RestAdapter} from '../src/adapters/rest-adapter.js';
import {isRecord} from '../src/model/is-record.js';
import {parseReceipt, REPORT_REASONS, validateReport} from '../src/model/report.js';
import {freshThread, record} from './harness.js';
import {failNext, referenceServer, restAdapter, seedServer} from './reference-server.js';

/** One backend with a discussion holding comment "c1", and what it stored, read the way its publisher reads it. */
interface Opened {
  adapter: CommentAdapter;
  thread: string;
  /** The stored reports of the thread (records, unchecked). */
  stored(): Promise<unknown[]>;
  /** Closes the discussion the way its publisher would. */
  close(): Promise<void>;
}

const backends: {name: string; open(): Promise<Opened>}[] = [
  {
    name: 'memory',
    open: async () => {
      const thread = freshThread('report-memory');
      const adapter = new MemoryAdapter({[thread]: [record({id: 'c1'})]});
      return {adapter, thread, stored: async () => adapter.reports(thread), close: async () => adapter.setDiscussion(thread, {closed: true})};
    },
  },
  {
    name: 'browser storage',
    open: async () => {
      const thread = freshThread('report-storage');
      const adapter = new BrowserStorageAdapter({[thread]: [record({id: 'c1'})]});
      // Read by another instance, as after a reload: what is listed was kept in storage.
      const stored = async () => new BrowserStorageAdapter().reports(thread);
      return {adapter, thread, stored, close: async () => adapter.setDiscussion(thread, {closed: true})};
    },
  },
  {
    name: 'REST',
    open: async () => {
      const thread = freshThread('report-rest');
      await seedServer(thread, ['c1']);
      const {reports, control} = await referenceServer();
      return {adapter: await restAdapter(), thread, stored: () => reports(thread), close: () => control('discussion', {thread, closed: true})};
    },
  },
];

const notice = (changes: Partial<IllegalContentNotice> = {}): IllegalContentNotice => ({
  permalink: 'https://www.example-news.de/artikel/ferrari#comment-c1',
  urls: [' https://www.example-news.de/artikel/ferrari ', ''],
  name: 'Petra Muster',
  email: 'petra@example.com',
  childAbuse: false,
  goodFaith: true,
  ...changes,
});

let keys = 0;
const report = (opened: Opened, reason: ReportReason, changes: Partial<ReportRequest> = {}) =>
  opened.adapter.report!({thread: opened.thread, commentId: 'c1', reason, details: '', notice: null, idempotencyKey: `report-${keys++}`, ...changes});

const failure = (promise: Promise<unknown>) => promise.then(() => new Error('expected a failure'), (error: unknown) => error);
const field = (value: unknown, name: string) => (isRecord(value) ? value[name] : undefined);

for (const backend of backends) {
  describe(`reports kept by the ${backend.name} backend`, () => {
    it('takes every reason, answers with a reference and the time received, and keeps each once', async () => {
      const opened = await backend.open();
      expect(opened.adapter.capabilities?.report).to.equal(true);
      const receipts = [];
      for (const reason of REPORT_REASONS) {
        const illegal = reason === 'illegal';
        const answer = await report(opened, reason, {
          details: illegal ? '  Beleidigung nach § 185 StGB.  ' : `Grund: ${reason}`,
          notice: illegal ? notice() : null,
        });
        const receipt = parseReceipt(answer);
        expect(receipt, reason).to.not.equal(undefined);
        expect(Math.abs(Date.parse(receipt!.receivedAt) - Date.now())).to.be.below(60_000);
        receipts.push(receipt!);
      }
      const stored = await opened.stored();
      expect(stored.map((r) => field(r, 'reason'))).to.deep.equal(REPORT_REASONS);
      expect(stored.map((r) => field(r, 'id'))).to.deep.equal(receipts.map((r) => r.id));
      const illegal = stored.at(-1);
      expect(field(illegal, 'details')).to.equal('Beleidigung nach § 185 StGB.');
      expect(field(illegal, 'notice')).to.deep.equal({...notice(), urls: ['https://www.example-news.de/artikel/ferrari']});
      expect(field(stored[0], 'notice')).to.equal(null);
    });

    it('refuses an illegal-content notice with any required field missing, with the form’s German message', async () => {
      const opened = await backend.open();
      const cases: [string, Partial<ReportRequest>][] = [
        ['details', {details: ' ', notice: notice()}],
        ['name', {notice: notice({name: ''})}],
        ['email', {notice: notice({email: ''})}],
        ['email', {notice: notice({email: 'petra(at)example.com'})}],
        ['goodFaith', {notice: notice({goodFaith: false})}],
        ['urls', {notice: notice({urls: Array.from({length: 6}, (_, i) => `https://example.com/${i}`)})}],
        ['urls', {notice: notice({urls: ['javascript:alert(1)']})}],
      ];
      for (const [name, changes] of cases) {
        const request = {thread: opened.thread, commentId: 'c1', reason: 'illegal' as const, details: 'Warum', notice: notice(), idempotencyKey: `k${keys++}`, ...changes};
        const error = await failure(opened.adapter.report!(request));
        expect(ValidationError.is(error), `${name}: ${String(error)}`).to.equal(true);
        expect((error as ValidationError).fieldErrors, name).to.deep.equal(validateReport(request));
        expect((error as ValidationError).fieldErrors, name).to.have.keys(name);
      }
      expect(await opened.stored()).to.have.length(0);
    });

    it('takes a notice about child sexual abuse without name or e-mail', async () => {
      const opened = await backend.open();
      const answer = await report(opened, 'illegal', {details: 'Missbrauchsdarstellung.', notice: notice({name: '', email: '', childAbuse: true})});
      expect(parseReceipt(answer)).to.not.equal(undefined);
      expect(field(field((await opened.stored())[0], 'notice'), 'childAbuse')).to.equal(true);
    });

    it('keeps one report per idempotency key however often it is sent', async () => {
      const opened = await backend.open();
      const first = parseReceipt(await report(opened, 'spam', {idempotencyKey: `same-${opened.thread}`}));
      const again = parseReceipt(await report(opened, 'spam', {idempotencyKey: `same-${opened.thread}`}));
      expect(again).to.deep.equal(first);
      expect(await opened.stored()).to.have.length(1);
    });

    it('refuses a report of a comment that does not exist, and takes reports in a closed discussion', async () => {
      const opened = await backend.open();
      expect(NotFoundError.is(await failure(report(opened, 'spam', {commentId: 'gibt-es-nicht'})))).to.equal(true);
      await opened.close();
      expect(parseReceipt(await report(opened, 'offensive'))).to.not.equal(undefined);
    });
  });
}

describe('reports in browser storage', () => {
  it('survive a reload, and a retry after the reload gets the first receipt', async () => {
    const thread = freshThread('report-reload');
    const request = {thread, commentId: 'c1', reason: 'netiquette' as const, details: '', notice: null, idempotencyKey: `reload-${thread}`};
    const first = await new BrowserStorageAdapter({[thread]: [record({id: 'c1'})]}).report(request);
    const reloaded = new BrowserStorageAdapter({[thread]: [record({id: 'c1'})]});
    expect(reloaded.reports(thread).map((r) => r.id)).to.deep.equal([first.id]);
    expect(await reloaded.report(request)).to.deep.equal(first);
    expect(new BrowserStorageAdapter().reports(thread)).to.have.length(1);
  });
});

describe('reports through the REST contract', () => {
  it('stores a report once when the answer is lost, whether the adapter or the reader sends it again', async () => {
    const thread = freshThread('report-lost');
    await seedServer(thread, ['c1']);
    const {reports, log} = await referenceServer();
    const request = {thread, commentId: 'c1', reason: 'spam' as const, details: '', notice: null, idempotencyKey: `lost-${thread}`};
    // Stored, then the connection breaks: the reader sees a network error and sends again.
    await failNext(thread, {mode: 'after-store', method: 'POST'});
    const once = await restAdapter({retries: 0});
    expect(NetworkError.is(await failure(once.report(request)))).to.equal(true);
    const receipt = await once.report(request);
    expect(await reports(thread)).to.have.length(1);
    expect((await reports(thread))[0].id).to.equal(receipt.id);
    const keys = (await log()).filter((r) => r.method === 'POST' && r.path.includes(thread)).map((r) => r.headers['idempotency-key']);
    expect(keys).to.deep.equal([request.idempotencyKey, request.idempotencyKey]);

    // The adapter sends it again by itself after a lost answer, with the same key.
    await failNext(thread, {mode: 'after-store', method: 'POST'});
    const auto = await (await restAdapter()).report({...request, idempotencyKey: `auto-${thread}`});
    expect(parseReceipt(auto)).to.not.equal(undefined);
    expect(await reports(thread)).to.have.length(2);
  });

  it('surfaces 429 with Retry-After, a failing server, a timeout and being offline as typed errors', async () => {
    const thread = freshThread('report-failures');
    await seedServer(thread, ['c1']);
    const request = {thread, commentId: 'c1', reason: 'offensive' as const, details: '', notice: null, idempotencyKey: `f-${thread}`};
    const adapter = await restAdapter({retries: 1, timeout: 300});

    await failNext(thread, {status: 429, code: 'rate-limited', headers: {'Retry-After': '120'}, method: 'POST'});
    const limited = await failure(adapter.report(request));
    expect(RateLimitedError.is(limited)).to.equal(true);
    expect((limited as RateLimitedError).retryAfter! - Date.now()).to.be.within(110_000, 121_000);

    await failNext(thread, {status: 503, method: 'POST'}, 2);
    const failed = await failure(adapter.report(request));
    expect(ServerError.is(failed) && failed.status).to.equal(503);

    await failNext(thread, {mode: 'hang', method: 'POST'}, 2);
    expect(TimeoutError.is(await failure(adapter.report(request)))).to.equal(true);

    Object.defineProperty(navigator, 'onLine', {value: false, configurable: true});
    try {
      expect(NetworkError.is(await failure(adapter.report(request)))).to.equal(true);
    } finally {
      delete (navigator as {onLine?: boolean}).onLine;
    }
    // None of them stored anything; the next try with the same key does, once.
    expect(await (await referenceServer()).reports(thread)).to.have.length(0);
    await failNext(thread, {status: 500, method: 'POST'});
    expect(parseReceipt(await adapter.report(request))).to.not.equal(undefined);
    expect(await (await referenceServer()).reports(thread)).to.have.length(1);
  });

  it('lists reports to the publisher’s staff with their token only', async () => {
    const thread = freshThread('report-staff');
    await seedServer(thread, ['c1']);
    const {api, control} = await referenceServer();
    await control('staff-token', {token: 'redaktion-geheim'});
    const receipt = await (await restAdapter()).report({
      thread,
      commentId: 'c1',
      reason: 'illegal',
      details: 'Bedrohung, § 241 StGB.',
      notice: notice(),
      idempotencyKey: `staff-${thread}`,
    });
    const list = (authorization?: string) =>
      fetch(`${api}/reports?thread=${encodeURIComponent(thread)}`, {headers: authorization ? {Authorization: authorization} : {}});
    expect((await list()).status).to.equal(401);
    expect((await list('Bearer falsch')).status).to.equal(403);
    const answer = await list('Bearer redaktion-geheim');
    expect(answer.status).to.equal(200);
    const {reports} = await answer.json();
    expect(reports).to.have.length(1);
    expect(reports[0]).to.include({id: receipt.id, receivedAt: receipt.receivedAt, thread, commentId: 'c1', reason: 'illegal'});
    expect(reports[0].notice).to.include({name: 'Petra Muster', email: 'petra@example.com', goodFaith: true});
    // What was reported, as it was when reported.
    expect(reports[0].comment).to.include({id: 'c1', body: 'Text von c1'});
  });

  it('says a server without the endpoint takes no reports', async () => {
    const {api} = await referenceServer();
    const adapter = new RestAdapter({baseUrl: api, reports: false});
    expect(adapter.capabilities.report).to.equal(false);
    expect(new RestAdapter({baseUrl: api}).capabilities.report).to.equal(true);
  });
});
