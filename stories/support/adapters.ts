/**
 * Backends that hold the widget in one state, for stories. Each is a
 * MemoryAdapter (or the bare CommentAdapter interface) with one call changed,
 * so every other behaviour is the real one.
 */
import type {CommentAdapter, CommentPage, LiveUpdate, LoadRequest, PostRequest} from '../../src/adapters/adapter.js';
import {NetworkError, ServerError} from '../../src/adapters/errors.js';
import {MemoryAdapter, type MemoryAdapterOptions} from '../../src/adapters/memory-adapter.js';
import type {CommentRecord} from '../../src/model/comment.js';
import {isRecord} from '../../src/model/is-record.js';

type Discussions = Record<string, readonly unknown[]>;

/** Never answers `load`: the loading state with its skeleton. */
export class NeverLoadingAdapter implements CommentAdapter {
  load(): Promise<CommentPage> {
    return new Promise(() => {});
  }

  post(): Promise<CommentRecord> {
    return new Promise(() => {});
  }
}

/** Fails the first `failures` loads with a 503, then serves the discussion: "Erneut versuchen" works. */
export class FailingLoadAdapter extends MemoryAdapter {
  constructor(
    discussions: Discussions,
    options: MemoryAdapterOptions,
    private failures = 1
  ) {
    super(discussions, options);
  }

  override async load(request: LoadRequest): Promise<CommentPage> {
    if (this.failures > 0) {
      this.failures--;
      throw new ServerError(503);
    }
    return super.load(request);
  }
}

/** Serves the first page, then fails every further page: "Weitere Kommentare konnten nicht geladen werden." */
export class FailingLoadMoreAdapter extends MemoryAdapter {
  override async load(request: LoadRequest): Promise<CommentPage> {
    if (request.cursor !== null) throw new NetworkError();
    return super.load(request);
  }
}

/** Accepts a post and never answers: the composer stays "Wird gesendet …". */
export class NeverPostingAdapter extends MemoryAdapter {
  override post(): Promise<CommentRecord> {
    return new Promise(() => {});
  }
}

/** Every post fails as if the connection dropped; the text stays in the form. */
export class FailingPostAdapter extends MemoryAdapter {
  override async post(): Promise<CommentRecord> {
    throw new NetworkError();
  }
}

/** Stores posts as `pending` (pre-moderation): the reader sees their own text with a note. */
export class PremoderatedAdapter extends MemoryAdapter {
  override async post(request: PostRequest): Promise<unknown> {
    const stored = await super.post(request);
    return isRecord(stored) ? {...stored, status: 'pending'} : stored;
  }
}

/** Live updates the story pushes itself: comments that arrive while the reader reads. */
export class LiveAdapter extends MemoryAdapter {
  #push: ((update: LiveUpdate) => void) | undefined;

  override subscribe(thread: string, onUpdate: (update: LiveUpdate) => void): () => void {
    this.#push = onUpdate;
    return super.subscribe(thread, onUpdate);
  }

  /** Delivers records as if the server had just pushed them. */
  arrive(...records: CommentRecord[]): void {
    for (const comment of records) this.#push?.({type: 'added', comment});
  }
}

/** A backend that takes no reports (like Waline): "Melden" needs the publisher's `report-url`. */
export class NoReportsAdapter extends MemoryAdapter {
  override readonly capabilities = {...new MemoryAdapter().capabilities, report: false};
}

/**
 * A busy discussion: once the widget subscribes, `feed` arrives one comment
 * at a time, `every` milliseconds apart, stored and pushed as a server would.
 */
export class LiveFeedAdapter extends MemoryAdapter {
  constructor(
    discussions: Discussions,
    options: MemoryAdapterOptions,
    private readonly feed: readonly CommentRecord[],
    private readonly every = 4000
  ) {
    super(discussions, options);
  }

  override subscribe(thread: string, onUpdate: (update: LiveUpdate) => void): () => void {
    const unsubscribe = super.subscribe(thread, onUpdate);
    let next = 0;
    const timer = setInterval(() => {
      const record = this.feed[next++];
      if (record) this.announce(thread, this.add(thread, [record]));
      else clearInterval(timer);
    }, this.every);
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  }
}
