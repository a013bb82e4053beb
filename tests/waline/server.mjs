// Starts a real Waline server on 127.0.0.1 with a fresh SQLite database in a
// temporary folder, for the Waline adapter's tests and the benchmark.
//
//   const waline = await startWaline();   // {url, stop()}
//
// Needs `npm ci --prefix tests/waline` (done by .ci/run and `npm test`).
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export function walineInstalled() {
  return existsSync(join(here, 'node_modules/@waline/vercel/package.json'));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    });
  });
}

function createDatabase(folder) {
  // The schema is Waline's assets/waline.sqlite.sql (not shipped in its npm package).
  const sqlite3 = createRequire(join(here, 'package.json'))('sqlite3');
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(join(folder, 'waline.sqlite'));
    db.exec(readFileSync(join(here, 'waline.sqlite.sql'), 'utf8'), (error) => {
      db.close();
      if (error) reject(error);
      else resolve();
    });
  });
}

export async function startWaline({env = {}} = {}) {
  if (!walineInstalled()) throw new Error('Waline is not installed: run `npm ci --prefix tests/waline`.');
  const folder = mkdtempSync(join(tmpdir(), 'waline-'));
  await createDatabase(folder);
  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, [join(here, 'launch.cjs')], {
    cwd: here,
    env: {
      ...process.env,
      PORT: String(port),
      SQLITE_PATH: folder,
      JWT_TOKEN: 'article-comments-tests',
      // Waline fetches this on every request; a data: URL needs no server and no network.
      OAUTH_URL: 'data:application/json,{"services":[]}',
      IPQPS: '0',
      AKISMET_KEY: 'false',
      DISABLE_REGION: 'true',
      WALINE_RUNTIME_PATH: join(folder, 'runtime'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (log = (log + chunk).slice(-4000)));
  child.stderr.on('data', (chunk) => (log = (log + chunk).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(folder, {recursive: true, force: true});
  };
  // It says "Server running" before its worker listens: ask until it answers (on a busy machine,
  // e.g. while npm installs beside the tests, its worker has taken more than 20 s to listen).
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`${url}/api/comment?type=count&url=/ready`);
      if (response.ok) break;
    } catch {
      // not yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`Waline did not start:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {url, stop};
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const waline = await startWaline();
  console.log(`Waline: ${waline.url} (Ctrl+C stops it)`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => waline.stop().then(() => process.exit(0)));
}
