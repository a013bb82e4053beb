// Builds, type-checks and uses every framework example in examples/ the way a developer
// would: the package is packed (`npm pack`) and installed from the tarball, each example
// type-checks and builds into its dist/, and a browser serves that dist, replies to
// Tifosi_1947's comment and waits for the framework code to show `comment-posted: <name>`.
// The contract the examples follow is examples/README.md.
//
//   node scripts/check-examples.mjs [--only react[,vue]] [--skip-browser] [--no-build]
//
// BROWSERS=chromium,firefox picks the engines (WebKit has no puppeteer driver: skipped).
import {spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import puppeteer from 'puppeteer-core';
import {findFirefox, selectedEngines} from './browsers.mjs';
import {CHROMIUM_ARGS, findChromium} from './chromium.mjs';
import {createStaticServer, listen} from './serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const examplesDir = join(root, 'examples');
const packDir = join(root, '.pack');

const {values: options} = parseArgs({
  options: {
    only: {type: 'string', multiple: true, default: []},
    'skip-browser': {type: 'boolean', default: false},
    'no-build': {type: 'boolean', default: false},
  },
});
const only = options.only.flatMap((value) => value.split(',')).filter(Boolean);

/** The seeded comment every example shows, and the name the test replies under. */
const SEEDED_AUTHOR = 'Tifosi_1947';
const STEP_TIMEOUT = 20_000;

/** Runs a command; resolves with its output, rejects with the output's tail and the exit code. */
function run(command, args, {cwd = root, timeout = 15 * 60_000} = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {...process.env, CI: 'true', npm_config_update_notifier: 'false', NG_CLI_ANALYTICS: 'false'},
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeout);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else {
        const tail = output.trim().split('\n').slice(-40).join('\n');
        reject(new Error(`\`${command} ${args.join(' ')}\` in ${cwd.slice(root.length) || '.'} ${signal ? `was stopped (${signal}, after ${timeout / 1000} s)` : `exited with ${code}`}:\n${tail}`));
      }
    });
  });
}

/** The newest modification time of a file or anything below a folder. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** `npm run build` at the root unless dist/ and the manifest are newer than what they are built from; then `npm pack`. */
async function pack() {
  const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'package.json')), newest(join(root, 'rollup.config.mjs')), newest(join(root, 'tsconfig.build.json')));
  const built = Math.min(existsSync(join(root, 'dist/index.js')) ? statSync(join(root, 'dist/index.js')).mtimeMs : 0, newest(join(root, 'custom-elements.json')));
  if (options['no-build']) {
    if (!built) throw new Error('--no-build: there is no dist/ to pack');
  } else if (built < sources) {
    console.log('examples: building the package (npm run build) …');
    await run('npm', ['run', '--silent', 'build']);
  }
  rmSync(packDir, {recursive: true, force: true});
  mkdirSync(packDir);
  const output = await run('npm', ['pack', '--json', '--pack-destination', packDir]);
  const [{filename}] = JSON.parse(output.slice(output.indexOf('[')));
  return join(packDir, filename);
}

/**
 * Installs an example's own dependencies (npm ci from its lock; skipped when node_modules was
 * installed from the same package.json and lock), then the packed package without saving it.
 */
async function install(dir, tarball) {
  const lock = join(dir, 'package-lock.json');
  const stampFile = join(dir, 'node_modules', '.check-examples-stamp');
  const stamp = createHash('sha256')
    .update(readFileSync(join(dir, 'package.json')))
    .update(existsSync(lock) ? readFileSync(lock) : '')
    .digest('hex');
  if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
    await run('npm', [existsSync(lock) ? 'ci' : 'install', '--no-audit', '--no-fund', '--loglevel=error'], {cwd: dir});
    writeFileSync(stampFile, stamp);
  }
  // The same version number packs to the same file name: make npm unpack it afresh.
  rmSync(join(dir, 'node_modules', 'article-comments'), {recursive: true, force: true});
  await run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', tarball], {cwd: dir});
}

async function launch(engine) {
  if (engine === 'firefox') return puppeteer.launch({browser: 'firefox', executablePath: findFirefox(), headless: true});
  return puppeteer.launch({executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS});
}

/**
 * In the page: for each <article-comments> (its events are shown in the `<output>` its
 * `data-events` names, `#events` by default) reply to Tifosi_1947 and wait for the event.
 */
