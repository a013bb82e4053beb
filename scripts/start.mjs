// `npm start`: installs what is missing, builds the package, and serves the
// demo article page on 127.0.0.1, under the strict CSP news sites use.
//
// The same server answers the REST contract under /api (the reference
// server, storing in .data/demo-comments.json), so the demo also shows the
// widget on a real backend: /demo/?backend=rest. /demo/?backend=local keeps
// posts in the browser instead; /demo/ is the embedded default, and
// /demo/?render=server the same page with the discussion rendered on the server.
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {ensureDependencies} from './ensure-deps.mjs';

ensureDependencies();
const {ROOT, listen, staticFiles} = await import('./serve.mjs');
const {createCommentServer} = await import('../server/reference-server.mjs');

console.log('Building …');
const build = spawnSync('npm', ['run', '--silent', 'build'], {cwd: ROOT, stdio: 'inherit'});
if (build.status !== 0) process.exit(build.status ?? 1);

// The REST store starts with the discussion the demo page embeds.
const page = readFileSync(`${ROOT}/demo/index.html`, 'utf8');
const inline = /<article-comments[^>]*thread="([^"]+)"[^>]*>\s*<script type="application\/json">([\s\S]*?)<\/script>/.exec(page);
const seed = inline ? {[inline[1]]: JSON.parse(inline[2])} : {};

const files = staticFiles();
const {renderDemoPage} = await import('./ssr-demo.mjs');

/** /demo/?render=server: the article with the discussion rendered on the server (docs/server-rendering.md). */
async function serverRendered(request, response) {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (!/^\/demo\/(index\.html)?$/.test(url.pathname) || url.searchParams.get('render') !== 'server') return false;
  const {html, csp} = await renderDemoPage({pageUrl: `http://${request.headers.host}${url.pathname}`});
  response.writeHead(200, {'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp, 'Cache-Control': 'no-cache'});
  response.end(html);
  return true;
}
const server = createCommentServer({
  dataFile: `${ROOT}/.data/demo-comments.json`,
  seed,
  // `STAFF_TOKEN=… npm start`: the demo's reports at /api/reports with `Authorization: Bearer …`.
  staffToken: process.env.STAFF_TOKEN,
  // Reply notifications: the mail the server would send is printed here (it sends none).
  logMail: true,
  fallback: async (request, response) => {
    if (await serverRendered(request, response)) return true;
    await files(request, response);
    return true;
  },
});
const wanted = Number(process.env.PORT ?? 8080);
const base = await listen(server, wanted).catch(() => listen(server, 0));
console.log(`
Demo:                     ${base}/demo/
  posts kept in browser:  ${base}/demo/?backend=local
  on the REST server:     ${base}/demo/?backend=rest   (API: ${base}/api)
  rendered on the server: ${base}/demo/?render=server
(Ctrl+C stops the server.)`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
