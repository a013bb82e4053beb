// The three engines the browser tests run in, as Web Test Runner launchers:
// Chromium and Firefox through puppeteer-core (CDP and WebDriver BiDi), WebKit
// through WebKitGTK's WebDriver. All use the browsers Debian installs; nothing
// here downloads a browser or a driver.
import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {chromeLauncher, puppeteerCore} from '@web/test-runner-chrome';
import {WebdriverLauncher} from '@web/test-runner-webdriver';
import {CHROMIUM_ARGS, findChromium} from './chromium.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/**
 * The engines named in `BROWSERS` (comma-separated, e.g.
 * `BROWSERS=chromium,webkit`), all three when it is unset or empty.
 */
export function selectedEngines(value = process.env.BROWSERS) {
  const names = (value ?? '').split(/[\s,]+/).filter(Boolean).map((name) => name.toLowerCase());
  const unknown = names.filter((name) => !ENGINES.includes(name));
  if (unknown.length) throw new Error(`BROWSERS: unknown engine ${unknown.join(', ')}; use ${ENGINES.join(', ')}`);
  return names.length ? ENGINES.filter((name) => names.includes(name)) : ENGINES;
}

/**
 * A launcher per engine, tagged with `engine` for `engineCommandPlugin`.
 * Chromium runs as many test files side by side as the run allows (tabs of
 * one browser; CHROMIUM_ARGS keep background tabs running). Firefox and WebKit
 * run one at a time: Firefox hides background tabs and sends them no key
 * presses that activate buttons, and WebKit's driver has one page.
 */
export function engineLauncher(engine) {
  const launcher = createLauncher(engine);
  launcher.engine = engine;
  return launcher;
}

function createLauncher(engine) {
  switch (engine) {
    case 'chromium':
      return chromeLauncher({
        // gc() for tests/memory-after-removal.alone.test.ts (Chromium only).
        launchOptions: {executablePath: findChromium(), args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info']},
      });
    case 'firefox':
      return chromeLauncher({
        concurrency: 1,
        // Puppeteer's own Firefox support (WebDriver BiDi), as documented for
        // @web/test-runner-puppeteer, without the browser download that
        // package's full puppeteer brings.
        puppeteer: puppeteerCore,
        launchOptions: {browser: 'firefox', executablePath: findFirefox(), extraPrefsFirefox: FIREFOX_PREFS},
      });
    case 'webkit':
      return new WebKitGtkLauncher();
    default:
      throw new Error(`No launcher for ${engine}`);
  }
}

/**
 * Answers `executeServerCommand('browser-engine')` with the engine the
 * asking page runs in: 'chromium', 'firefox' or 'webkit'.
 */
export function engineCommandPlugin() {
  return {
    name: 'browser-engine',
    executeCommand({command, session}) {
      return command === 'browser-engine' ? {engine: session.browser.engine} : undefined;
    },
  };
}

/**
 * Firefox (and WebKit) cannot emulate prefers-reduced-motion per page as
 * Chromium does; tests that need instant scrolling get it from the start
 * (see preferReducedMotion in tests/harness.ts).
 */
const FIREFOX_PREFS = {
  'ui.prefersReducedMotion': 1,
};

/** FIREFOX_PATH, else the usual places; throws with a hint when there is none. */
export function findFirefox() {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error('No Firefox found: set FIREFOX_PATH or install it (Debian: apt-get install firefox-esr).');
  return found;
}

const MINIBROWSER_CANDIDATES = [
  process.env.MINIBROWSER_PATH,
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
];

/** WebKitGTK's MiniBrowser (MINIBROWSER_PATH, else where Debian puts it). */
export function findMiniBrowser() {
  const found = MINIBROWSER_CANDIDATES.find((path) => path && existsSync(path));
  if (!found) throw new Error('No WebKitGTK MiniBrowser found: set MINIBROWSER_PATH or install it (Debian: apt-get install webkit2gtk-driver).');
  return found;
}

/**
 * WebKitGTK's MiniBrowser through @web/test-runner-webdriver. The launcher
 * starts its own WebKitWebDriver (under xvfb-run: MiniBrowser needs an X
 * display) on a free port of 127.0.0.1 when the run starts, and stops it with
 * the run, also when the run fails or is interrupted.
 *
 * One test file at a time: with more, @web/test-runner-webdriver runs test
 * files in iframes of one page, where it sends no key actions (and its key
 * presses leave the driver inside one frame), and the widget would not be in
 * a top-level page as on a news site.
 */
class WebKitGtkLauncher extends WebdriverLauncher {
  concurrency = 1;

  constructor() {
    super({
      hostname: '127.0.0.1',
      port: 0, // set when the driver has started
      path: '/',
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        // WebKitWebDriver speaks classic WebDriver only; WebdriverIO would otherwise ask for BiDi.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': {binary: findMiniBrowser(), args: ['--automation']},
      },
    });
  }

  async initialize(config, testFiles) {
    this.webKitWebDriver = await startWebKitWebDriver();
    this.options.port = this.webKitWebDriver.port;
    // WebdriverLauncher picks its one-file-at-a-time mode from the run's concurrency.
    await super.initialize({...config, concurrency: 1}, testFiles);
    this.name = 'WebKit';
  }

  async stop() {
    try {
      await super.stop();
    } finally {
      await this.webKitWebDriver?.stop();
    }
  }
}

