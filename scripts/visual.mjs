// Visual regression of the key stories (docs/visual-regression.md).
//
// Screenshots a few stories of the static Storybook in headless Chromium at
// fixed widths, each clipped to the widget, and compares them with the PNGs
// in tests/visual/baselines/ (pixelmatch, with a tolerance for font hinting
// and antialiasing). On a mismatch the actual screenshot and a diff image go
// to tests/visual/output/ (ignored by git) and the check fails, naming both.
// `--update` writes the new baselines instead (only those whose pixels
// changed) and the README's screenshots in docs/screenshots/.
//
// check-stories.mjs runs it as its last step, with its own server and
// browser (so `npm test` builds Storybook once). On its own:
//
//   node scripts/visual.mjs              compare (builds Storybook first if storybook-static/ is older than its sources)
//   node scripts/visual.mjs --update     write changed baselines and the README screenshots
//   node scripts/visual.mjs --no-build   use storybook-static/ as it is   (--build: always build)
//   node scripts/visual.mjs --only NAME… only shots whose name or story id contains NAME
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import pixelmatch from 'pixelmatch';
import {PNG} from 'pngjs';
import puppeteer from 'puppeteer-core';
import {CHROMIUM_ARGS, findChromium} from './chromium.mjs';
import {createStaticServer, listen} from './serve.mjs';
import {buildStorybook, OUT, ROOT, settleInPage, storybookIsStale} from './storybook-static.mjs';

export const BASELINES = join(ROOT, 'tests/visual/baselines');
export const OUTPUT = join(ROOT, 'tests/visual/output');
export const SCREENSHOTS = join(ROOT, 'docs/screenshots');

/**
 * The tolerance, in three steps. `THRESHOLD` is pixelmatch's per-pixel
 * colour distance (0 to 1, in YIQ space): below it two pixels count as
 * equal. Pixels that pixelmatch recognises as antialiasing (a glyph's or a
 * curve's edge moved by a fraction of a pixel) are not counted at all. Of
 * what is left, noise from font hinting is sparse while a real change is a
 * patch: a shot fails when any TILE × TILE square has `DENSE` or more
 * differing pixels, or when more than `MAX_DIFF_RATIO` of all its pixels
 * differ, or when its size changed.
 */
export const THRESHOLD = 0.1;
export const TILE = 8;
export const DENSE = 8;
export const MAX_DIFF_RATIO = 0.005;

/** Tall enough for the dialog; a taller widget grows the viewport to fit. */
const HEIGHT = {360: 740, 1280: 800};
/** Page around the target in each shot, so focus rings and shadows at its edge are in the picture. */
const MARGIN = 16;
/** Longest wait for one step of a shot (a page that hangs fails its shot instead of the whole run). */
const STEP_TIMEOUT = 30_000;
const BUSY_GRACE = 1_000;

/**
 * The shots: `story` is a Storybook id, `target` the element to clip to
 * (each further selector is looked up in the previous one's shadow root),
 * `readme` the README screenshot made from it on `--update` (at `scale`).
 */
const widget = ['article-comments'];
export const SHOTS = [
  ...[360, 1280].flatMap((width) => [
    {name: `ferrari-light-${width}`, story: 'article-comments--ferrari-discussion', width, target: widget, readme: {scale: width < 800 ? 2 : 1}},
    {name: `ferrari-dark-${width}`, story: 'article-comments--dark', width, target: widget, readme: {scale: width < 800 ? 2 : 1}},
    {name: `ferrari-brand-${width}`, story: 'article-comments--brand-colour', width, target: widget, readme: {scale: width < 800 ? 2 : 1}},
    {name: `composer-errors-${width}`, story: 'article-comments--composer-errors', width, target: widget},
    {name: `report-dialog-${width}`, story: 'comment-report--open', width, target: ['comment-report', 'dialog']},
  ]),
  {name: 'question-mode-1280', story: 'article-comments--question-mode', width: 1280, target: widget},
  {name: 'preset-neutral-1280', story: 'article-comments--preset-neutral', width: 1280, target: widget, readme: {scale: 1}},
  {name: 'preset-classic-1280', story: 'article-comments--preset-classic', width: 1280, target: widget, readme: {scale: 1}},
  {name: 'compact-avatars-360', story: 'article-comments--compact-with-avatars', width: 360, target: widget, readme: {scale: 1}},
];

/** Before any script of the page: no caret (it blinks), no animations or transitions. */
function freezeInPage() {
  const style = () => {
    const sheet = document.createElement('style');
    sheet.textContent = '*, *::before, *::after { caret-color: transparent !important; animation: none !important; transition: none !important; }';
    document.head.append(sheet);
  };
  if (document.head) style();
  else document.addEventListener('DOMContentLoaded', style, {once: true});
}

