// Installs the project's dependencies when they are missing or older than
// package-lock.json, so `npm start` and `npm test` work on a fresh clone.
import {spawnSync} from 'node:child_process';
import {existsSync, statSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs `npm ci` in `folder` unless its node_modules is at least as new as its lockfile. */
function install(folder, what) {
  const marker = `${folder}node_modules/.package-lock.json`;
  const lock = `${folder}package-lock.json`;
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log(`Installing ${what} (npm ci) …`);
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {cwd: folder, stdio: 'inherit'});
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The package's dependencies; with `{waline: true}` also the Waline server the tests start. */
export function ensureDependencies({waline = false} = {}) {
  install(root, 'dependencies');
  if (waline) install(`${root}tests/waline/`, 'the Waline test server, once (about 2 minutes)');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureDependencies({waline: process.argv.includes('--waline')});
