import {expect} from '@open-wc/testing';
import type {CommentPage, PostRequest} from '../src/adapters/adapter.js';
import {BrowserStorageAdapter} from '../src/adapters/browser-storage-adapter.js';
import {NetworkError, toAdapterError} from '../src/adapters/errors.js';
import {followEventStream} from '../src/adapters/event-stream.js';
import {HttpClient} from '../src/adapters/http.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import {poll} from '../src/adapters/poller.js';
import {WalineAdapter} from '../src/adapters/waline-adapter.js';
import {loadDraft, saveDraft} from '../src/drafts/draft-store.js';
import {errorMessage} from '../src/i18n/errors.js';
import {freshThread, renderDiscussion, setVisibility, until} from './harness.js';

const UNEXPECTED = 'Der Server hat unerwartet geantwortet. Bitte versuchen Sie es später noch einmal.';
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A bug as adapter code makes one: reading a field of undefined. */
function readTheMissingPage(): never {
  const page = undefined as unknown as {comments: never};
  return page.comments;
}

function aBug(): TypeError {
  try {
    readTheMissingPage();
  } catch (error) {
    return error as TypeError;
  }
  throw new Error('no bug');
}

/** What `console.error` was called with during the test (it is still printed). */
let reported: unknown[][] = [];
const originalError = console.error;
beforeEach(() => {
  reported = [];
  console.error = (...args: unknown[]) => {
    reported.push(args);
    originalError.apply(console, args);
  };
});
afterEach(() => {
  console.error = originalError;
});

/** The errors reported, each found among the arguments of one console.error call. */
const reportedErrors = () => reported.map((args) => args.find((arg) => arg instanceof Error));

describe('a bug is not a network failure', () => {
  it('becomes an unexpected error, not retried, reported once with its stack', () => {
    const bug = aBug();
    const error = toAdapterError(bug);
    expect(error.kind).to.equal('unexpected');
    expect(error.retryable).to.equal(false);
    expect(error.cause).to.equal(bug);
    // Wrapping it again, or saying it in German, reports nothing new.
    expect(toAdapterError(error)).to.equal(error);
    toAdapterError(bug);
    expect(errorMessage(bug)).to.equal(UNEXPECTED);
    expect(reportedErrors()).to.deep.equal([bug]);
    expect(bug.stack).to.contain('readTheMissingPage');
  });

  it('only a request that does not get through is a network error (and is retried)', async () => {
    let requests = 0;
    const counted: typeof fetch = (input, init) => (requests++, fetch(input, init));
    // Nothing listens on port 1: the connection is refused, a real network failure.
    const offline = new HttpClient({retries: 2, retryDelay: 1, fetch: counted});
    const failure = await offline.json('http://127.0.0.1:1/api').catch((error: unknown) => error);
    expect(failure).to.have.property('kind', 'network');
    expect(requests).to.equal(3);

    requests = 0;
    const token: {value?: string} = {};
    const broken = new HttpClient({retries: 2, retryDelay: 1, fetch: counted, headers: () => ({Authorization: token.value!.trim()})});
    const bug = await broken.json('http://127.0.0.1:1/api').catch((error: unknown) => error);
    expect(bug).to.be.instanceOf(TypeError);
    expect(bug).not.to.have.property('kind');
    expect(requests).to.equal(0);

    const buggyFetch = new HttpClient({retries: 2, retryDelay: 1, fetch: async () => (requests++, JSON.parse('{'))});
    expect(await buggyFetch.json('http://127.0.0.1:1/api').catch((error: unknown) => error)).to.be.instanceOf(SyntaxError);
    expect(requests).to.equal(1);
  });

  it('shows a bug in an adapter’s load as unexpected, and reports it once', async () => {
    class BrokenLoad extends MemoryAdapter {
      override async load(): Promise<CommentPage> {
        return readTheMissingPage();
      }
    }
    const view = await renderDiscussion(null, {adapter: new BrokenLoad()});
    const alert = await until(() => view.root.querySelector('[role="alert"]'), 'the error');
    expect(alert.textContent).to.contain(UNEXPECTED);
    expect(alert.textContent).not.to.contain('Keine Verbindung');
    expect(reportedErrors()).to.have.length(1);
    expect((reportedErrors()[0] as Error).stack).to.contain('readTheMissingPage');
  });

  it('shows a bug in an adapter’s post as unexpected, keeps the text, and reports it once', async () => {
    class BrokenPost extends MemoryAdapter {
      override async post(_request: PostRequest): Promise<unknown> {
        return readTheMissingPage();
      }
    }
    const view = await renderDiscussion(null, {adapter: new BrokenPost()});
    const form = await view.composer();
    await form.write('Gleich kaputt', 'Fehlerfinderin');
    await form.send();
    expect(form.errors().join(' ')).to.contain(UNEXPECTED);
    expect(form.errors().join(' ')).not.to.contain('Keine Verbindung');
    expect(form.textarea.value).to.equal('Gleich kaputt');
    expect(reportedErrors()).to.have.length(1);
  });
});

