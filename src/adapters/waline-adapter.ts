/**
 * An adapter for Waline (https://waline.js.org), an open-source comment
 * server, so publishers who run it get this front end without migrating.
 *
 * What Waline sends is untrusted: its comment HTML is reduced to plain text
 * (html-to-text.ts), never rendered as HTML. Where Waline differs from our
 * contract the adapter bridges it: replies come flattened (rebuilt from `pid`,
 * falling back to `rid`), errors come as HTTP 200 with an `errno`, there is no
 * idempotency key (a repeated post is answered "Duplicate Content", and the
 * adapter returns the comment stored the first time), no endpoint for one
 * comment (the adapter pages to find it), and no push (it polls the recent
 * comments while the tab is visible). Its moderation status maps to ours
 * (`approved` → published, `waiting` → pending, `spam` → rejected), its
 * likes to reactions (this browser's likes kept per reader id, see
 * waline-likes.ts) and its `sticky` to `pinned`. It pages by offsets: the
 * adapter drops a comment a later page repeats (a new comment or a changed
 * count shifts Waline's pages), but cannot see one that a shift skipped.
 *
 * What Waline cannot do, so the adapter does not claim it: take reports of
 * comments (no report API: `capabilities.report` is false, and the widget
 * offers no report button; a publisher on Waline needs another way to take
 * DSA notices), close a discussion (no per-page setting: `discussion`
 * never says `closed` or `closesAt`, and it sends no `discussion` live
 * updates), editors' picks (`featured`) and question mode (`mode: 'qa'`).
 *
 * Signed-in readers are Waline's own accounts (see waline-accounts.ts and
 * docs/waline.md): with `token`, every request goes as that user, `load()`
 * names the viewer, and the author may edit their comments (for
 * `editWindow`, a limit of this adapter: Waline has none) and delete those
 * nobody has answered (Waline deletes a comment with its replies, and for
 * good: no undo). Reply notifications are Waline's mails to a comment's
 * `mail` (only where its server has SMTP: `notifications`); Waline lets no
 * author turn them off later, so there is no `notify()`.
 */
import type {CommentRecord} from '../model/comment.js';
import {isValid, validateDraft, DEFAULT_MAX_LENGTH} from '../model/validate.js';
import type {
  AdapterCapabilities,
  CommentAdapter,
  CommentPage,
  CountsRequest,
  DeleteRequest,
  EditRequest,
  LiveUpdate,
  LoadRequest,
  LocateRequest,
  PostRequest,
  ReactionState,
  ReactRequest,
  Viewer,
} from './adapter.js';
import {
  AdapterError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
} from './errors.js';
import {isRecord} from '../model/is-record.js';
import {HttpClient, type HttpOptions} from './http.js';
import {poll} from './poller.js';
import {PagingSessions} from './paging-sessions.js';
import {WalineAccounts, type WalineToken} from './waline-accounts.js';
import {walineCounts} from './waline-counts.js';
import {WalineLikes} from './waline-likes.js';
import {escapeMarkdown, flatten, id, MARKDOWN, toRecord, unwrap, type WalineComment} from './waline-records.js';

export {escapeMarkdown};

export interface WalineAdapterOptions extends HttpOptions {
  /** The Waline server, e.g. `https://comments.example.com` (without `/api`). */
  serverURL: string;
  /** Maps a thread id to Waline's `path` (the page URL it stores comments under). Default: the id itself. */
  path?: (thread: string) => string;
  /** Readers may post without a name (Waline allows it). Default false. */
  anonymous?: boolean;
  /** Milliseconds between checks for new comments. Default 30,000; 0 disables live updates. */
  pollInterval?: number;
  /**
   * The signed-in reader's Waline token (what Waline's login, `POST
   * /api/token`, answers), or a function that reads it (null or '' when
   * nobody is signed in; it is read for every request, so the page may change
   * it at login and logout). Sent as `Authorization: Bearer …` with every
   * request but the counts. Without it, nobody is signed in (`viewer: null`).
   */
  token?: WalineToken;
  /**
   * How long after posting the author may edit a comment here, in ms.
   * Default 15 minutes; 0: no editing. Waline itself sets no limit (its own
   * client lets authors edit for ever); this adapter keeps to this one, and
   * since Waline does not tell other readers that a comment was edited, keep
   * it short.
   */
  editWindow?: number;
  /**
   * The Waline server sends mail (it has SMTP_HOST or SMTP_SERVICE): the
   * composer offers reply notifications, which go to the comment's `mail`.
   * Default false; the adapter cannot see the server's settings.
   */
  notifications?: boolean;
  /**
   * The Waline server runs with `LOGIN=force` (only its users may comment).
   * Waline does not tell its clients; without this the adapter learns it from
   * the first post Waline refuses (401), for the discussions loaded after it.
   */
  loginRequired?: boolean;
}

