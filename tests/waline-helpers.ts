/**
 * The real Waline server the test run started (tests/waline), and what its
 * own client and its administrators do there.
 */
import {executeServerCommand} from '@web/test-runner-commands';

export async function waline(): Promise<string> {
  const answer = (await executeServerCommand('waline-server')) as {url?: string; error?: string};
  if (!answer.url) throw new Error(`No Waline server: ${answer.error}`);
  return answer.url;
}

/** Posts straight to Waline, the way its own client would. */
export async function walinePost(path: string, comment: Record<string, unknown>, token?: string) {
  const response = await fetch(`${await waline()}/api/comment`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', ...(token ? {Authorization: `Bearer ${token}`} : {})},
    body: JSON.stringify({url: path, ...comment}),
  });
  const answer = await response.json();
  if (answer.errno !== 0) throw new Error(JSON.stringify(answer));
  return answer.data as {objectId: number; status: string};
}

/** Registers a user (if new) and logs them in the way Waline's login does; returns their token and Waline's id for them. */
export async function account(user: {display_name: string; email: string; password: string; url?: string}): Promise<{token: string; id: string}> {
  const url = await waline();
  await fetch(`${url}/api/user`, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({url: '', ...user})});
  const answer = await fetch(`${url}/api/token`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({email: user.email, password: user.password}),
  }).then((r) => r.json());
  if (answer.errno !== 0) throw new Error(JSON.stringify(answer));
  return {token: answer.data.token as string, id: String(answer.data.objectId)};
}

async function login(user: {display_name: string; email: string; password: string; url: string}): Promise<string> {
  return (await account(user)).token;
}

let users = 0;
/** A new Waline user (a "guest"), registered after the administrator. */
export async function newUser(name: string): Promise<{token: string; id: string; name: string; email: string}> {
  await admin();
  const n = `${Date.now().toString(36)}-${users++}`;
  const email = `leser-${n}@example.com`;
  const display_name = `${name} ${n}`;
  return {...(await account({display_name, email, password: 'geheim-789'})), name: display_name, email};
}

/** What Waline's admin panel lists (`GET /api/comment?type=list`): the comments of `path`, with the `mail` only administrators see. */
export async function adminList(path: string): Promise<Array<{objectId: number; mail?: string | null; comment: string; user_id?: number | null}>> {
  const answer = await fetch(`${await waline()}/api/comment?type=list&page=1&pageSize=100`, {headers: {Authorization: `Bearer ${await admin()}`}}).then((r) =>
    r.json()
  );
  if (answer.errno !== 0) throw new Error(JSON.stringify(answer));
  return (answer.data.data as Array<{url: string; objectId: number; comment: string}>).filter((comment) => comment.url === path);
}

let adminToken: Promise<string> | undefined;
/**
 * The first user registered on a Waline server becomes its administrator:
 * every test file registers this one before any other, with the same data.
 */
export function admin(): Promise<string> {
  return (adminToken ??= login({display_name: 'Julia Weber', email: 'redaktion@example.com', password: 'geheim-123', url: 'https://example.com'}));
}

let readerToken: Promise<string> | undefined;
/** A logged-in reader (a Waline "guest" user: no mail service, so no verification). */
export function reader(): Promise<string> {
  return (readerToken ??= admin().then(() =>
    login({display_name: 'Lea Leserin', email: 'lea@example.com', password: 'geheim-456', url: 'https://example.com/lea'})
  ));
}

/** What a Waline administrator does in its admin panel: sets a comment's status (approved, waiting, spam). */
export async function moderate(objectId: number, status: 'approved' | 'waiting' | 'spam'): Promise<void> {
  const answer = await fetch(`${await waline()}/api/comment/${objectId}`, {
    method: 'PUT',
    headers: {'Content-Type': 'application/json', Authorization: `Bearer ${await admin()}`},
    body: JSON.stringify({status}),
  }).then((r) => r.json());
  if (answer.errno !== 0) throw new Error(JSON.stringify(answer));
}
