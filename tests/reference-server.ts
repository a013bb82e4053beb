/**
 * The reference REST server the test run started, and its test-only
 * controls (server/reference-server.mjs, `control: true`): failures, seeds,
 * discussions (`control('discussion', {thread, closed, loginRequired, …})`),
 * sessions, the edit and undo windows, the outbox of reply notifications.
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

/** A signed-in reader as the server knows them (`POST /__control/session`). */
export interface TestViewer {
  id: string;
  name: string;
  role?: 'reader' | 'staff' | 'author' | 'expert';
  email?: string;
}

/** A reply notification mail the server "sent" (`POST /__control/outbox`). */
export interface TestMail {
  to: string;
  thread: string;
  commentId: string;
  replyId: string;
  subject: string;
  text: string;
  /** The unsubscribe link the text holds. */
  unsubscribe: string;
  sentAt: string;
}

/**
 * Signs a reader in and resolves to the session's token: send it as
 * `Authorization: Bearer <token>` (e.g. `restAdapter({headers: {Authorization: …}})`)
 * or as the cookie `ac_session=<token>`.
 */
export async function signIn(viewer: TestViewer): Promise<string> {
  const {control} = await referenceServer();
  return ((await control('session', {viewer})) as {token: string}).token;
}

/** Ends a session: its token signs nothing in any more (`viewer: null`). */
export async function signOut(token: string): Promise<void> {
  const {control} = await referenceServer();
  await control('logout', {token});
}

/** An adapter signed in with `token` (a bearer token), with the short timeouts of `restAdapter`. */
export async function signedInAdapter(token: string, options: Partial<RestAdapterOptions> = {}): Promise<RestAdapter> {
  return restAdapter({headers: {Authorization: `Bearer ${token}`}, ...options});
}

/** The reply notification mails sent for a thread, oldest first. */
export async function outbox(thread: string): Promise<TestMail[]> {
  const {control} = await referenceServer();
  return ((await control('outbox', {thread})) as {mail: TestMail[]}).mail;
}

/**
 * Sets the edit window and the undo window (ms) of one thread, so tests
 * running side by side do not change each other's; without `thread`, the
 * server's defaults for every thread. Resolves to the windows now in force.
 */
export async function setWindows(windows: {edit?: number; undo?: number}, thread?: string): Promise<{edit: number; undo: number}> {
  const {control} = await referenceServer();
  return (await control('windows', {...windows, ...(thread === undefined ? {} : {thread})})) as {edit: number; undo: number};
}

/** Only signed-in readers may post in `thread` (`discussion.loginRequired`), or anyone again. Pushed live. */
export async function requireLogin(thread: string, required = true): Promise<void> {
  const {control} = await referenceServer();
  await control('discussion', {thread, loginRequired: required});
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