/** What the adapter remembers of a comment it has seen. */
interface Known {
  rid: string | null;
  nick: string;
  likes: number;
  pinned: boolean;
  /** The Waline account that wrote it, if signed in. */
  authorId: string | null;
  /** Epoch ms, or null. */
  createdAt: number | null;
  status: string | undefined;
  parentId: string | null;
  /** The text of its quote (kept when its author edits it). */
  quote: string | null;
}

const iso = (time: number) => new Date(time).toISOString();

export class WalineAdapter implements CommentAdapter {
  #http: HttpClient;
  #server: string;
  /** What we know of each thread's comments: thread root and name per id (for replies), likes and sticky as last seen. */
  #known = new Map<string, Map<string, Known>>();
  /** Per thread: the reader of its last load, whose `reacted` live updates carry. */
  #readers = new Map<string, string>();
  /** Per paging session (the cursor's tail): the top-level comments sent, so a shifted page repeats none. */
  #sessions = new PagingSessions();
  #likes: WalineLikes;
  /** Posts that succeeded, by idempotency key, so a retry returns the same comment. */
  #posted = new Map<string, CommentRecord>();
  #listeners = new Map<string, Set<(update: LiveUpdate) => void>>();
  /** Per thread: stops its polling. */
  #polls = new Map<string, () => void>();
  /** Without the reader's token: for the counts (published comments, the same for everyone) and the viewer. */
  #plain: HttpClient;
  #accounts: WalineAccounts;
  #editWindow: number;
  /** Edits that succeeded, by thread and idempotency key. */
  #edits = new Map<string, CommentRecord>();
  /** Waline refused a post for want of a login (401): it runs with LOGIN=force. */
  #loginForced = false;
  #base: Partial<AdapterCapabilities>;

