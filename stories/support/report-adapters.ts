/**
 * Backends that hold the report dialog in one state, for stories: each is a
 * MemoryAdapter with `report` changed, so everything else is the real one.
 */
import type {ReportRequest} from '../../src/adapters/adapter.js';
import {NetworkError, RateLimitedError} from '../../src/adapters/errors.js';
import {MemoryAdapter} from '../../src/adapters/memory-adapter.js';
import {STORY_NOW_MS} from './time.js';

/** Takes the report and never answers: the dialog stays "Wird gesendet …". */
export class NeverReportingAdapter extends MemoryAdapter {
  override report(_request: ReportRequest): Promise<never> {
    return new Promise(() => {});
  }
}

/** Every report fails as if the connection dropped; everything typed stays. */
export class FailingReportAdapter extends MemoryAdapter {
  override async report(_request: ReportRequest): Promise<never> {
    throw new NetworkError();
  }
}

/** Too many reports: 429 with Retry-After 120 s (from the stories' pinned "now"). */
export class RateLimitedReportAdapter extends MemoryAdapter {
  override async report(_request: ReportRequest): Promise<never> {
    throw new RateLimitedError(STORY_NOW_MS + 120_000);
  }
}
