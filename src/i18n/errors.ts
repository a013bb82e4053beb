import {AdapterError, RateLimitedError, toAdapterError} from '../adapters/errors.js';
import {de} from './de.js';
import type {ReadingWords} from './locale.js';

/** Whole seconds until a rate-limited request may be tried again (0: unknown or now). */
export function retryAfterSeconds(error: AdapterError, now: number): number {
  const retryAfter = RateLimitedError.is(error) ? error.retryAfter : null;
  return retryAfter === null ? 0 : Math.ceil((retryAfter - now) / 1000);
}

/** Whether an error is the browser being offline (a network error while `navigator.onLine` is false). */
export function isOffline(error: unknown): boolean {
  return toAdapterError(error).kind === 'network' && typeof navigator !== 'undefined' && navigator.onLine === false;
}

/**
 * The sentences (German unless `t` is another language's) for an error from an adapter, for what the reader was
 * doing: loading the discussion (or saving a reaction) or posting a comment
 * (reporting one: `reportErrorMessage` in report-dialog.ts, which comes with
 * the dialog). Each says what happened and what the reader can do.
 * Errors are told apart by `kind`, so those of another copy of the error
 * classes read the same.
 */
export function errorMessage(error: unknown, now = Date.now(), context: 'load' | 'post' | 'change' = 'post', t: ReadingWords = de): string {
  const adapterError: AdapterError = toAdapterError(error);
  const errors = t.errors;
  switch (adapterError.kind) {
    case 'network':
      if (isOffline(adapterError)) return context === 'load' ? errors.offlineLoad : errors.offline;
      return errors.network;
    case 'timeout':
      return errors.timeout;
    case 'invalid':
      return context === 'load' ? errors.refused : errors.invalid;
    case 'rate-limited': {
      const seconds = retryAfterSeconds(adapterError, now);
      if (context === 'load') return seconds > 0 ? errors.busyFor(seconds) : errors.busy;
      return seconds > 0 ? errors.rateLimitedFor(seconds) : errors.rateLimited;
    }
    case 'not-found':
      return context === 'post' ? errors.parentGone : context === 'change' ? errors.commentGone : errors.notFound;
    case 'closed':
      return t.closed;
    case 'forbidden': {
      const reason = (adapterError as {reason?: unknown}).reason;
      if (reason === 'expired') return errors.expired;
      if (reason === 'not-allowed' && context !== 'load') return errors.notAllowed;
      return context === 'load' ? errors.forbiddenLoad : context === 'change' ? errors.signInAgain : errors.forbidden;
    }
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
