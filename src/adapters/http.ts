/**
 * HTTP for adapters: timeouts, retries with backoff, conditional requests,
 * and every failure turned into a typed `AdapterError`.
 */
import {isRecord} from '../model/is-record.js';
import {sleep} from './sleep.js';
import {
  AbortedError,
  AdapterError,
  ClosedError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
} from './errors.js';

export interface HttpOptions {
  /**
   * Extra headers for every request (e.g. `Authorization`), or a function
   * that makes them. What the function throws is not a network failure: throw
   * a typed error (`ForbiddenError`, `NetworkError` …) for a failure you
   * expect; anything else is reported as a bug.
   */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /** `fetch` credentials mode; `include` sends cookies cross-origin. Default `same-origin`. */
  credentials?: RequestCredentials;
  /** Milliseconds before a request counts as timed out. Default 10,000. */
  timeout?: number;
  /** How often a failed request is retried (network, timeout, 5xx, short 429). Default 2. */
  retries?: number;
  /** First backoff delay in ms; doubles per retry, with jitter. Default 400. */
  retryDelay?: number;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
}

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Whether this request may be sent again after a failure (GETs, PUTs of a state, and POSTs with an idempotency key). */
  retry?: boolean;
}

/** The longest `Retry-After` we wait out ourselves before telling the reader. */
const MAX_AUTOMATIC_WAIT = 5000;

/** Reads a `Retry-After` header (seconds or an HTTP date) as epoch ms. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return now + Math.max(0, seconds) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : date;
}

/** An answer, read completely within the timeout. */
interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/** Turns an error answer into the typed error its status and body describe. */
function errorFor(answer: Answer): AdapterError {
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    body = undefined;
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const code = typeof error.code === 'string' ? error.code : '';
  const message = typeof error.message === 'string' ? error.message : `HTTP ${answer.status}`;
  const status = answer.status;
  if (code === 'closed') return new ClosedError(message);
  if (status === 401 || code === 'login-required') return new ForbiddenError(message, {reason: 'login'});
  if (code === 'edit-window-closed' || code === 'undo-window-closed') return new ForbiddenError(message, {reason: 'expired'});
  if (status === 403 || code === 'forbidden') return new ForbiddenError(message, {reason: 'not-allowed'});
  if (status === 429 || code === 'rate-limited') return new RateLimitedError(parseRetryAfter(answer.headers.get('Retry-After')));
  if (status === 404 || code === 'not-found') return new NotFoundError(message);
  if (status === 400 || status === 422 || code === 'invalid') {
    const fields: Record<string, string> = {};
    if (isRecord(error.fields)) {
      for (const [field, text] of Object.entries(error.fields)) if (typeof text === 'string') fields[field] = text;
    }
    return new ValidationError(fields, message);
  }
  if (status >= 500) return new ServerError(status);
  return new UnexpectedResponseError(`Unexpected status ${status}: ${message}`);
}

/** Answers kept for conditional requests; the oldest are dropped beyond this. */
const MAX_CACHED = 50;

/** A JSON client with the behaviour every adapter needs. */
export class HttpClient {
  #etags = new Map<string, {etag: string; body: unknown}>();

  constructor(private options: HttpOptions = {}) {}

  async #headers(extra: Record<string, string> = {}): Promise<Headers> {
    const given = typeof this.options.headers === 'function' ? await this.options.headers() : this.options.headers;
    const headers = new Headers(given);
    headers.set('Accept', 'application/json');
    for (const [name, value] of Object.entries(extra)) headers.set(name, value);
    return headers;
  }

  /**
   * One attempt, bounded (answer and body) by the timeout and the caller's
   * signal. Only what the network does is a network error: `fetch` rejects
   * with a TypeError when the request does not get through, and reading the
   * body does when the connection breaks. Anything thrown before (making the
   * headers, encoding the body, a request `fetch` would refuse) is a bug and
   * is thrown as it is.
   */
  async #attempt(url: string, request: HttpRequest): Promise<Answer> {
    const headers = await this.#headers(request.headers);
    const reading = (request.method ?? 'GET') === 'GET';
    const cached = reading ? this.#etags.get(url) : undefined;
    if (cached) headers.set('If-None-Match', cached.etag);
    if (request.body !== undefined) headers.set('Content-Type', 'application/json');
    const timeout = this.options.timeout ?? 10_000;
    const controller = new AbortController();
    const init: RequestInit = {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      credentials: this.options.credentials ?? 'same-origin',
      signal: controller.signal,
    };
    // Throws (a TypeError too) for what no network could fix: a bad URL, method or mode.
    new Request(url, init);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    const onAbort = () => controller.abort();
    request.signal?.addEventListener('abort', onAbort, {once: true});
    let response: Response | undefined;
    try {
      response = await (this.options.fetch ?? fetch)(url, init);
      return {status: response.status, headers: response.headers, text: await response.text()};
    } catch (error) {
      if (request.signal?.aborted) throw new AbortedError({cause: error});
      if (timedOut) throw new TimeoutError(timeout, {cause: error});
      if (error instanceof TypeError) {
        throw new NetworkError(response ? 'The connection broke during the answer.' : error.message, {cause: error});
      }
      throw error;
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Sends a request and returns its JSON body, retrying what may be retried. */
  async json(url: string, request: HttpRequest = {}): Promise<unknown> {
    const retries = request.retry === false ? 0 : this.options.retries ?? 2;
    for (let attempt = 0; ; attempt++) {
      let error: AdapterError;
      try {
        if (request.signal?.aborted) throw new AbortedError();
        if (typeof navigator !== 'undefined' && navigator.onLine === false) throw new NetworkError('The browser is offline.');
        const answer = await this.#attempt(url, request);
        if (answer.status === 304) {
          const cached = this.#etags.get(url);
          if (cached) return cached.body;
          throw new UnexpectedResponseError('304 Not Modified for a request that had no cached answer.');
        }
        if (answer.status < 200 || answer.status > 299) throw errorFor(answer);
        let body: unknown;
        try {
          body = JSON.parse(answer.text);
        } catch (cause) {
          throw new UnexpectedResponseError(`The answer from ${url} is not JSON.`, {cause});
        }
        const etag = answer.headers.get('ETag');
        if (etag && (request.method ?? 'GET') === 'GET') {
          this.#etags.delete(url);
          this.#etags.set(url, {etag, body});
          if (this.#etags.size > MAX_CACHED) this.#etags.delete(this.#etags.keys().next().value!);
        }
        return body;
      } catch (caught) {
        // Not a typed error: a bug, which no retry fixes; the caller reports it.
        if (!AdapterError.is(caught)) throw caught;
        error = caught;
      }
      const wait = this.#backoff(error, attempt);
      if (attempt >= retries || wait === undefined) throw error;
      await sleep(wait, request.signal);
    }
  }

  /** How long to wait before retrying after `error`, or undefined to give up now. */
  #backoff(error: AdapterError, attempt: number): number | undefined {
    if (RateLimitedError.is(error)) {
      const wait = error.retryAfter === null ? undefined : error.retryAfter - Date.now();
      return wait !== undefined && wait <= MAX_AUTOMATIC_WAIT ? Math.max(wait, 0) : undefined;
    }
    if (!error.retryable) return undefined;
    // Offline, a retry cannot succeed; the reader retries once the connection is back.
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return undefined;
    const base = this.options.retryDelay ?? 400;
    return base * 2 ** attempt * (0.75 + Math.random() * 0.5);
  }
}
