/**
 * Where `<comment-count>` gets its numbers: a REST base URL
 * (`GET {src}/counts?thread=…`, docs/rest-api.md, with a `fetch` of its own
 * so the script-tag file stays small) or an adapter (`counts()` in one call
 * where `capabilities.counts` says it batches, else per thread, else a
 * one-comment `load()` and its `total`).
 */
import type {CommentAdapter} from '../../adapters/adapter.js';
import {isRecord} from '../../model/is-record.js';
import {parseCounts} from '../../model/reactions.js';

/** Threads per request, as the REST contract allows. */
const PER_REQUEST = 100;
const TIMEOUT = 10_000;

/** The counts the server gives for `threads`; one request per 100. Rejects when a request fails. */
export async function restCounts(src: string, threads: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const requests = [];
  for (let i = 0; i < threads.length; i += PER_REQUEST) {
    const chunk = threads.slice(i, i + PER_REQUEST);
    const url = new URL(`${src.replace(/\/+$/, '')}/counts`, document.baseURI);
    for (const thread of chunk) url.searchParams.append('thread', thread);
    requests.push(
      // `Accept` is a header CORS allows without a preflight: one request, not two.
      fetch(url, {headers: {Accept: 'application/json'}, signal: AbortSignal.timeout(TIMEOUT)}).then(async (response) => {
        if (!response.ok) throw new Error(`GET ${url.pathname} answered ${response.status}`);
        const body: unknown = await response.json();
        for (const [thread, count] of parseCounts(isRecord(body) ? body.counts : undefined, chunk)) counts.set(thread, count);
      })
    );
  }
  await Promise.all(requests);
  return counts;
}

/** A discussion's count from a one-comment page: its `total`, or the page itself when it is the whole discussion. */
async function countByLoading(adapter: CommentAdapter, thread: string): Promise<number | undefined> {
  const page = await adapter.load({thread, cursor: null, sort: 'newest', limit: 1});
  if (typeof page.total === 'number') return page.total;
  if (page.nextCursor !== null) return undefined;
  return page.comments.filter((record) => isRecord(record) && (record.status ?? 'published') === 'published').length;
}

export async function adapterCounts(adapter: CommentAdapter, threads: readonly string[]): Promise<Map<string, number>> {
  if (adapter.counts && adapter.capabilities?.counts) return parseCounts(await adapter.counts({threads: [...threads]}), threads);
  const counts = new Map<string, number>();
  await Promise.all(
    threads.map(async (thread) => {
      const count = adapter.counts ? parseCounts(await adapter.counts({threads: [thread]}), [thread]).get(thread) : await countByLoading(adapter, thread);
      if (count !== undefined) counts.set(thread, count);
    })
  );
  return counts;
}
