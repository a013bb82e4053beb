// `npm start`: installs what is missing, builds the package, and serves the
// demo article page (under the strict CSP news sites use) on 127.0.0.1.
import {spawnSync} from 'node:child_process';
import {ensureDependencies} from './ensure-deps.mjs';

ensureDependencies();
const {ROOT, createStaticServer, listen} = await import('./serve.mjs');

console.log('Building …');
const build = spawnSync('npm', ['run', '--silent', 'build'], {cwd: ROOT, stdio: 'inherit'});
if (build.status !== 0) process.exit(build.status ?? 1);

const server = createStaticServer();
const wanted = Number(process.env.PORT ?? 8080);
const base = await listen(server, wanted).catch(() => listen(server, 0));
console.log(`\nDemo: ${base}/demo/\n(Ctrl+C stops the server.)`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
