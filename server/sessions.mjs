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

/** An origin as browsers write it (`https://news.example`), or undefined when `value` is none. */
export function originOf(value) {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The request's own origin: `http://` and its Host header (undefined without a plausible one). */
export function requestOrigin(request) {
  const host = request.headers.host;
  return typeof host === 'string' && /^[a-z0-9.\-]+(:\d+)?$|^\[[0-9a-f:.]+\](:\d+)?$/i.test(host) ? originOf(`http://${host}`) : undefined;
}

/**
 * Where to go after signing in or out: a path on this site (`/…`, not
 * `//…`), resolved against `origin` (the request's own), or an absolute
 * http(s) URL whose origin is `origin` or one of `trusted`; anything else
 * (another site, `javascript:`, `data:`, …) goes to '/'.
 */
export function safeReturn(value, {origin, trusted = []} = {}) {
  if (typeof value !== 'string' || value === '') return '/';
  try {
    if (value.startsWith('/')) {
      if (value.startsWith('//') || !origin) return '/';
      // `/\evil.example` resolves to another host too: the origin decides.
      const url = new URL(value, origin);
      return url.origin === origin ? url.href : '/';
    }
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return '/';
    return url.origin === origin || trusted.includes(url.origin) ? url.href : '/';
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

/**
 * The sessions. `trusted`: origins besides a request's own that may send
 * signed-in requests by cookie and be returned to after signing in or out
 * (the server's `cors` list, its `publicBase`).
 */
export function createSessions({trusted = []} = {}) {
  /** token -> viewer */
  const sessions = new Map();
  const origins = trusted.map(originOf).filter(Boolean);

  function create(viewer) {
    const token = randomBytes(24).toString('base64url');
    sessions.set(token, viewer);
    return token;
  }

  /** Every session token a request carries, bearer token first, then `ac_session` cookies: [{token, via}]. */
  function carried(request) {
    const tokens = [];
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (bearer) tokens.push({token: bearer[1], via: 'bearer'});
    for (const part of (request.headers.cookie ?? '').split(';')) {
      const [name, ...value] = part.trim().split('=');
      if (name !== COOKIE || !value.length || value.join('=') === '') continue;
      try {
        tokens.push({token: decodeURIComponent(value.join('=')), via: 'cookie'});
      } catch {
        // Not percent-encoding: no session of ours.
      }
    }
    return tokens;
  }

  /** The live session a request is signed in by, {token, viewer, via: 'bearer' | 'cookie'}, or null. */
  function sessionOf(request) {
    for (const {token, via} of carried(request)) {
      const viewer = sessions.get(token);
      if (viewer) return {token, viewer, via};
    }
    return null;
  }

  /**
   * The session token of a request: whichever it carries resolves to a live
   * session (the bearer token first), so a stale cookie does not hide a
   * valid bearer token; else the first it carries, or undefined.
   */
  const tokenOf = (request) => sessionOf(request)?.token ?? carried(request)[0]?.token;

  /** Who is signed in for a token: a viewer, or null (no token, an unknown or ended one). */
  const viewerFor = (token) => (token === undefined ? null : sessions.get(token) ?? null);

  /** Whether `origin` is the request's own or a trusted one. */
  const trusts = (request, origin) => origin === requestOrigin(request) || origins.includes(origin);

  /** Where a login or logout of this request may return to (see safeReturn). */
  const returnFor = (request, value) => safeReturn(value, {origin: requestOrigin(request), trusted: origins});

  const cookie = (token, maxAge) =>
    `${COOKIE}=${token}; HttpOnly; SameSite=Lax; Path=/${maxAge === undefined ? '' : `; Max-Age=${maxAge}`}`;

  function loginForm(request, response, status, {returnTo, name = '', email = '', errors = {}, viewer}) {
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
        `<p><a href="${escapeHtml(returnFor(request, returnTo))}">Zurück, ohne anzumelden</a></p>`
    );
  }

  /** The demo's `/login` and `/logout`; false for any other request. */
  async function handlePages(request, response, url) {
    if (url.pathname === '/login' && (request.method === 'GET' || request.method === 'HEAD')) {
      loginForm(request, response, 200, {returnTo: url.searchParams.get('return') ?? '', viewer: viewerFor(tokenOf(request))});
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
        loginForm(request, response, 422, {returnTo, name, email, errors});
        return true;
      }
      const viewer = {id: accountId(name), name, role: 'reader', ...(email ? {email} : {})};
      for (const {token} of carried(request)) sessions.delete(token);
      response.writeHead(303, {Location: returnFor(request, returnTo), 'Set-Cookie': cookie(create(viewer)), 'Cache-Control': 'no-store'});
      response.end();
      return true;
    }
    // GET too, so a plain link signs out (the demo): any page can sign a reader out this way (docs/rest-api.md).
    if (url.pathname === '/logout' && (request.method === 'GET' || request.method === 'POST')) {
      for (const {token} of carried(request)) sessions.delete(token);
      response.writeHead(303, {Location: returnFor(request, url.searchParams.get('return')), 'Set-Cookie': cookie('', 0), 'Cache-Control': 'no-store'});
      response.end();
      return true;
    }
    return false;
  }

  return {
    create,
    end: (token) => sessions.delete(token),
    tokenOf,
    sessionOf,
    viewerFor,
    viewerOf: (request) => sessionOf(request)?.viewer ?? null,
    trusts,
    handlePages,
  };
}
