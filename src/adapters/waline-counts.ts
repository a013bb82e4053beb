/**
 * Comment counts from Waline: `GET /api/comment?type=count&url=/a,/b` counts
 * many paths in one request (published comments, all levels). Waline splits
 * the list at commas, so a path with a comma in it is counted through its
 * comment list (`total`) instead.
 */
import type {WalineAdapter} from './waline-adapter.js';

/** Paths per request, to keep the URL short. */
const PER_REQUEST = 50;

export async function walineCounts(
  threads: readonly string[],
  {path, count, total}: {path(thread: string): string; count(paths: string[]): Promise<unknown>; total: WalineAdapter['load']},
  signal?: AbortSignal
): Promise<Record<string, number>> {
  const unique = [...new Set(threads)];
  const listed = unique.filter((thread) => !path(thread).includes(','));
  const counts: Record<string, number> = {};
  for (let i = 0; i < listed.length; i += PER_REQUEST) {
    const chunk = listed.slice(i, i + PER_REQUEST);
    const data = await count(chunk.map(path));
    const numbers: unknown[] = Array.isArray(data) ? data : [data];
    chunk.forEach((thread, index) => {
      const value = numbers[index];
      if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) counts[thread] = value;
    });
  }
  for (const thread of unique.filter((each) => !listed.includes(each))) {
    const page = await total({thread, cursor: null, sort: 'newest', limit: 1, signal});
    if (page.total !== undefined) counts[thread] = page.total;
  }
  return counts;
}
