/**
 * `localStorage` as the widget uses it for what a reader leaves in the
 * browser (drafts, marks, their reader id, likes): it can be missing, blocked
 * or full (private windows, quotas, sandboxed iframes), and what it holds can
 * be anything. Those failures are expected and each caller goes on from
 * memory; anything else is a bug and is thrown on.
 */

/** Storage blocked (SecurityError), full (QuotaExceededError), or a value that is not JSON: expected. */
export function expected(error: unknown): void {
  if (!(error instanceof DOMException || error instanceof SyntaxError)) throw error;
}

/** The page's localStorage, or undefined where it cannot be had. */
export function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch (error) {
    expected(error);
    return undefined;
  }
}
