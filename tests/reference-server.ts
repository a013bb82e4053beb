/**
 * The reference REST server the test run started, and its test-only
 * controls (server/reference-server.mjs, `control: true`).
 */
import {executeServerCommand} from '@web/test-runner-commands';
import {RestAdapter, type RestAdapterOptions} from '../src/adapters/rest-adapter.js';
import {record} from './harness.js';

export async function referenceServer() {
  const {url} = (await executeServerCommand('rest-server')) as {url: string};
  const control = async (path: string, body: unknown = {}) => {
    const response = await fetch(`${url}/__control/${path}`, {method: 'POST', body: JSON.stringify(body)});
    if (!response.ok) throw new Error(`/__control/${path} answered ${response.status}`);
    return response.json();
  };
  const log = async () =>
    ((await control('log')) as {requests: {method: string; path: string; headers: Record<string, string>}[]}).requests;
  /** The reports the server stored for a thread, as its staff listing shows them. */
  const reports = async (thread: string) => ((await control('reports', {thread})) as {reports: Record<string, unknown>[]}).reports;
  return {url, api: `${url}/api`, control, log, reports};
}

/** Queues `times` failures for requests of one thread only (tests run side by side). */
export async function failNext(thread: string, failure: Record<string, unknown>, times = 1): Promise<void> {
  const {control} = await referenceServer();
  await control('fail', {path: `/threads/${encodeURIComponent(thread)}/`, count: times, ...failure});
}

/** Puts comments into a thread on the server (as if posted earlier). */
export async function seedServer(thread: string, ids: string[]): Promise<void> {
  const {control} = await referenceServer();
  const comments = ids.map((id, i) => record({id, createdAt: new Date(Date.now() - (i + 1) * 60_000).toISOString()}));
  await control('seed', {thread, comments});
}

/** An adapter for the server with short timeouts and delays, and no polling unless asked. */
export async function restAdapter(options: Partial<RestAdapterOptions> = {}): Promise<RestAdapter> {
  const {api} = await referenceServer();
  return new RestAdapter({baseUrl: api, retryDelay: 10, timeout: 1500, pollInterval: 0, ...options});
}
