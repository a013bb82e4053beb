// Sessions of the reference server (docs/rest-api.md, "Signed-in readers"):
// the publisher's login, simulated. A request is signed in by the cookie
// `ac_session=<token>` or by `Authorization: Bearer <token>`; sessions are
// made by the test control `POST /__control/session` or by the demo's login
// page (`GET /login`, `POST /login`, `GET /logout`), which signs anyone in
// under the name they type. A real site uses its own accounts instead and
// only has to answer who a request belongs to.
import {randomBytes} from 'node:crypto';

export const COOKIE = 'ac_session';
const MAX_NAME = 60;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
const ROLES = ['reader', 'staff', 'author', 'expert'];

/** An address mail can go to: one @, a dot in the domain, no spaces; at most 254 characters. */
export const isEmail = (value) => typeof value === 'string' && value.trim().length <= 254 && EMAIL.test(value.trim());

/** A viewer from a control request's `viewer`, or undefined when it has no id or name. */
export function checkedViewer(input) {
  const id = typeof input?.id === 'string' ? input.id.trim() : '';
  const name = typeof input?.name === 'string' ? input.name.trim() : '';
  if (!id || !name) return undefined;
  const viewer = {id: id.slice(0, 200), name: [...name].slice(0, MAX_NAME).join(''), role: ROLES.includes(input.role) ? input.role : 'reader'};
  if (isEmail(input.email)) viewer.email = input.email.trim();
  return viewer;
}

/** The demo's account id for a name: `u-` and the name in lower case ASCII ("Jörg Weiß" → `u-joerg-weiss`). */
export function accountId(name) {
  const slug = name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `u-${slug || 'leser'}`;
}

/** Where to go after signing in or out: `value` if it is an absolute http(s) URL, else '/'. */
export function safeReturn(value) {
  if (typeof value !== 'string' || value === '') return '/';
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '/';
  } catch {
    return '/';
  }
}

const escapeHtml = (text) =>
  String(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

/** A small German HTML page: no scripts, no styles, nothing from elsewhere. */
export function htmlPage(response, status, title, body, headers = {}) {
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    // Nothing to load; a form may post (and its redirect may go) anywhere.
    'Content-Security-Policy': "default-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    'Referrer-Policy': 'no-referrer',
    ...headers,
  });
  response.end(
    `<!doctype html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
      `<title>${escapeHtml(title)}</title>\n</head>\n<body>\n<main>\n<h1>${escapeHtml(title)}</h1>\n${body}\n</main>\n</body>\n</html>\n`
  );
}

function readForm(request, limit = 16 * 1024) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > limit ? undefined : new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    request.on('error', reject);
  });
}

export function createSessions() {
  /** token -> viewer */
  const sessions = new Map();

  function create(viewer) {
    const token = randomBytes(24).toString('base64url');
    sessions.set(token, viewer);
    return token;
  }

  /** The session token a request carries: the cookie first, then a bearer token. */
  function tokenOf(request) {
    for (const part of (request.headers.cookie ?? '').split(';')) {
      const [name, ...value] = part.trim().split('=');
      if (name === COOKIE && value.length) return decodeURIComponent(value.join('='));
    }
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    return bearer ? bearer[1] : undefined;
  }

  /** Who is signed in for a token: a viewer, or null (no token, an unknown or ended one). */
  const viewerFor = (token) => (token === undefined ? null : sessions.get(token) ?? null);

  const cookie = (token, maxAge) =>
    `${COOKIE}=${token}; HttpOnly; SameSite=Lax; Path=/${maxAge === undefined ? '' : `; Max-Age=${maxAge}`}`;

  function loginForm(response, status, {returnTo, name = '', email = '', errors = {}, viewer}) {
    const field = (id, label, value, type, error, extra) =>
      `<p><label for="${id}">${label}</label><br>\n<input id="${id}" name="${id}" type="${type}" value="${escapeHtml(value)}"${extra}` +
      `${error ? ` aria-invalid="true" aria-describedby="${id}-error"` : ''}>` +
      `${error ? `<br>\n<strong id="${id}-error">${escapeHtml(error)}</strong>` : ''}</p>`;
    const signedIn = viewer
      ? `<p>Sie sind angemeldet als „${escapeHtml(viewer.name)}“. <a href="/logout?return=${encodeURIComponent(returnTo)}">Abmelden</a></p>\n`
      : '';
    htmlPage(
      response,
      status,
      'Anmelden (Demo)',
      `${signedIn}<p>Diese Anmeldung ist nur eine Vorführung: Wer einen Namen eingibt, ist unter diesem Namen angemeldet, ohne Passwort.</p>\n` +
        `<form method="post" action="/login">\n<input type="hidden" name="return" value="${escapeHtml(returnTo)}">\n` +
        `${field('name', 'Name', name, 'text', errors.name, ` required maxlength="${MAX_NAME}" autocomplete="nickname"`)}\n` +
        `${field('email', 'E-Mail-Adresse (freiwillig, für Benachrichtigungen über Antworten)', email, 'email', errors.email, ' autocomplete="email"')}\n` +
        `<p><button type="submit">Anmelden</button></p>\n</form>\n` +
        `<p><a href="${escapeHtml(safeReturn(returnTo))}">Zurück, ohne anzumelden</a></p>`
    );
  }

  /** The demo's `/login` and `/logout`; false for any other request. */
  async function handlePages(request, response, url) {
    if (url.pathname === '/login' && (request.method === 'GET' || request.method === 'HEAD')) {
      loginForm(response, 200, {returnTo: url.searchParams.get('return') ?? '', viewer: viewerFor(tokenOf(request))});
      return true;
    }
    if (url.pathname === '/login' && request.method === 'POST') {
      const form = await readForm(request);
      if (!form) {
        htmlPage(response, 413, 'Anmelden (Demo)', '<p>Die Angaben sind zu lang.</p>', {Connection: 'close'});
        return true;
      }
      const returnTo = form.get('return') ?? '';
      const name = (form.get('name') ?? '').trim();
      const email = (form.get('email') ?? '').trim();
      const errors = {};
      if (!name) errors.name = 'Bitte geben Sie einen Namen an.';
      else if ([...name].length > MAX_NAME) errors.name = `Der Name darf höchstens ${MAX_NAME} Zeichen lang sein.`;
      if (email && !isEmail(email)) errors.email = 'Bitte geben Sie eine gültige E-Mail-Adresse an.';
      if (Object.keys(errors).length) {
        loginForm(response, 422, {returnTo, name, email, errors});
        return true;
      }
      const viewer = {id: accountId(name), name, role: 'reader', ...(email ? {email} : {})};
      const old = tokenOf(request);
      if (old !== undefined) sessions.delete(old);
      response.writeHead(303, {Location: safeReturn(returnTo), 'Set-Cookie': cookie(create(viewer)), 'Cache-Control': 'no-store'});
      response.end();
      return true;
    }
    if (url.pathname === '/logout' && (request.method === 'GET' || request.method === 'POST')) {
      const token = tokenOf(request);
      if (token !== undefined) sessions.delete(token);
      response.writeHead(303, {Location: safeReturn(url.searchParams.get('return')), 'Set-Cookie': cookie('', 0), 'Cache-Control': 'no-store'});
      response.end();
      return true;
    }
    return false;
  }

  return {
    create,
    end: (token) => sessions.delete(token),
    tokenOf,
    viewerFor,
    viewerOf: (request) => viewerFor(tokenOf(request)),
    handlePages,
  };
}