async function useInBrowser(browser, base) {
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error?.message ?? error)));
  page.on('console', (message) => {
    // (Browsers ask for /favicon.ico by themselves; the examples need none.)
    const url = message.location()?.url ?? '';
    if (message.type() === 'error' && !/favicon\.ico$/.test(url)) pageErrors.push(`${message.text()}${url ? ` (${url})` : ''}`);
  });
  let step = 'opening the page';
  try {
    const response = await page.goto(base, {waitUntil: 'load'});
    if (!response?.ok()) throw new Error(`${base} answered ${response?.status()}`);
    step = `waiting for <article-comments> with ${SEEDED_AUTHOR}'s comment`;
    await page.waitForFunction(
      (author) => [...document.querySelectorAll('article-comments')].some((widget) => widget.shadowRoot?.textContent?.includes(author)),
      {timeout: STEP_TIMEOUT},
      SEEDED_AUTHOR
    );
    const widgets = await page.$$('article-comments');
    for (const [index, widget] of widgets.entries()) {
      const outputId = (await widget.evaluate((element) => element.dataset.events)) || 'events';
      const name = `Leserin ${index + 1} ${Date.now().toString(36)}`;
      const which = widgets.length > 1 ? ` (widget ${index + 1} of ${widgets.length}, #${outputId})` : '';
      step = `clicking "Antworten" on ${SEEDED_AUTHOR}'s comment${which}`;
      const reply = await widget.waitForSelector(`>>> [data-action="reply"][aria-label*="${SEEDED_AUTHOR}"]`, {timeout: STEP_TIMEOUT});
      await reply.click();
      step = `typing into the reply form${which}`;
      const textarea = await widget.waitForSelector('>>> comment-reply >>> textarea', {visible: true, timeout: STEP_TIMEOUT});
      await textarea.type('Seit 2016 ist Ferrari eigenständig.');
      const nameField = await widget.waitForSelector('>>> comment-reply >>> input[name="name"]', {timeout: STEP_TIMEOUT});
      // The composer offers the name used last: replace it.
      await nameField.evaluate((input) => input.select());
      await nameField.type(name);
      step = `sending the reply ("Senden")${which}`;
      const send = await widget.waitForSelector('>>> comment-reply >>> button[type="submit"]', {timeout: STEP_TIMEOUT});
      await send.click();
      step = `waiting for "comment-posted: ${name}" in #${outputId}${which}`;
      await page
        .waitForFunction((id, text) => document.getElementById(id)?.textContent?.includes(text), {timeout: STEP_TIMEOUT}, outputId, `comment-posted: ${name}`)
        .catch(async () => {
          const shown = await page.evaluate((id) => document.getElementById(id)?.textContent ?? '(no such element)', outputId);
          throw new Error(`#${outputId} shows ${JSON.stringify(shown)}`);
        });
    }
    if (pageErrors.length) throw new Error(`the page logged errors:\n  ${pageErrors.join('\n  ')}`);
    return widgets.length;
  } catch (error) {
    const errors = pageErrors.length ? `\n  page errors:\n  ${pageErrors.join('\n  ')}` : '';
    throw new Error(`${step}: ${error.message.split('\n')[0]}${errors}`);
  } finally {
    await page.close();
  }
}

async function checkExample(name, tarball, engines) {
  const dir = join(examplesDir, name);
  const started = performance.now();
  const timings = [];
  const timed = async (label, work) => {
    const start = performance.now();
    const result = await work();
    timings.push(`${label} ${((performance.now() - start) / 1000).toFixed(1)} s`);
    return result;
  };
  await timed('install', () => install(dir, tarball));
  await timed('typecheck', () => run('npm', ['run', '--silent', 'typecheck'], {cwd: dir}));
  rmSync(join(dir, 'dist'), {recursive: true, force: true});
  await timed('build', () => run('npm', ['run', '--silent', 'build'], {cwd: dir}));
  if (!existsSync(join(dir, 'dist', 'index.html'))) throw new Error('npm run build wrote no dist/index.html');
  if (!options['skip-browser']) {
    const server = createStaticServer({root: join(dir, 'dist'), csp: ''});
    const base = await listen(server);
    try {
      for (const engine of engines) {
        const browser = await launch(engine);
        try {
          const count = await timed(engine, () => useInBrowser(browser, base));
          timings.push(`(${count} widget${count === 1 ? '' : 's'})`);
        } catch (error) {
          throw new Error(`in ${engine}, ${error.message}`);
        } finally {
          await browser.close();
        }
      }
    } finally {
      server.close();
    }
  }
  return `${((performance.now() - started) / 1000).toFixed(1)} s: ${timings.join(', ')}`;
}

/**
 * One run at a time: two runs would pack into the same folder and run `npm ci` in the same
 * example at once (each deleting the other's node_modules). A lock left by a run that died is
 * taken over.
 */
function lock() {
  const lockFile = join(root, '.pack.lock');
  try {
    const holder = Number(readFileSync(lockFile, 'utf8'));
    process.kill(holder, 0);
    throw new Error(`another check-examples run (pid ${holder}) is under way; try again when it has finished`);
  } catch (error) {
    if (error.code !== 'ENOENT' && error.code !== 'ESRCH') throw error;
  }
  rmSync(lockFile, {force: true});
  closeSync(openSync(lockFile, 'wx'));
  writeFileSync(lockFile, String(process.pid));
  process.on('exit', () => rmSync(lockFile, {force: true}));
}

async function main() {
  lock();
  const all = readdirSync(examplesDir).filter((name) => existsSync(join(examplesDir, name, 'package.json')));
  const unknown = only.filter((name) => !all.includes(name));
  if (unknown.length) throw new Error(`--only: no example ${unknown.join(', ')} (there are: ${all.join(', ')})`);
  const names = only.length ? only : all;
  if (!names.length) throw new Error('examples/ holds no example with a package.json');
  const engines = selectedEngines().filter((engine) => engine !== 'webkit');
  const tarball = await pack();
  console.log(`examples: ${tarball.slice(root.length)}; ${names.join(', ')}${options['skip-browser'] ? '' : ` in ${engines.join(', ')}`}`);
  const failures = [];
  // One after another: installs and builds are heavy, and the machine is shared.
  for (const name of names) {
    try {
      console.log(`  ✓ ${name} (${await checkExample(name, tarball, engines)})`);
    } catch (error) {
      failures.push(name);
      console.error(`  ✗ ${name}: ${error.message}`);
    }
  }
  if (failures.length) {
    console.error(`Example check failed: ${failures.join(', ')}`);
    process.exit(1);
  }
  console.log(`Example check passed: ${names.length} example${names.length === 1 ? '' : 's'} installed from the packed package, type-checked, built${options['skip-browser'] ? '' : ' and used in a browser'}.`);
}

main().catch((error) => {
  console.error(`Example check failed: ${error.message}`);
  process.exit(1);
});
