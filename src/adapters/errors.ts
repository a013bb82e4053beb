/**
 * Typed errors every adapter throws, so the widget can say the right German
 * sentence for each and decide whether a retry makes sense.
 */
import type {DraftField} from '../model/validate.js';

export type AdapterErrorKind =
  | 'network'
  | 'timeout'
  | 'invalid'
  | 'rate-limited'
  | 'not-found'
  | 'closed'
  | 'forbidden'
  | 'server'
  | 'unexpected'
  | 'aborted';

export class AdapterError extends Error {
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

/** The server rejected the comment; `fieldErrors` holds German messages per field. */
export class ValidationError extends AdapterError {
  override name = 'ValidationError';
  constructor(
    readonly fieldErrors: Partial<Record<DraftField | 'quote' | 'form', string>>,
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

/** The backend refuses the reader (not logged in, blocked: 401, 403). */
export class ForbiddenError extends AdapterError {
  override name = 'ForbiddenError';
  constructor(message = 'Not allowed.', options?: {cause?: unknown}) {
    super('forbidden', message, options);
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

/** Wraps anything thrown by an adapter as an AdapterError. */
export function toAdapterError(error: unknown): AdapterError {
  if (error instanceof AdapterError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') return new AbortedError({cause: error});
  if (error instanceof TypeError) return new NetworkError(error.message, {cause: error});
  return new UnexpectedResponseError(error instanceof Error ? error.message : String(error), {cause: error});
}
