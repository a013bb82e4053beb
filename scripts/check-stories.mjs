// The story check (`npm run test:stories`, the last step of `npm test`).
//
// Builds the static Storybook (and type-checks stories/ and .storybook/ at
// the same time), serves it on 127.0.0.1, opens every entry of its index.json
// in headless Chromium, a few pages at a time, and fails when a story throws,
// logs an error, renders nothing (or an element that never registered),
// scrolls sideways at its viewport (a story's `viewport` global is applied),
// or has an axe-core violation. Docs pages are opened too and must render
// without errors. Stories come from index.json, so one added later is
// checked without being listed. A story tagged `prefers-dark` is rendered
// with `prefers-color-scheme: dark`. Last, scripts/visual.mjs compares
// screenshots of the key stories with their baselines in the same browser.
//
//   node scripts/check-stories.mjs               build, type-check, check, compare screenshots
//   node scripts/check-stories.mjs --no-build    check the existing storybook-static/
//   node scripts/check-stories.mjs --no-visual   without the screenshots
//   node scripts/check-stories.mjs --only ID…    check only entries (and shots) whose id contains ID
import {CHROMIUM_ARGS, findChromium} from './chromium.mjs';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import puppeteer from 'puppeteer-core';
import {createStaticServer, listen} from './serve.mjs';
import {buildStorybook, OUT, ROOT, settleInPage} from './storybook-static.mjs';
import {checkVisual, reportVisual} from './visual.mjs';

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
const PAGES = 3;
const STORY_TIMEOUT = 15_000;
/** How long a story may stay busy (loading, sending) before it is checked as it is. */
const BUSY_GRACE = 1_000;
const DESKTOP = {width: 1280, height: 800};

const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const visual = !args.includes('--no-visual');
const only = args.includes('--only') ? args.slice(args.indexOf('--only') + 1) : [];

