let sequence = 0;

/** A random id that works outside secure contexts too (no `crypto.randomUUID` there). */
export function randomId(prefix = ''): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return prefix + Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('') + (sequence++).toString(36);
}
