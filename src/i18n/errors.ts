import {AdapterError, RateLimitedError, toAdapterError} from '../adapters/errors.js';
import {de} from './de.js';

/**
 * The German sentence for an error from an adapter, for what the reader was
 * doing: loading the discussion, posting a comment or reporting one. Errors
 * are told apart by `kind`, so those of another copy of the error classes
 * read the same.
 */
export function errorMessage(error: unknown, now = Date.now(), context: 'load' | 'post' | 'report' = 'post'): string {
  const adapterError: AdapterError = toAdapterError(error);
  const errors = de.errors;
  const report = de.reportDialog;
  switch (adapterError.kind) {
    case 'network':
      return typeof navigator !== 'undefined' && navigator.onLine === false ? errors.offline : errors.network;
    case 'timeout':
      return errors.timeout;
    case 'invalid':
      return context === 'report' ? report.refused : context === 'post' ? errors.invalid : errors.refused;
    case 'rate-limited': {
      const retryAfter = RateLimitedError.is(adapterError) ? adapterError.retryAfter : null;
      const seconds = retryAfter === null ? 0 : Math.ceil((retryAfter - now) / 1000);
      if (context === 'load') return seconds > 0 ? errors.busyFor(seconds) : errors.busy;
      if (context === 'report') return seconds > 0 ? report.rateLimitedFor(seconds) : report.rateLimited;
      return seconds > 0 ? errors.rateLimitedFor(seconds) : errors.rateLimited;
    }
    case 'not-found':
      return context === 'report' ? report.commentGone : context === 'post' ? errors.parentGone : errors.notFound;
    case 'closed':
      return context === 'report' ? report.closed : de.closed;
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