/** Runs in the page after settling: what is wrong with the rendered story, as strings. */
function inspectInPage() {
  const problems = [];
  if (document.body.classList.contains('sb-show-errordisplay')) {
    const message = document.querySelector('#error-message')?.textContent?.trim() ?? '';
    const stack = document.querySelector('#error-stack')?.textContent?.trim().split('\n').slice(0, 4).join(' | ') ?? '';
    problems.push(`Storybook shows an error: ${message} ${stack}`.trim());
    return problems;
  }
  const root = document.getElementById('storybook-root');
  // Text, a form field or an image anywhere in the story, shadow roots included (decorators alone do not count).
  const content = (node) =>
    [...node.childNodes].some((child) => {
      if (child.nodeType === Node.TEXT_NODE) return child.textContent.trim() !== '';
      if (child.nodeType !== Node.ELEMENT_NODE || ['STYLE', 'SCRIPT', 'TEMPLATE'].includes(child.tagName)) return false;
      if (child.matches('input, textarea, select, img, svg, canvas, video')) return true;
      return content(child) || (child.shadowRoot ? content(child.shadowRoot) : false);
    });
  if (!root || !content(root) || root.getBoundingClientRect().height === 0) problems.push('the story rendered nothing');
  const walk = (node) => {
    for (const element of node.querySelectorAll('*')) {
      const name = element.localName;
      if (name.includes('-')) {
        if (!customElements.get(name)) problems.push(`<${name}> is not a registered element`);
        else if (element.shadowRoot && !element.shadowRoot.querySelector('*')) problems.push(`<${name}> rendered nothing`);
      }
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  if (root) walk(root);
  const overflow = document.documentElement.scrollWidth - window.innerWidth;
  if (overflow > 0) problems.push(`the page scrolls sideways by ${overflow}px at ${window.innerWidth}px width`);
  return problems;
}

/** The viewport a story asks for (its `viewport` global), in pixels, or null. */
function storyViewportInPage() {
  const story = window.__STORYBOOK_PREVIEW__?.currentRender?.story;
  const value = story?.storyGlobals?.viewport?.value ?? story?.storyGlobals?.viewport;
  const option = typeof value === 'string' ? story?.parameters?.viewport?.options?.[value] : undefined;
  if (!option) return null;
  return {width: parseInt(option.styles.width, 10), height: parseInt(option.styles.height, 10)};
}

/** Runs axe-core (injected from node_modules) on the story root; it looks into shadow roots by itself. */
async function axeInPage() {
  const result = await window.axe.run(document.getElementById('storybook-root'), {
    resultTypes: ['violations'],
    // A story is a fragment of a page, not a page: it needs no landmarks (the a11y addon skips this rule too).
    rules: {region: {enabled: false}},
  });
  return result.violations.map(
    (violation) =>
      `axe ${violation.id} (${violation.impact}): ${violation.help}; ` +
      violation.nodes
        .slice(0, 3)
        .map((node) => `${JSON.stringify(node.target)} ${node.failureSummary?.split('\n').slice(1, 2).join('').trim() ?? ''}`)
        .join('; ')
  );
}

async function checkStory(page, base, entry, axeSource) {
  const problems = [];
  const isFavicon = (url) => /\/favicon\.(ico|svg|png)(\?|$)/.test(url ?? '');
  const onConsole = (message) => {
    if (message.type() !== 'error') return;
    if (isFavicon(message.location()?.url)) return;
    problems.push(`console error: ${message.text()}`);
  };
  const onPageError = (error) => problems.push(`uncaught: ${error.message}`);
  const onResponse = (response) => {
    if (response.status() >= 400 && !isFavicon(response.url())) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('response', onResponse);
  try {
    await page.setViewport(DESKTOP);
    await page.emulateMediaFeatures([
      {name: 'prefers-color-scheme', value: entry.tags?.includes('prefers-dark') ? 'dark' : 'light'},
      {name: 'prefers-reduced-motion', value: 'reduce'},
    ]);
    const docs = entry.type === 'docs';
    const url = `${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${docs ? 'docs' : 'story'}&globals=a11y.manual:!true`;
    await page.goto(url, {waitUntil: 'load', timeout: STORY_TIMEOUT});
    const settled = await page.evaluate(settleInPage, BUSY_GRACE, docs);
    if (settled.timeout) {
      problems.push(`did not finish rendering (${settled.timeout})`);
      return problems;
    }
    if (docs) {
      // Docs pages hold Storybook's own tables: checked for errors, not with axe.
      if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) {
        problems.push('Storybook shows an error on the docs page');
      }
      return problems;
    }
    const viewport = await page.evaluate(storyViewportInPage);
    if (viewport && viewport.width !== DESKTOP.width) {
      await page.setViewport(viewport);
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
    }
    problems.push(...(await page.evaluate(inspectInPage)));
    if (!problems.some((problem) => problem.startsWith('Storybook shows an error'))) {
      await page.evaluate(axeSource);
      problems.push(...(await page.evaluate(axeInPage)));
    }
  } catch (error) {
    problems.push(`check failed: ${error.message}`);
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
    page.off('response', onResponse);
  }
  return problems;
}

/** The viewport menu must offer a 320 px phone and a desktop, for designers. */
async function checkViewportMenu(page, base, id) {
  await page.goto(`${base}/iframe.html?viewMode=story&id=${encodeURIComponent(id)}`, {waitUntil: 'load'});
  await page.evaluate(settleInPage, 0, false);
  const widths = await page.evaluate(() =>
    Object.values(window.__STORYBOOK_PREVIEW__?.currentRender?.story?.parameters?.viewport?.options ?? {}).map((option) =>
      parseInt(option.styles.width, 10)
    )
  );
  const problems = [];
  if (!widths.includes(320)) problems.push('the viewport menu has no 320 px phone');
  if (!widths.some((width) => width >= 1280)) problems.push('the viewport menu has no desktop width');
  return problems;
}

async function main() {
  const started = performance.now();
  if (build) await buildStorybook({typecheck: true});
  const index = JSON.parse(await readFile(join(OUT, 'index.json'), 'utf8'));
  const selected = Object.values(index.entries).filter(
    (entry) => only.length === 0 || only.some((part) => entry.id.includes(part))
  );
  const stories = selected.filter((entry) => entry.type === 'story');
  const docsPages = selected.filter((entry) => entry.type === 'docs');
  if (stories.length === 0) throw new Error('index.json lists no stories');
  const axeSource = await readFile(AXE, 'utf8');

  // Storybook needs inline scripts and eval: no Content-Security-Policy (an empty one is none).
  const server = createStaticServer({root: OUT, csp: ''});
  const base = await listen(server);
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const failures = [];
  let visualResult;
  try {
    // Docs pages first: they render many stories at once and take longest.
    const queue = [...docsPages, ...stories];
    const pages = await Promise.all(Array.from({length: Math.min(PAGES, queue.length)}, () => browser.newPage()));
    const menuProblems = await checkViewportMenu(pages.at(-1), base, stories[0].id);
    if (menuProblems.length) failures.push({id: '(viewport menu)', problems: menuProblems});
    await Promise.all(
      pages.map(async (page) => {
        for (let entry = queue.shift(); entry; entry = queue.shift()) {
          const problems = await checkStory(page, base, entry, axeSource);
          if (problems.length) failures.push({id: entry.id, problems});
        }
      })
    );
    // Then the screenshots of the key stories against their baselines, in the same browser.
    if (visual) visualResult = await checkVisual({browser, base, only});
  } finally {
    await browser.close();
    server.close();
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const count = (n, one, other) => `${n} ${n === 1 ? one : other}`;
  const also = docsPages.length ? ` ${count(docsPages.length, 'docs page', 'docs pages')} rendered too.` : '';
  if (failures.length) {
    for (const {id, problems} of failures) {
      console.error(`✗ ${id}`);
      for (const problem of [...new Set(problems)]) console.error(`    ${problem}`);
    }
    console.error(`Checked ${count(stories.length, 'story', 'stories')}: ${failures.length} failed.${also} (${seconds} s)`);
  } else {
    console.log(`Checked ${count(stories.length, 'story', 'stories')}: all clean.${also} (${seconds} s)`);
  }
  const visualClean = !visualResult || reportVisual(visualResult);
  if (failures.length || !visualClean) process.exit(1);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
