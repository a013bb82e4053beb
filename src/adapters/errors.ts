/**
 * Typed errors every adapter throws, so the widget can say the right German
 * sentence for each and decide whether a retry makes sense.
 *
 * Tell them apart with `AdapterError.is(error)`, `ValidationError.is(error)` …
 * or by `kind`, not with `instanceof`: one page can hold two copies of these
 * classes (two script-tag files, two installed versions of the package, an
 * adapter built against another copy), and `instanceof` only knows its own.
 * Each class marks its instances with a symbol from the global registry
 * (`Symbol.for`), which every copy shares; `is` looks for that mark.
 */
import type {ReportField} from '../model/report.js';
import type {DraftField} from '../model/validate.js';
import {reportUnexpected} from './report-unexpected.js';

export type AdapterErrorKind =
  | 'network'
  | 'timeout'
  | 'invalid'
  | 'rate-limited'
  | 'not-found'
  | 'closed'
  | 'forbidden'
  | 'server'
  /** The answer is not in the documented format, or something failed that no adapter should throw (a bug). */
  | 'unexpected'
  | 'aborted';

export class AdapterError extends Error {
  /**
   * The mark of this class's instances: the same symbol in every copy of
   * article-comments (set below). A subclass of your own shares its parent's.
   */
  declare static readonly brand: symbol;

  /** Whether `value` is an error of this class (or a subclass), from this or any other copy of article-comments. */
  static is<T extends AdapterError>(this: {readonly prototype: T; readonly brand: symbol}, value: unknown): value is T {
    const error = value as {[brand: symbol]: unknown; kind?: unknown} | null | undefined;
    return error?.[this.brand] === true && typeof error.kind === 'string';
  }

  override name = 'AdapterError';
  constructor(
    readonly kind: AdapterErrorKind,
    message: string,
    options?: {cause?: unknown}
  ) {
    super(message, options);
  }

  /** Whether trying the same request again may succeed. */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server' || this.kind === 'rate-limited';
  }
}

/** The request did not reach the server, or the answer did not come back. */
export class NetworkError extends AdapterError {
  override name = 'NetworkError';
  constructor(message = 'The request did not reach the server.', options?: {cause?: unknown}) {
    super('network', message, options);
  }
}

/** The server did not answer in time. */
export class TimeoutError extends AdapterError {
  override name = 'TimeoutError';
  constructor(readonly timeoutMs: number, options?: {cause?: unknown}) {
    super('timeout', `No answer within ${timeoutMs} ms.`, options);
  }
}

/**
 * The server rejected the comment (or the report); `fieldErrors` holds German
 * messages per field: a comment's `name`, `body`, `quote`, a report's
 * `reason`, `details`, `urls`, `name`, `email`, `goodFaith`, and `form` for
 * the whole. A server may name other fields too (e.g. `parentId`).
 */
export class ValidationError extends AdapterError {
  override name = 'ValidationError';
  constructor(
    readonly fieldErrors: Partial<Record<DraftField | ReportField | 'quote' | 'form', string>>,
    message = 'The comment was rejected.',
    options?: {cause?: unknown}
  ) {
    super('invalid', message, options);
  }
}

/** Too many requests; `retryAfter` is the epoch ms from which a retry may succeed, if known. */
export class RateLimitedError extends AdapterError {
  override name = 'RateLimitedError';
  constructor(readonly retryAfter: number | null, options?: {cause?: unknown}) {
    super('rate-limited', 'Too many requests.', options);
  }
}

/** The discussion (or the comment answered) does not exist. */
export class NotFoundError extends AdapterError {
  override name = 'NotFoundError';
  constructor(message = 'Not found.', options?: {cause?: unknown}) {
    super('not-found', message, options);
  }
}

/** The discussion is closed to new comments. */
export class ClosedError extends AdapterError {
  override name = 'ClosedError';
  constructor(message = 'The discussion is closed.', options?: {cause?: unknown}) {
    super('closed', message, options);
  }
}

/**
 * Why the backend refuses: `login`, the reader must sign in (401, or a
 * discussion with `loginRequired`); `expired`, the time to edit a comment or
 * to undo its deletion has passed; `not-allowed`, anything else (not the
 * author, blocked).
 */
export type ForbiddenReason = 'login' | 'expired' | 'not-allowed';

/** The backend refuses the reader (not signed in, not allowed, too late: 401, 403). */
export class ForbiddenError extends AdapterError {
  override name = 'ForbiddenError';
  readonly reason: ForbiddenReason;
  constructor(message = 'Not allowed.', options?: {cause?: unknown; reason?: ForbiddenReason}) {
    super('forbidden', message, options);
    // Without a reason, what a ForbiddenError always meant: the reader must sign in.
    this.reason = options?.reason ?? 'login';
  }
}

/** The server failed (5xx). */
export class ServerError extends AdapterError {
  override name = 'ServerError';
  constructor(readonly status: number, options?: {cause?: unknown}) {
    super('server', `The server answered ${status}.`, options);
  }
}

/** The server answered something that is not the documented format. */
export class UnexpectedResponseError extends AdapterError {
  override name = 'UnexpectedResponseError';
  constructor(message = 'The response is not in the documented format.', options?: {cause?: unknown}) {
    super('unexpected', message, options);
  }
}

/** The request was cancelled by the caller. */
export class AbortedError extends AdapterError {
  override name = 'AbortedError';
  constructor(options?: {cause?: unknown}) {
    super('aborted', 'The request was aborted.', options);
  }
}

// Each class gets its mark, `Symbol.for("article-comments.<name>")`, on its prototype, so its
// instances and those of its subclasses carry it.
for (const [name, type] of Object.entries({
  AdapterError,
  NetworkError,
  TimeoutError,
  ValidationError,
  RateLimitedError,
  NotFoundError,
  ClosedError,
  ForbiddenError,
  ServerError,
  UnexpectedResponseError,
  AbortedError,
})) {
  const brand = Symbol.for(`article-comments.${name}`);
  (type as {brand: symbol}).brand = brand;
  (type.prototype as unknown as Record<symbol, boolean>)[brand] = true;
}

/**
 * Wraps anything thrown by an adapter as an AdapterError. What is not one
 * already (nor an abort) is a bug, in an adapter or in the widget, not a
 * network failure: it is reported to the console once, with its stack, and
 * becomes an `unexpected` error, which is not retried.
 */
export function toAdapterError(error: unknown): AdapterError {
  if (AdapterError.is(error)) return error;
  if (error instanceof DOMException && error.name === 'AbortError') return new AbortedError({cause: error});
  reportUnexpected(error);
  return new AdapterError('unexpected', error instanceof Error ? error.message : String(error), {cause: error});
}