/** Runs in the page: the target's box in page coordinates with `margin` around it (within the page), or a reason it has none. */
function boxInPage(selectors, margin) {
  let scope = document.getElementById('storybook-root');
  let element = null;
  for (const selector of selectors) {
    element = scope?.querySelector(selector) ?? null;
    if (!element) return {missing: selectors.join(' › ')};
    scope = element.shadowRoot ?? element;
  }
  const rect = element.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return {missing: `${selectors.join(' › ')} (empty box)`};
  const page = document.documentElement;
  const x = Math.max(0, Math.floor(rect.left + scrollX - margin));
  const y = Math.max(0, Math.floor(rect.top + scrollY - margin));
  const right = Math.min(Math.max(page.scrollWidth, innerWidth), Math.ceil(rect.right + scrollX + margin));
  const bottom = Math.ceil(rect.bottom + scrollY + margin);
  return {x, y, width: right - x, height: bottom - y};
}

/**
 * Fonts loaded and layout done. (No requestAnimationFrame: it never fires in
 * a page that is not in front, and two pages take shots side by side; the
 * screenshot itself paints a fresh frame.)
 */
async function laidOutInPage() {
  await document.fonts.ready;
  document.documentElement.getBoundingClientRect();
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/** `promise`, or an error naming `what` once STEP_TIMEOUT has passed. */
function step(what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${STEP_TIMEOUT / 1000} s`)), STEP_TIMEOUT);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Opens the shot's story and returns its screenshot as a PNG buffer. */
async function capture(page, base, shot, scale) {
  const errors = [];
  const onError = (error) => errors.push(error.message);
  page.on('pageerror', onError);
  try {
    // A page behind another one gets no animation frames and no screenshots: bring it forward.
    await page.bringToFront();
    await page.setViewport({width: shot.width, height: HEIGHT[shot.width] ?? 800, deviceScaleFactor: scale});
    const url = `${base}/iframe.html?id=${encodeURIComponent(shot.story)}&viewMode=story&globals=a11y.manual:!true`;
    await page.goto(url, {waitUntil: 'load', timeout: STEP_TIMEOUT});
    const settled = await step('rendering the story', page.evaluate(settleInPage, BUSY_GRACE, false));
    if (settled.timeout) throw new Error(`the story did not finish rendering (${settled.timeout})`);
    const error = await page.evaluate(() =>
      document.body.classList.contains('sb-show-errordisplay') ? document.querySelector('#error-message')?.textContent?.trim() ?? '' : null
    );
    if (error !== null) throw new Error(`Storybook shows an error: ${error}`);
    await step('loading fonts', page.evaluate(laidOutInPage));
    let box = await page.evaluate(boxInPage, shot.target, MARGIN);
    if (box.missing) throw new Error(`no ${box.missing} in the story`);
    // A widget taller than the window: grow the window, so the shot is one
    // rendering of the whole page rather than tiles stitched together.
    const viewport = page.viewport();
    if (box.y + box.height > viewport.height) {
      await page.setViewport({...viewport, height: box.y + box.height});
      await step('laying out the taller page', page.evaluate(laidOutInPage));
      box = await page.evaluate(boxInPage, shot.target, MARGIN);
    }
    if (errors.length) throw new Error(`the page threw: ${errors.join(' | ')}`);
    return Buffer.from(await step('taking the screenshot', page.screenshot({type: 'png', clip: {...box, scale: 1}})));
  } finally {
    page.off('pageerror', onError);
  }
}

/** The densest TILE × TILE square of differing pixels (pixelmatch paints them pure red in `diff`). */
function densestTile(diff, width, height) {
  const columns = Math.ceil(width / TILE);
  const counts = new Uint16Array(columns * Math.ceil(height / TILE));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (diff[i] === 255 && diff[i + 1] === 0 && diff[i + 2] === 0) counts[Math.floor(y / TILE) * columns + Math.floor(x / TILE)]++;
    }
  }
  let densest = 0;
  for (let tile = 1; tile < counts.length; tile++) if (counts[tile] > counts[densest]) densest = tile;
  return {count: counts[densest] ?? 0, x: (densest % columns) * TILE, y: Math.floor(densest / columns) * TILE};
}

/**
 * Compares two PNG buffers. `problem` is null when they match within the
 * tolerance, else what differs (with a `diff` image when the sizes agree);
 * `identical` says whether every pixel is the same.
 */
export function compare(expectedBuffer, actualBuffer) {
  const expected = PNG.sync.read(expectedBuffer);
  const actual = PNG.sync.read(actualBuffer);
  if (expected.width !== actual.width || expected.height !== actual.height) {
    return {identical: false, problem: `size changed from ${expected.width}×${expected.height} to ${actual.width}×${actual.height} px`};
  }
  const {width, height} = actual;
  const identical = expected.data.equals(actual.data);
  if (identical) return {identical, problem: null};
  const diff = new PNG({width, height});
  const differing = pixelmatch(expected.data, actual.data, diff.data, width, height, {threshold: THRESHOLD});
  const ratio = differing / (width * height);
  const tile = densestTile(diff.data, width, height);
  if (ratio <= MAX_DIFF_RATIO && tile.count < DENSE) return {identical, problem: null};
  const percent = (value) => `${Number((value * 100).toFixed(2))} %`;
  return {
    identical,
    problem:
      `${differing} pixels differ (${percent(ratio)}, allowed ${percent(MAX_DIFF_RATIO)}); ` +
      `the densest ${TILE}×${TILE} square at x ${tile.x}, y ${tile.y} has ${tile.count} (allowed ${DENSE - 1})`,
    diff: PNG.sync.write(diff),
  };
}

const short = (path) => relative(ROOT, path);

/**
 * Takes every selected shot with `browser` from the Storybook at `base` and
 * compares it with its baseline (or, with `update`, writes the baselines
 * that changed and the README screenshots). Resolves with the failures, as
 * `{name, story, problem}`; also logs one line per written file.
 */
export async function checkVisual({browser, base, update = false, only = [], log = console.log}) {
  const shots = SHOTS.filter((shot) => only.length === 0 || only.some((part) => shot.name.includes(part) || shot.story.includes(part)));
  rmSync(OUTPUT, {recursive: true, force: true});
  mkdirSync(BASELINES, {recursive: true});
  if (update) mkdirSync(SCREENSHOTS, {recursive: true});
  // One page, one shot after the other: only the page in front paints reliably.
  const page = await browser.newPage();
  // Only a focused page draws focus rings: this one always acts as focused.
  const session = await page.createCDPSession();
  await session.send('Emulation.setFocusEmulationEnabled', {enabled: true});
  await page.evaluateOnNewDocument(freezeInPage);
  await page.emulateMediaFeatures([
    {name: 'prefers-color-scheme', value: 'light'},
    {name: 'prefers-reduced-motion', value: 'reduce'},
  ]);
  /** A shot; a browser step that hung is tried once more (that is the machine, not the look). */
  const shoot = async (shot, scale) => {
    try {
      return await capture(page, base, shot, scale);
    } catch (error) {
      if (!/took longer than/.test(error.message)) throw error;
      log(`  ${shot.name}: ${error.message}; trying once more`);
      return capture(page, base, shot, scale);
    }
  };
  /** Writes `buffer` unless the file there has the same pixels: an unchanged look leaves git clean. */
  const keep = (path, buffer) => {
    if (existsSync(path) && compare(readFileSync(path), buffer).identical) return;
    writeFileSync(path, buffer);
    log(`  wrote ${short(path)}`);
  };
  const failures = [];
  for (const shot of shots) {
    const baseline = join(BASELINES, `${shot.name}.png`);
    try {
      const actual = await shoot(shot, 1);
      if (update) {
        keep(baseline, actual);
        if (shot.readme) keep(join(SCREENSHOTS, `${shot.name}.png`), shot.readme.scale === 1 ? actual : await shoot(shot, shot.readme.scale));
        continue;
      }
      mkdirSync(OUTPUT, {recursive: true});
      const actualPath = join(OUTPUT, `${shot.name}.actual.png`);
      if (!existsSync(baseline)) {
        writeFileSync(actualPath, actual);
        failures.push({...shot, problem: `no baseline ${short(baseline)}; the screenshot is ${short(actualPath)}`});
        continue;
      }
      const {problem, diff} = compare(readFileSync(baseline), actual);
      if (!problem) continue;
      writeFileSync(actualPath, actual);
      let files = `actual ${short(actualPath)}`;
      if (diff) {
        const diffPath = join(OUTPUT, `${shot.name}.diff.png`);
        writeFileSync(diffPath, diff);
        files += `, diff ${short(diffPath)}`;
      }
      failures.push({...shot, problem: `${problem}; baseline ${short(baseline)}, ${files}`});
    } catch (error) {
      failures.push({...shot, problem: `screenshot failed: ${error.message}`});
    }
  }
  await page.close();
  return {count: shots.length, failures};
}

/** Prints the failures; true when there were none. */
export function reportVisual({count, failures}, {update = false, seconds} = {}) {
  const time = seconds ? ` (${seconds} s)` : '';
  if (count === 0) return true;
  if (failures.length === 0) {
    console.log(update ? `Visual baselines: ${count} shots taken, changed ones written.${time}` : `Visual check: ${count} shots match their baselines.${time}`);
    return true;
  }
  for (const {name, story, problem} of failures) {
    console.error(`✗ visual ${name} (story ${story})`);
    console.error(`    ${problem}`);
  }
  console.error(`Visual check: ${failures.length} of ${count} shots differ.${time}`);
  if (!update) console.error('If the change is intended: npm run test:visual -- --update (then look at the new PNGs before committing them).');
  return false;
}

async function main() {
  const args = process.argv.slice(2);
  const update = args.includes('--update');
  const only = args.includes('--only') ? args.slice(args.indexOf('--only') + 1) : [];
  const started = performance.now();
  if (args.includes('--build') || (!args.includes('--no-build') && storybookIsStale())) {
    console.log('Building Storybook …');
    await buildStorybook();
  } else if (!existsSync(join(OUT, 'index.json'))) {
    throw new Error('No storybook-static/: run without --no-build.');
  }
  const server = createStaticServer({root: OUT, csp: ''});
  const base = await listen(server);
  const browser = await puppeteer.launch({executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS});
  let result;
  try {
    result = await checkVisual({browser, base, update, only});
  } finally {
    await browser.close();
    server.close();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (!reportVisual(result, {update, seconds})) process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