describe('loops catch only what they expect', () => {
  it('polling goes on through network failures, and stops at a bug, reporting it once', async () => {
    setVisibility('visible');
    let failures = 0;
    const stopFailing = poll(5, async () => {
      failures++;
      throw new NetworkError();
    });
    let bugs = 0;
    const stopBuggy = poll(5, async () => {
      bugs++;
      readTheMissingPage();
    });
    await wait(100);
    stopFailing();
    stopBuggy();
    expect(failures).to.be.greaterThan(2);
    expect(bugs).to.equal(1);
    expect(reportedErrors()).to.have.length(1);
  });

  it('an event stream reconnects after a broken connection, and ends with a bug in its listener', async () => {
    const stream = (data: string) =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(`event: comment\ndata: ${data}\n\n`));
            controller.close();
          },
        }),
        {headers: {'Content-Type': 'text/event-stream'}}
      );
    const options = {headers: async () => new Headers(), credentials: 'same-origin' as const, onUnavailable() {}};
    const abort = new AbortController();
    try {
      let connections = 0;
      const received: string[] = [];
      void followEventStream('/events', abort.signal, {
        ...options,
        fetch: async () => {
          if (++connections === 1) throw new TypeError('Failed to fetch');
          return stream('nach dem Abbruch');
        },
        onEvent: (event) => received.push(event.data),
      });
      await until(() => received.length, 'the event after reconnecting');
      expect(received[0]).to.equal('nach dem Abbruch');

      const bug = aBug();
      connections = 0;
      const ended = followEventStream('/events', abort.signal, {
        ...options,
        fetch: async () => (connections++, stream('{}')),
        onEvent: () => {
          throw bug;
        },
      }).then(
        () => 'ended quietly',
        (error: unknown) => error
      );
      expect(await Promise.race([ended, wait(3000).then(() => 'still reconnecting')])).to.equal(bug);
      expect(connections).to.equal(1);
    } finally {
      abort.abort();
    }
  });

  it('storage that is blocked or full is expected; a bug in reading it is not', async () => {
    const blocked = {
      getItem() {
        throw new DOMException('Access is denied.', 'SecurityError');
      },
    } as unknown as Storage;
    const page = await new BrowserStorageAdapter({}, {storage: blocked}).load({thread: 'x', cursor: null, sort: 'newest', limit: 10});
    expect(page.comments).to.deep.equal([]);
    const buggy = {
      getItem() {
        return readTheMissingPage();
      },
    } as unknown as Storage;
    const error = await new BrowserStorageAdapter({}, {storage: buggy})
      .load({thread: 'x', cursor: null, sort: 'newest', limit: 10})
      .catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(TypeError);

    const thread = freshThread('drafts');
    const {setItem, getItem} = Storage.prototype;
    try {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      expect(() => saveDraft(thread, null, {body: 'Passt nicht mehr', quote: null, idempotencyKey: 'k', savedAt: Date.now()})).not.to.throw();
      Storage.prototype.getItem = readTheMissingPage;
      expect(() => loadDraft(thread, null)).to.throw(TypeError);
    } finally {
      Object.assign(Storage.prototype, {setItem, getItem});
    }
  });
});

describe('answers of the wrong shape are bad data, not bugs', () => {
  it('shows what it can of a Waline page with entries of the wrong shape, and reports the rest', async () => {
    const answer = {
      errno: 0,
      errmsg: '',
      data: {
        page: 1,
        totalPages: 1,
        count: 3,
        data: [
          null,
          {objectId: 7, nick: 42, comment: 5, time: 'gestern', children: 'keine'},
          {objectId: 8, nick: 'Anna', comment: '<p>Hallo</p>', time: Date.parse('2026-11-25T10:00:00Z'), children: [17]},
        ],
      },
    };
    const adapter = new WalineAdapter({serverURL: location.origin, pollInterval: 0, fetch: async () => new Response(JSON.stringify(answer))});
    const view = await renderDiscussion(null, {adapter});
    expect(view.root.querySelector('[role="alert"]')?.textContent ?? '').to.equal('');
    expect(view.comments()).to.have.length(2);
    expect(view.element.dataErrors.map((error) => error.code)).to.include('not-an-object');
    expect(reported.length).to.equal(0);
  });
});
