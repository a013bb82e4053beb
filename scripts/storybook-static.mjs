// The static Storybook build shared by the story check (check-stories.mjs)
// and the visual check (visual.mjs): building it, knowing whether it is
// older than its sources, and waiting in a page until a story has settled.
import {spawn} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {ROOT} from './serve.mjs';

export {ROOT};
export const OUT = join(ROOT, 'storybook-static');

/** Runs a command quietly; prints its output only when it fails. */
export function run(command, commandArgs, what) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, commandArgs, {cwd: ROOT, env: {...process.env, NO_COLOR: '1', STORYBOOK_DISABLE_TELEMETRY: '1'}});
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`${what} failed (exit ${code}):\n${output}`));
    });
  });
}

export const bin = (name) => join(ROOT, 'node_modules/.bin', name);

/**
 * Builds storybook-static/ (and, with `typecheck`, type-checks stories/ and
 * .storybook/ at the same time). custom-elements.json feeds the docs pages:
 * `npm test` has just built it, a fresh clone may not have.
 */
export async function buildStorybook({typecheck = false} = {}) {
  if (!existsSync(join(ROOT, 'custom-elements.json'))) await run(bin('cem'), ['analyze'], 'cem analyze');
  await Promise.all([
    run(bin('storybook'), ['build', '--quiet', '--output-dir', OUT], 'storybook build'),
    typecheck ? run(bin('tsc'), ['--noEmit', '-p', 'stories/tsconfig.json'], 'Type check of stories/ and .storybook/') : null,
  ]);
}

function newestIn(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestIn(join(path, entry)));
  return newest;
}

/** Whether storybook-static/ is missing or older than anything it is built from. */
export function storybookIsStale() {
  const built = join(OUT, 'index.json');
  if (!existsSync(built)) return true;
  const sources = ['src', 'stories', '.storybook', 'custom-elements.json', 'package-lock.json'].map((path) => join(ROOT, path));
  return Math.max(...sources.map(newestIn)) > statSync(built).mtimeMs;
}

/**
 * Runs in the page: waits until Storybook has rendered the story (and run
 * its play function) or the docs page, then until every custom element
 * inside has finished updating and no longer shows a busy state (or
 * `busyGrace` ms ran out: a loading or sending story stays busy on purpose).
 */
export async function settleInPage(busyGrace, docs) {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const deadline = performance.now() + 10_000;
  const shown = () => /sb-show-(main|errordisplay|nopreview)/.test(document.body.className);
  const phase = () => window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
  const rootId = docs ? 'storybook-docs' : 'storybook-root';
  const ready = () =>
    docs
      ? document.body.classList.contains('sb-show-errordisplay') || document.querySelector('#storybook-docs .sbdocs-content')
      : ['completed', 'errored', 'aborted', 'finished'].includes(phase());
  while (!(shown() && ready())) {
    if (performance.now() > deadline) return {timeout: `phase ${phase()}, body "${document.body.className}"`};
    await sleep(20);
  }
  const elements = () => {
    const found = [];
    const walk = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.localName.includes('-')) found.push(element);
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    const root = document.getElementById(rootId);
    if (root) walk(root);
    return found;
  };
  const busy = () =>
    elements().some((element) => element.shadowRoot?.querySelector('[aria-busy="true"]') || element.isUpdatePending);
  const busyDeadline = performance.now() + busyGrace;
  do {
    await Promise.all(elements().map((element) => element.updateComplete).filter(Boolean));
    await sleep(30);
  } while (busy() && performance.now() < busyDeadline);
  await Promise.all(elements().map((element) => element.updateComplete).filter(Boolean));
  return {};
}
