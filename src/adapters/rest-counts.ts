/**
 * `GET {base}/counts?thread=…&thread=…` of the REST contract: the comment
 * counts of many discussions, 100 a request, as the contract allows.
 */
import {isRecord} from '../model/is-record.js';
import {parseCounts} from '../model/reactions.js';
import {UnexpectedResponseError} from './errors.js';
import type {HttpClient} from './http.js';

export const COUNTS_PER_REQUEST = 100;

/** The counts the server gives; threads its answer leaves out (or gets wrong) are left out. */
export async function fetchCounts(http: HttpClient, base: string, threads: readonly string[], signal?: AbortSignal): Promise<Record<string, number>> {
  const unique = [...new Set(threads)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += COUNTS_PER_REQUEST) chunks.push(unique.slice(i, i + COUNTS_PER_REQUEST));
  const answers = await Promise.all(
    chunks.map(async (chunk) => {
      const url = new URL(`${base}/counts`, location.href);
      for (const thread of chunk) url.searchParams.append('thread', thread);
      const body = await http.json(url.href, {signal});
      if (!isRecord(body) || !isRecord(body.counts)) throw new UnexpectedResponseError('GET counts: expected {"counts": {…}}.');
      return parseCounts(body.counts, chunk);
    })
  );
  return Object.fromEntries(answers.flatMap((counts) => [...counts]));
}