/** A port on 127.0.0.1 that was free a moment ago. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Direct children of a process (Linux). */
function childrenOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function processName(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

const DEBIAN_PACKAGES = 'Debian\'s webkit2gtk-driver, xvfb and xauth';

/**
 * Starts `xvfb-run -a WebKitWebDriver` in its own process group and waits
 * until the driver answers. `stop()` ends the driver, after which xvfb-run
 * stops Xvfb and removes its files; what is left after 5 s is killed.
 */
export async function startWebKitWebDriver({driver = process.env.WEBKIT_WEBDRIVER_PATH || 'WebKitWebDriver'} = {}) {
  const port = await freePort();
  // WebKitGTK prefers reduced motion when GTK's animations are off; GTK reads
  // that from settings.ini under XDG_CONFIG_HOME (a fresh folder per run).
  const config = mkdtempSync(join(tmpdir(), 'wtr-webkit-'));
  mkdirSync(join(config, 'gtk-3.0'));
  writeFileSync(join(config, 'gtk-3.0', 'settings.ini'), '[Settings]\ngtk-enable-animations=false\n');
  const child = spawn('xvfb-run', ['-a', driver, `--port=${port}`, '--host=127.0.0.1'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {...process.env, XDG_CONFIG_HOME: config},
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? code));
    child.once('error', (error) => resolve(error.message)); // e.g. no xvfb-run
  });
  let stopped = false;

  /** Ends the driver (xvfb-run then cleans up); the whole group when `force`. */
  function signal(force) {
    if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
    try {
      if (force) {
        process.kill(-child.pid, 'SIGKILL');
        return;
      }
      const drivers = childrenOf(child.pid).filter((pid) => processName(pid).startsWith('WebKitWebDriver'));
      for (const pid of drivers) process.kill(pid, 'SIGTERM');
      if (!drivers.length) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  // The runner exits the process on Ctrl-C without stopping unfinished
  // browsers; a CI timeout sends SIGTERM, which still ends the process.
  const onExit = () => {
    signal(false);
    rmSync(config, {recursive: true, force: true});
  };
  const onSigterm = () => {
    onExit();
    if (!process.listenerCount('SIGTERM')) process.kill(process.pid, 'SIGTERM');
  };
  process.once('exit', onExit);
  process.once('SIGTERM', onSigterm);

  async function stop() {
    if (stopped) return;
    stopped = true;
    process.off('exit', onExit);
    process.off('SIGTERM', onSigterm);
    signal(false);
    const timer = setTimeout(() => signal(true), 5000);
    await exited;
    clearTimeout(timer);
    rmSync(config, {recursive: true, force: true});
  }

  const deadline = Date.now() + 20000;
  for (;;) {
    const answer = await Promise.race([
      fetch(`http://127.0.0.1:${port}/status`).then((response) => response.ok, () => false),
      exited.then((code) => ({code})),
    ]);
    if (answer === true) break;
    if (typeof answer === 'object') {
      await stop();
      throw new Error(
        `WebKitWebDriver under xvfb-run ended (${answer.code}) before it answered; it needs ${DEBIAN_PACKAGES}.\n${stderr.trim()}`
      );
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`WebKitWebDriver did not answer on 127.0.0.1:${port} within 20 s:\n${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {port, stop};
}