  constructor(private options: WalineAdapterOptions) {
    this.#plain = new HttpClient(options);
    this.#server = options.serverURL.replace(/\/+$/, '');
    this.#accounts = new WalineAccounts(this.#server, this.#plain, options.token);
    this.#http = new HttpClient({...options, headers: () => this.#headers()});
    this.#editWindow = Math.max(0, options.editWindow ?? 15 * 60_000);
    this.#likes = new WalineLikes(this.#server);
    this.#base = {
      anonymous: options.anonymous ?? false,
      maxLength: DEFAULT_MAX_LENGTH,
      // `reactions`: Waline's sortBy=like_desc (its sticky comments first, as in every order).
      sorts: ['newest', 'oldest', 'reactions'],
      live: true,
      // Waline has no report API.
      report: false,
      reactions: true,
      // `GET /api/comment?type=count&url=a,b` counts many paths at once.
      counts: true,
      // Waline mails a comment's `mail` about replies, if its server has SMTP (which no client can see).
      notifications: options.notifications ?? false,
    };
  }

  /**
   * What the adapter can do. Editing and deleting need a Waline account:
   * claimed with a token, until Waline said nobody is signed in.
   */
  get capabilities(): Partial<AdapterCapabilities> {
    const account = this.#accounts.configured && this.#accounts.current !== null;
    return {...this.#base, edit: account && this.#editWindow > 0, delete: account};
  }

  /** The page's headers, with the reader's token. */
  async #headers(): Promise<Headers> {
    const given = typeof this.options.headers === 'function' ? await this.options.headers() : this.options.headers;
    const headers = new Headers(given);
    const token = await this.#accounts.token();
    if (token !== null) headers.set('Authorization', `Bearer ${token}`);
    return headers;
  }

  /**
   * Asks Waline again who is signed in, after the page's login or logout
   * changed the token; `watchViewer` listeners hear of a change. Resolves to
   * the viewer (null: nobody).
   */
  async refreshViewer(): Promise<Viewer | null> {
    if (!this.#accounts.configured) return null;
    const viewer = await this.#accounts.refresh();
    return viewer && {...viewer};
  }

  /**
   * Tells `onChange` when the page's token changes (checked when the tab
   * becomes visible, when another tab changes storage, on every load and on
   * `refreshViewer()`). Waline pushes nothing: a session that ends on the
   * server (a banned user) shows at the next load.
   */
  watchViewer(onChange: (viewer: unknown) => void): () => void {
    return this.#accounts.watch(onChange);
  }

  /** The viewer for the token now (null without a token option). */
  async #viewer(options: {fresh?: boolean; signal?: AbortSignal} = {}): Promise<Viewer | null> {
    return this.#accounts.configured ? this.#accounts.viewer(options) : null;
  }

  #path(thread: string): string {
    return this.options.path ? this.options.path(thread) : thread;
  }

  #url(query: Record<string, string | number>, path = ''): string {
    const url = new URL(`${this.#server}/api/comment${path}`, location.href);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
    return url.href;
  }

  /** Unwraps `{errno, errmsg, data}`, turning Waline's errors into typed ones. */
  async #call(url: string, init: Parameters<HttpClient['json']>[1] = {}): Promise<unknown> {
    return unwrap(await this.#http.json(url, init));
  }

  /** A Waline comment in our format, remembered for replies to it; `reacted` for `reader` (default: the reader of the thread's last load). */
  #toRecord(thread: string, comment: WalineComment, threadIds: ReadonlySet<string | null>, ...reader: [string | undefined] | []): CommentRecord {
    const record = toRecord(comment, threadIds);
    record.reacted = this.#likes.liked(reader.length ? reader[0] : this.#readers.get(thread), record.id);
    const created = Date.parse(record.createdAt);
    // The author's copy says until when this adapter lets them edit it (Waline itself sets no limit).
    const viewer = this.#accounts.current;
    if (viewer && record.author.id === viewer.id && record.status === 'published' && this.#editWindow > 0 && !Number.isNaN(created)) {
      record.editableUntil = iso(created + this.#editWindow);
    }
    if (record.id) this.#remember(thread, record, id(comment.rid), Number.isNaN(created) ? null : created);
    return record;
  }

  #remember(thread: string, record: CommentRecord, rid: string | null, createdAt: number | null): void {
    let known = this.#known.get(thread);
    if (!known) this.#known.set(thread, (known = new Map()));
    known.set(record.id, {
      rid,
      nick: record.author.name,
      likes: record.reactions ?? 0,
      pinned: record.pinned ?? false,
      authorId: record.author.id ?? null,
      createdAt,
      status: record.status,
      parentId: record.parentId ?? null,
      quote: record.quote?.text ?? null,
    });
  }

  async load({thread, cursor, sort, limit, readerId, signal}: LoadRequest): Promise<CommentPage> {
    // "<page>.<session>": Waline's page number, and the paging session whose comments were sent.
    const [, number, given] = /^(\d+)\.(\w+)$/.exec(cursor ?? '1.new') ?? [];
    const page = Number(number);
    if (!Number.isInteger(page) || page < 1) throw new UnexpectedResponseError(`Not a cursor of this adapter: ${cursor}`);
    const sortBy = {newest: 'insertedAt_desc', oldest: 'insertedAt_asc', reactions: 'like_desc'}[sort];
    // Who reads: asked with a discussion's first page, known for its later ones.
    const [data, viewer] = await Promise.all([
      this.#call(this.#url({path: this.#path(thread), page, pageSize: Math.min(100, limit), sortBy}), {signal}),
      this.#viewer({fresh: cursor === null, signal}),
    ]);
    const list = this.#list(data);
    if (readerId) this.#readers.set(thread, readerId);
    if (cursor === null) this.#startPolling(thread);
    const {name: session, sent} = this.#sessions.open(cursor === null ? undefined : given);
    const fresh = list.data.filter((root) => !isRecord(root) || !sent.has(String(id(root.objectId))));
    for (const root of fresh) if (isRecord(root)) sent.add(String(id(root.objectId)));
    const {records, others} = flatten(fresh, (comment, ids) => this.#toRecord(thread, comment, ids, readerId));
    return {
      comments: [...records, ...others],
      nextCursor: page < list.totalPages ? `${page + 1}.${session}` : null,
      total: typeof list.count === 'number' ? list.count : undefined,
      discussion: {
        anonymous: this.options.anonymous ?? false,
        ...(this.options.loginRequired || this.#loginForced ? {loginRequired: true} : {}),
      },
      viewer: viewer && {...viewer},
    };
  }

  /** A page of comments as Waline answers it: `{data: [...], totalPages, count}`. */
  #list(data: unknown): {data: unknown[]; totalPages: number; count?: unknown} {
    if (!isRecord(data) || !Array.isArray(data.data)) throw new UnexpectedResponseError('Waline answered a list without data: [...].');
    return {data: data.data, totalPages: typeof data.totalPages === 'number' ? data.totalPages : 0, count: data.count};
  }

  async post(request: PostRequest): Promise<CommentRecord> {
    const repeated = this.#posted.get(request.idempotencyKey);
    if (repeated) return repeated;
    const viewer = await this.#viewer({signal: request.signal});
    // Reply notifications are Waline's mails to the comment's `mail`; where its server sends none, none are asked for.
    const notify = this.#base.notifications ? request.notify ?? null : null;
    const errors = validateDraft(
      {name: viewer ? viewer.name : request.author.name, body: request.body, email: notify?.email},
      {
        maxLength: this.#base.maxLength ?? DEFAULT_MAX_LENGTH,
        requireName: !this.options.anonymous && !viewer,
        notify: notify !== null,
        emailKnown: viewer?.email !== undefined,
      }
    );
    if (!isValid(errors)) throw new ValidationError(errors);
    const mail = notify ? notify.email.trim() || viewer?.email : undefined;
    const known = this.#known.get(request.thread);
    const parent = request.parentId === null ? undefined : known?.get(request.parentId);
    // Waline stores a reply to an unknown parent and then fails with a 500: check first.
    if (request.parentId !== null && !parent) throw new NotFoundError(`Comment "${request.parentId}" is not known.`);
    const quote = request.quote ? `${escapeMarkdown(request.quote.text).replace(/^/gm, '> ')}\n\n` : '';
    // Replies name their direct parent and their thread's root; without both Waline makes a reply a new thread.
    const rid = request.parentId === null ? null : parent?.rid ?? request.parentId;
    const body = {
      comment: quote + (MARKDOWN.test(request.body) ? escapeMarkdown(request.body.trim()) : request.body.trim()),
      // Signed in, Waline shows the account's name whatever is sent (as its own client does, the account's name is sent).
      nick: viewer ? viewer.name : request.author.name.trim(),
      ...(mail ? {mail} : {}),
      url: this.#path(request.thread),
      ua: typeof navigator === 'undefined' ? '' : navigator.userAgent,
      ...(request.parentId !== null ? {pid: request.parentId, rid, at: parent?.nick ?? ''} : {}),
    };
    let data: unknown;
    try {
      // Not retried by the HTTP layer: Waline has no idempotency key; a repeat is resolved below.
      data = await this.#call(this.#url({}), {method: 'POST', body, signal: request.signal, retry: false});
    } catch (error) {
      // Only LOGIN=force makes Waline refuse a post for want of a login: later loads say loginRequired.
      if (ForbiddenError.is(error) && error.reason === 'login') this.#loginForced = true;
      // The same draft again (its first answer was lost): find the comment stored the first time.
      const stored = ValidationError.is(error) && /Duplicate Content/i.test(error.message) ? await this.#findStored(request, body.comment, body.nick) : undefined;
      if (!stored) throw error;
      data = stored;
    }
    if (!isRecord(data) || id(data.objectId) === null) {
      throw new UnexpectedResponseError('Waline answered a post without the stored comment.');
    }
    const ids = new Set([id(data.objectId), request.parentId]);
    const record = this.#toRecord(request.thread, {...data, pid: request.parentId, rid}, ids);
    // Known to the author only now: Waline sends nobody but administrators a comment's `mail`.
    if (notify) record.notify = true;
    this.#posted.set(request.idempotencyKey, record);
    return record;
  }

  async #findStored(request: PostRequest, text: string, nick: string): Promise<WalineComment | undefined> {
    const recent = await this.#call(this.#url({type: 'recent', count: 50}), {signal: request.signal});
    if (!Array.isArray(recent)) return undefined;
    return recent.filter(isRecord).find((comment) => comment.url === this.#path(request.thread) && comment.orig === text && comment.nick === nick);
  }

  /** What the adapter knows of a comment of the discussion, read again from Waline if not. */
  async #knownComment(thread: string, commentId: string, signal?: AbortSignal): Promise<Known> {
    const known = this.#known.get(thread)?.get(commentId);
    if (known) return known;
    await this.locate({thread, id: commentId, signal});
    const found = this.#known.get(thread)?.get(commentId);
    if (!found) throw new NotFoundError(`Comment "${commentId}" was not found.`);
    return found;
  }

  /** The signed-in author of `commentId`, or the ForbiddenError Waline would answer. */
  async #author(thread: string, commentId: string, signal?: AbortSignal): Promise<{viewer: Viewer; known: Known}> {
    const viewer = await this.#viewer({signal});
    if (!viewer) throw new ForbiddenError('Only a signed-in Waline user changes their comments.', {reason: 'login'});
    const known = await this.#knownComment(thread, commentId, signal);
    if (known.authorId !== viewer.id) throw new ForbiddenError(`Comment "${commentId}" is not the reader's own.`, {reason: 'not-allowed'});
    return {viewer, known};
  }

  /**
   * Changes the text of the reader's own comment (`PUT /api/comment/:id`
   * with `comment`, which Waline allows a signed-in author for ever) within
   * `editWindow`, this adapter's limit. Its quote stays. Waline keeps no
   * time of the change: `editedAt` is in this answer only.
   */
  async edit({thread, commentId, body, idempotencyKey, signal}: EditRequest): Promise<CommentRecord> {
    const done = this.#edits.get(`${thread}\n${idempotencyKey}`);
    if (done) return {...done};
    const {known} = await this.#author(thread, commentId, signal);
    if (this.#editWindow <= 0 || known.createdAt === null || Date.now() >= known.createdAt + this.#editWindow) {
      throw new ForbiddenError('The time to edit this comment has passed.', {reason: 'expired'});
    }
    const errors = validateDraft(
      {name: '', body},
      {maxLength: this.#base.maxLength ?? DEFAULT_MAX_LENGTH, requireName: false, reply: known.parentId !== null}
    );
    if (!isValid(errors)) throw new ValidationError(errors);
    const quote = known.quote === null ? '' : `${escapeMarkdown(known.quote).replace(/^/gm, '> ')}\n\n`;
    const comment = quote + (MARKDOWN.test(body) ? escapeMarkdown(body.trim()) : body.trim());
    // The same text again changes nothing: a retry is harmless.
    const data = await this.#call(this.#url({}, `/${encodeURIComponent(commentId)}`), {method: 'PUT', body: {comment}, signal});
    // Waline names the comment `id` in this answer; an unknown one answers no comment.
    if (!isRecord(data) || id(data.objectId ?? data.id) === null) throw new NotFoundError(`Comment "${commentId}" does not exist.`);
    const ids = new Set<string | null>([...(this.#known.get(thread)?.keys() ?? []), known.parentId]);
    const record = this.#toRecord(thread, {...data, objectId: data.objectId ?? data.id}, ids);
    record.editedAt = iso(Date.now());
    this.#edits.set(`${thread}\n${idempotencyKey}`, record);
    return {...record};
  }

  /**
   * Deletes the reader's own comment (`DELETE /api/comment/:id`). Waline
   * deletes it for good and every reply to it with it (those that name it
   * as `pid` or `rid`), so a comment someone has answered is refused
   * (`not-allowed`) after a fresh look. No `restore`: nothing is kept.
   */
  async delete({thread, commentId, signal}: DeleteRequest): Promise<CommentRecord> {
    const {viewer, known} = await this.#author(thread, commentId, signal);
    // The discussion as Waline has it now: any comment answering this one (directly or in its Waline thread).
    const answered = await this.#answered(thread, commentId, known.parentId === null, signal);
    if (answered) throw new ForbiddenError(`Comment "${commentId}" has replies, which Waline would delete with it.`, {reason: 'not-allowed'});
    await this.#call(this.#url({}, `/${encodeURIComponent(commentId)}`), {method: 'DELETE', signal, retry: false});
    this.#known.get(thread)?.delete(commentId);
    return {
      id: commentId,
      parentId: known.parentId,
      author: {name: '', id: viewer.id},
      body: '',
      createdAt: known.createdAt === null ? '' : iso(known.createdAt),
      editedAt: null,
      status: 'deleted',
    };
  }

  /** Whether Waline has a comment that answers `commentId` (a root: any comment of its thread). */
  async #answered(thread: string, commentId: string, root: boolean, signal?: AbortSignal): Promise<boolean> {
    for await (const roots of this.#pages(thread, signal)) {
      for (const each of roots.filter(isRecord)) {
        const children: unknown[] = Array.isArray(each.children) ? each.children : [];
        const records = children.filter(isRecord);
        if (String(id(each.objectId)) === commentId) return root ? records.length > 0 : false;
        if (records.some((child) => String(id(child.objectId)) === commentId)) {
          return records.some((child) => String(id(child.pid)) === commentId || String(id(child.rid)) === commentId);
        }
      }
    }
    return false;
  }

  /** Every page of the discussion as Waline sends it, newest first (up to 50 pages of 100). */
  async *#pages(thread: string, signal?: AbortSignal): AsyncGenerator<unknown[]> {
    for (let page = 1, pages = 1; page <= pages && page <= 50; page++) {
      const url = this.#url({path: this.#path(thread), page, pageSize: 100, sortBy: 'insertedAt_desc'});
      const list = this.#list(await this.#call(url, {signal}));
      pages = list.totalPages;
      yield list.data;
    }
  }

  async locate({thread, id: wanted, signal}: LocateRequest): Promise<CommentRecord[]> {
    for await (const roots of this.#pages(thread, signal)) {
      const {records} = flatten(roots, (comment, ids) => this.#toRecord(thread, comment, ids));
      const byId = new Map(records.map((record) => [record.id, record]));
      const path: CommentRecord[] = [];
      for (let current = byId.get(wanted); current && path.length < records.length; current = current.parentId ? byId.get(current.parentId) : undefined) {
        path.unshift(current);
      }
      if (path.length) return path;
    }
    throw new NotFoundError(`Comment "${wanted}" was not found.`);
  }

  /**
   * Likes or unlikes on Waline, once per reader (see waline-likes.ts): the
   * state the reader already has changes nothing. Not retried by the HTTP
   * layer (a repeated like would count twice); when the answer is lost, the
   * comment is read again to see whether the like counted.
   */
  async react({thread, commentId, readerId, reacted, signal}: ReactRequest): Promise<ReactionState> {
    if (typeof readerId !== 'string' || readerId === '') throw new AdapterError('unexpected', 'react() needs a readerId.');
    return this.#likes.queue(commentId, async () => {
      if (this.#likes.liked(readerId, commentId) === reacted) return {reactions: await this.#likeCount(thread, commentId, signal), reacted};
      const before = this.#known.get(thread)?.get(commentId)?.likes;
      let data: unknown;
      try {
        data = await this.#call(this.#url({}, `/${encodeURIComponent(commentId)}`), {method: 'PUT', body: {like: reacted}, signal, retry: false});
      } catch (error) {
        // Offline, nothing was sent; otherwise the answer may be lost after Waline counted: look.
        if ((!NetworkError.is(error) && !TimeoutError.is(error)) || navigator.onLine === false) throw error;
        const after = await this.#likeCount(thread, commentId, signal, true).catch(() => undefined);
        // Not to be checked (Waline unreachable): taken as not counted.
        if (after !== undefined && before !== undefined && (reacted ? after > before : after < before)) this.#likes.set(readerId, commentId, reacted);
        throw error;
      }
      // Waline answers an unknown id with success and no comment (and names the comment `id` here, not `objectId`).
      if (!isRecord(data) || id(data.objectId ?? data.id) === null) throw new NotFoundError(`Comment "${commentId}" does not exist.`);
      this.#likes.set(readerId, commentId, reacted);
      const reactions = toRecord(data, new Set()).reactions ?? 0;
      const known = this.#known.get(thread)?.get(commentId);
      if (known) known.likes = reactions;
      return {reactions, reacted};
    });
  }

  /** A comment's likes as last seen, or read from Waline (`fresh`: always read). */
  async #likeCount(thread: string, commentId: string, signal?: AbortSignal, fresh = false): Promise<number> {
    const known = this.#known.get(thread)?.get(commentId);
    if (known && !fresh) return known.likes;
    const path = await this.locate({thread, id: commentId, signal});
    return path.at(-1)?.reactions ?? 0;
  }

  /** Many paths in one request (see waline-counts.ts). */
  async counts({threads, signal}: CountsRequest): Promise<Record<string, number>> {
    // Without the reader's token: signed in, Waline would count their own unpublished comments too.
    const count = async (paths: string[]) => unwrap(await this.#plain.json(this.#url({type: 'count', url: paths.join(',')}), {signal}));
    return walineCounts(threads, {path: (thread) => this.#path(thread), count, total: (request) => this.load(request)}, signal);
  }

  subscribe(thread: string, onUpdate: (update: LiveUpdate) => void): () => void {
    const listeners = this.#listeners.get(thread) ?? new Set();
    listeners.add(onUpdate);
    this.#listeners.set(thread, listeners);
    if (this.#known.has(thread)) this.#startPolling(thread);
    return () => {
      listeners.delete(onUpdate);
      if (listeners.size === 0) {
        this.#polls.get(thread)?.();
        this.#polls.delete(thread);
      }
    };
  }

  /** Waline has no push: ask for its recent comments while the tab is visible (see poller.ts). */
  #startPolling(thread: string): void {
    const interval = this.options.pollInterval ?? 30_000;
    if (interval <= 0 || this.#polls.has(thread) || !this.#listeners.get(thread)?.size) return;
    const stop = poll(interval, async (signal) => {
      const recent = await this.#call(this.#url({type: 'recent', count: 50}), {signal});
      const known = this.#known.get(thread);
      const here = (Array.isArray(recent) ? recent : []).filter(isRecord).filter((comment) => comment.url === this.#path(thread));
      const mine = here.filter((comment) => !known?.has(String(id(comment.objectId))));
      const ids = new Set([...(known?.keys() ?? []), ...mine.map((comment) => id(comment.objectId))]);
      const tell = (type: 'added' | 'changed', comment: WalineComment) => {
        const record = this.#toRecord(thread, comment, ids);
        for (const listener of this.#listeners.get(thread) ?? []) listener({type, comment: record});
      };
      // Likes and pins of the recent comments (Waline tells of no others) that changed since seen.
      for (const comment of here) {
        const seen = known?.get(String(id(comment.objectId)));
        const now = toRecord(comment, ids);
        if (seen && (seen.likes !== now.reactions || seen.pinned !== now.pinned)) tell('changed', comment);
      }
      for (const comment of mine.reverse()) tell('added', comment);
    });
    this.#polls.set(thread, stop);
  }
}
