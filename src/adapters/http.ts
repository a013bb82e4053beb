/**
 * HTTP for adapters: timeouts, retries with backoff, conditional requests,
 * and every failure turned into a typed `AdapterError`.
 */
import {
  AbortedError,
  AdapterError,
  ClosedError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
} from './errors.js';

export interface HttpOptions {
  /** Extra headers for every request (e.g. `Authorization`), or a function that makes them. */
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
  method?: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Whether this request may be sent again after a failure (GETs, and POSTs with an idempotency key). */
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Turns an error response into the typed error its status and body describe. */
async function errorFor(response: Response): Promise<AdapterError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const code = typeof error.code === 'string' ? error.code : '';
  const message = typeof error.message === 'string' ? error.message : `HTTP ${response.status}`;
  const status = response.status;
  if (code === 'closed' || (status === 403 && code === '')) return new ClosedError(message);
  if (status === 429 || code === 'rate-limited') return new RateLimitedError(parseRetryAfter(response.headers.get('Retry-After')));
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

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError());
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new AbortedError());
      },
      {once: true}
    );
  });
}

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

  /** One attempt, bounded by the timeout and the caller's signal. */
  async #attempt(url: string, request: HttpRequest): Promise<Response> {
    const timeout = this.options.timeout ?? 10_000;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    const onAbort = () => controller.abort();
    request.signal?.addEventListener('abort', onAbort, {once: true});
    try {
      const headers = await this.#headers(request.headers);
      const cached = request.method !== 'POST' ? this.#etags.get(url) : undefined;
      if (cached) headers.set('If-None-Match', cached.etag);
      if (request.body !== undefined) headers.set('Content-Type', 'application/json');
      return await (this.options.fetch ?? fetch)(url, {
        method: request.method ?? 'GET',
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        credentials: this.options.credentials ?? 'same-origin',
        signal: controller.signal,
      });
    } catch (error) {
      if (request.signal?.aborted) throw new AbortedError({cause: error});
      if (timedOut) throw new TimeoutError(timeout, {cause: error});
      throw new NetworkError(error instanceof Error ? error.message : String(error), {cause: error});
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
        const response = await this.#attempt(url, request);
        if (response.status === 304) {
          const cached = this.#etags.get(url);
          if (cached) return cached.body;
          throw new UnexpectedResponseError('304 Not Modified for a request that had no cached answer.');
        }
        if (!response.ok) throw await errorFor(response);
        let text: string;
        try {
          text = await response.text();
        } catch (cause) {
          // The connection broke while the answer was arriving.
          throw new NetworkError('The connection broke during the answer.', {cause});
        }
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch (cause) {
          throw new UnexpectedResponseError(`The answer from ${url} is not JSON.`, {cause});
        }
        const etag = response.headers.get('ETag');
        if (etag && request.method !== 'POST') this.#etags.set(url, {etag, body});
        return body;
      } catch (caught) {
        error = caught instanceof AdapterError ? caught : new NetworkError(String(caught), {cause: caught});
      }
      const wait = this.#backoff(error, attempt);
      if (attempt >= retries || wait === undefined) throw error;
      await sleep(wait, request.signal);
    }
  }

  /** How long to wait before retrying after `error`, or undefined to give up now. */
  #backoff(error: AdapterError, attempt: number): number | undefined {
    if (error instanceof RateLimitedError) {
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
