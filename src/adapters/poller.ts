import {AdapterError} from './errors.js';
import {reportUnexpected} from './report-unexpected.js';

/**
 * Asks a backend for news at an interval while the page is visible: no
 * requests from hidden tabs, one at once when the tab is shown again, never
 * two at the same time. A typed failure (network, timeout, server) is tried
 * again at the next interval; anything else is a bug, which asking again
 * would only repeat: it is reported once and polling stops. Returns a
 * function that stops it.
 */
export function poll(interval: number, tick: (signal: AbortSignal) => Promise<void>): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let busy = false;
  const controller = new AbortController();
  const hidden = () => document.visibilityState === 'hidden';
  const schedule = () => {
    clearTimeout(timer);
    if (!controller.signal.aborted && !hidden()) timer = setTimeout(run, interval);
  };
  const run = async () => {
    if (busy || controller.signal.aborted) return;
    busy = true;
    try {
      await tick(controller.signal);
    } catch (error) {
      if (!controller.signal.aborted && !AdapterError.is(error)) {
        reportUnexpected(error);
        controller.abort();
      }
    } finally {
      busy = false;
    }
    schedule();
  };
  const onVisibility = () => (hidden() ? clearTimeout(timer) : void run());
  document.addEventListener('visibilitychange', onVisibility);
  schedule();
  return () => {
    controller.abort();
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
