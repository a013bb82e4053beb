// A small static file server for the demo and for tests that need a real
// page: it serves the repository root on 127.0.0.1 with the strict
// Content-Security-Policy news sites run, so the demo proves the widget works
// under it. No dependencies.
import {createReadStream} from 'node:fs';
import {stat} from 'node:fs/promises';
import {createServer} from 'node:http';
import {extname, join, normalize, resolve, sep} from 'node:path';
import {fileURLToPath} from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** A request handler that serves files under `root` with the given CSP. */
export function staticFiles({root = ROOT, csp = STRICT_CSP} = {}) {
  return async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      let path = normalize(join(root, decodeURIComponent(url.pathname)));
      if (path !== root && !path.startsWith(root + sep)) {
        response.writeHead(403).end('Forbidden');
        return;
      }
      let info = await stat(path).catch(() => undefined);
      if (info?.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          response.writeHead(301, {Location: `${url.pathname}/${url.search}`}).end();
          return;
        }
        path = join(path, 'index.html');
        info = await stat(path).catch(() => undefined);
      }
      if (!info?.isFile()) {
        response.writeHead(404, {'Content-Type': 'text/plain; charset=utf-8'}).end('Not found');
        return;
      }
      response.writeHead(200, {
        'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
        'Content-Length': info.size,
        ...(csp ? {'Content-Security-Policy': csp} : {}),
        'Cache-Control': 'no-cache',
      });
      if (request.method === 'HEAD') response.end();
      else createReadStream(path).pipe(response);
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  };
}

/** A server for the files under `root`, under the strict CSP by default. */
export function createStaticServer(options = {}) {
  return createServer(staticFiles(options));
}

/** Starts a server on 127.0.0.1 (port 0: one the system picks); resolves its base URL. */
export function listen(server, port = 0) {
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolvePromise(`http://127.0.0.1:${address.port}`);
    });
  });
}
