/** Errors already reported: each is reported once, however often it is caught and wrapped. */
const reported = new WeakSet<object>();

/**
 * Reports a bug (anything but a failure an adapter expects) to the console,
 * with its stack, once per error.
 */
export function reportUnexpected(error: unknown): void {
  const object = typeof error === 'object' && error !== null;
  if (object && reported.has(error)) return;
  if (object) reported.add(error);
  console.error('article-comments: unexpected error', error);
}
