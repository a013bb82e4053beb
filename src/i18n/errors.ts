import {AdapterError, RateLimitedError, toAdapterError} from '../adapters/errors.js';
import {de} from './de.js';

/** Whole seconds until a rate-limited request may be tried again (0: unknown or now). */
export function retryAfterSeconds(error: AdapterError, now: number): number {
  const retryAfter = RateLimitedError.is(error) ? error.retryAfter : null;
  return retryAfter === null ? 0 : Math.ceil((retryAfter - now) / 1000);
}

/**
 * The German sentence for an error from an adapter, for what the reader was
 * doing: loading the discussion or posting a comment (reporting one:
 * `reportErrorMessage` in report-dialog.ts, which comes with the dialog).
 * Errors are told apart by `kind`, so those of another copy of the error
 * classes read the same.
 */
export function errorMessage(error: unknown, now = Date.now(), context: 'load' | 'post' = 'post'): string {
  const adapterError: AdapterError = toAdapterError(error);
  const errors = de.errors;
  switch (adapterError.kind) {
    case 'network':
      return typeof navigator !== 'undefined' && navigator.onLine === false ? errors.offline : errors.network;
    case 'timeout':
      return errors.timeout;
    case 'invalid':
      return context === 'post' ? errors.invalid : errors.refused;
    case 'rate-limited': {
      const seconds = retryAfterSeconds(adapterError, now);
      if (context === 'load') return seconds > 0 ? errors.busyFor(seconds) : errors.busy;
      return seconds > 0 ? errors.rateLimitedFor(seconds) : errors.rateLimited;
    }
    case 'not-found':
      return context === 'post' ? errors.parentGone : errors.notFound;
    case 'closed':
      return de.closed;
    case 'forbidden':
      return errors.forbidden;
    case 'server':
      return errors.server;
    case 'unexpected':
      return errors.unexpected;
    case 'aborted':
      return errors.aborted;
    default:
      return errors.unknown;
  }
}
