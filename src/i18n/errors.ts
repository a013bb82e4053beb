import {AdapterError, RateLimitedError, toAdapterError} from '../adapters/errors.js';
import {de} from './de.js';

/** The German sentence for an error from an adapter. */
export function errorMessage(error: unknown, now = Date.now()): string {
  const adapterError: AdapterError = toAdapterError(error);
  switch (adapterError.kind) {
    case 'network':
      return typeof navigator !== 'undefined' && navigator.onLine === false ? de.errors.offline : de.errors.network;
    case 'timeout':
      return de.errors.timeout;
    case 'invalid':
      return de.errors.invalid;
    case 'rate-limited': {
      const retryAfter = (adapterError as RateLimitedError).retryAfter;
      const seconds = retryAfter === null ? 0 : Math.ceil((retryAfter - now) / 1000);
      return seconds > 0 ? de.errors.rateLimitedFor(seconds) : de.errors.rateLimited;
    }
    case 'not-found':
      return de.errors.notFound;
    case 'closed':
      return de.errors.closed;
    case 'server':
      return de.errors.server;
    case 'unexpected':
      return de.errors.unexpected;
    case 'aborted':
      return de.errors.aborted;
    default:
      return de.errors.unknown;
  }
}
