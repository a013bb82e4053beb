// `npm run bench`: measures the script-tag build in headless Chromium and
// prints one table (medians), writing the figures to bench/results/latest.json.
//
//   node bench/run.mjs [--quick] [--only render|hostile|tick|post|waline|page] [--compare bench/results/baseline.json]
//
// 1. Rendering 100, 1,000 and 10,000 comments, against the floor: the same
//    final DOM from one prebuilt HTML string assigned to innerHTML.
// 2. Against Waline's own client, on a local Waline server with 200 comments.
// 3. One tick of the shared clock with 10,000 comments on the page, and the heap.
// 4. From pressing "Senden" to the new comment in the thread.
// 5. Hostile shapes (a chain 10,000 deep, 50,000 replies to one comment, a
//    5 MB text): first screen and the longest task; the heap after removal.
// 6. The demo article as readers get it: layout shift (CLS, the
//    `layout-shift` PerformanceObserver) from the first paint through
//    loading, taking over and the first page, below the fold and in view;
//    and the JavaScript a reader who only reads downloads (gzip -9), rendered
//    in the browser and on the server.
// Samples are interleaved (size by size, widget and floor alternating), each
// in a fresh page.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import {gzipSync} from 'node:zlib';
import {build} from 'esbuild';
import puppeteer from 'puppeteer-core';
import {CHROMIUM_ARGS, findChromium} from '../scripts/chromium.mjs';
import {ROOT, listen, staticFiles} from '../scripts/serve.mjs';
import {renderDemoPage} from '../scripts/ssr-demo.mjs';
import {createCommentServer} from '../server/reference-server.mjs';
import {startWaline, walineInstalled} from '../tests/waline/server.mjs';

const quick = process.argv.includes('--quick');
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? process.argv[onlyIndex + 1] : undefined;
const runs = (section) => !only || only === section;
const compareIndex = process.argv.indexOf('--compare');
const comparePath = compareIndex > 0 ? process.argv[compareIndex + 1] : `${ROOT}/bench/results/baseline.json`;
const SIZES = [100, 1000, 10000];
const SAMPLES = quick ? {100: 5, 1000: 5, 10000: 3} : {100: 21, 1000: 15, 10000: 7};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => (value === null || value === undefined ? '–' : value < 10 ? value.toFixed(2) : value.toFixed(1));

// The discussions: the stories' generator (German names and text, replies to
// replies), spread over two days, cut to exactly n comments.
const generator = await build({
  entryPoints: [`${ROOT}/stories/data/generate.ts`],
  bundle: true,
  format: 'esm',
  write: false,
  logLevel: 'error',
});
const {longDiscussion} = await import(`data:text/javascript;base64,${Buffer.from(generator.outputFiles[0].text).toString('base64')}`);
function discussion(n) {
  for (let topLevel = Math.ceil(n / 2.4); ; topLevel = Math.ceil(topLevel * 1.03)) {
    const records = longDiscussion(topLevel, 2026, 2 * 24 * 60);
    if (records.length >= n) return records.slice(0, n);
  }
}
const data = new Map(SIZES.map((n) => [n, JSON.stringify(discussion(n))]));

// The hostile shapes the tests use (a chain 10,000 deep, 50,000 replies to one comment, a 5 MB text).
const hostileBuild = await build({entryPoints: [`${ROOT}/tests/fixtures/hostile-shapes.ts`], bundle: true, format: 'esm', write: false, logLevel: 'error'});
const {SHAPES} = await import(`data:text/javascript;base64,${Buffer.from(hostileBuild.outputFiles[0].text).toString('base64')}`);
const hostileData = new Map();
const hostileJson = (name) => {
  if (!hostileData.has(name)) hostileData.set(name, JSON.stringify(SHAPES[name]()));
  return hostileData.get(name);
};
const dom = new Map();
/** Pages rendered on the server (section 6 and the Waline comparison), by path. */
const serverPages = new Map();

// One server: the pages and scripts, the generated data, and the REST
// reference server (holding the same discussions) under /api.
const files = staticFiles({csp: ''});
const server = createCommentServer({
  seed: Object.fromEntries(SIZES.map((n) => [`bench-${n}`, JSON.parse(data.get(n))])),
  fallback: async (request, response) => {
    const rendered = serverPages.get(request.url ?? '');
    if (rendered) {
      response.writeHead(200, {'Content-Type': 'text/html; charset=utf-8'});
      response.end(await rendered());
      return true;
    }
    const hostile = /^\/bench-data\/hostile-([\w-]+)\.json$/.exec(request.url ?? '');
    const match = /^\/bench-data\/(discussion|dom)-(\d+)\.(json|html)$/.exec(request.url ?? '');
    if (hostile && SHAPES[hostile[1]]) {
      response.writeHead(200, {'Content-Type': 'application/json'});
      response.end(hostileJson(hostile[1]));
    } else if (match) {
      const body = (match[1] === 'dom' ? dom : data).get(Number(match[2]));
      response.writeHead(body ? 200 : 404, {'Content-Type': match[3] === 'json' ? 'application/json' : 'text/html'});
      response.end(body ?? 'missing');
    } else {
      await files(request, response);
    }
    return true;
  },
});
const base = await listen(server);

const browser = await puppeteer.launch({
  executablePath: findChromium(),
  headless: true,
  // Heap figures need precise memory info and a callable gc().
  args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});

async function measure(url, timeout = 120_000) {
  const page = await browser.newPage();
  await page.setViewport({width: 1280, height: 800});
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  try {
    await page.goto(url, {waitUntil: 'load'});
    await page.waitForFunction(() => window.result !== undefined, {timeout, polling: 50});
    const result = await page.evaluate(() => window.result);
    if (result.error || errors.length) throw new Error(`${url}: ${result.error ?? errors.join('; ')}`);
    return result;
  } finally {
    await page.close();
  }
}

const results = {date: new Date().toISOString(), machine: machine(), render: {}, hostile: null, removal: null, waline: null, tick: null, post: null, page: null};

function machine() {
  const cpu = os.cpus();
  return {
    cpu: `${cpu[0]?.model ?? 'unknown'} × ${cpu.length}`,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    chromium: null,
    sizeGzipKB: null,
  };
}
results.machine.chromium = (await browser.version()).replace('HeadlessChrome/', '');

// 1. Rendering against the floor.
for (const n of runs('render') ? SIZES : []) {
  const {html} = await measure(`${base}/bench/pages/render.html?scenario=capture&n=${n}`);
  dom.set(n, html);
  const widget = [];
  const paged = [];
  const rest = [];
  const floor = [];
  for (let i = 0; i < SAMPLES[n]; i++) {
    widget.push(await measure(`${base}/bench/pages/render.html?scenario=render&n=${n}`));
    paged.push(await measure(`${base}/bench/pages/render.html?scenario=render&paged&n=${n}`));
    rest.push(await measure(`${base}/bench/pages/render.html?scenario=rest&n=${n}`));
    floor.push(await measure(`${base}/bench/pages/render.html?scenario=floor&n=${n}`));
  }
  if (widget[0].comments !== n || floor[0].comments !== n) throw new Error(`Expected ${n} comments, got ${widget[0].comments} / ${floor[0].comments}`);
  const first = median(widget.map((s) => s.firstScreen));
  const complete = median(widget.map((s) => s.complete));
  const floorTime = median(floor.map((s) => s.complete));
  results.render[n] = {
    firstScreen: first,
    complete,
    floor: floorTime,
    firstRatio: first / floorTime,
    completeRatio: complete / floorTime,
    paged: {firstScreen: median(paged.map((s) => s.firstScreen)), firstPage: median(paged.map((s) => s.complete)), comments: paged[0].comments},
    rest: {firstScreen: median(rest.map((s) => s.firstScreen)), firstPage: median(rest.map((s) => s.complete)), comments: rest[0].comments},
    samples: SAMPLES[n],
  };
  console.error(
    `render ${n}: first ${ms(first)} ms, complete ${ms(complete)} ms, floor ${ms(floorTime)} ms, ` +
      `paged first ${ms(results.render[n].paged.firstScreen)} ms, REST first ${ms(results.render[n].rest.firstScreen)} ms`
  );
}

// 5. Hostile shapes: first screen and the longest task while rendering; the heap after removal.
if (runs('hostile')) {
  results.hostile = {};
  for (const name of Object.keys(SHAPES)) {
    for (const mode of ['adapter', 'inline']) {
      const samples = [];
      for (let i = 0; i < (quick ? 1 : 3); i++) samples.push(await measure(`${base}/bench/pages/hostile.html?shape=${name}&mode=${mode}`, 300_000));
      results.hostile[`${name} ${mode}`] = {
        firstScreen: median(samples.map((s) => s.firstScreen)),
        complete: median(samples.map((s) => s.complete)),
        longestTask: median(samples.map((s) => s.longestTask)),
        comments: samples[0].comments,
      };
      console.error(`hostile ${name} (${mode}): first ${ms(results.hostile[`${name} ${mode}`].firstScreen)} ms, longest task ${ms(results.hostile[`${name} ${mode}`].longestTask)} ms`);
    }
  }
  results.removal = await measure(`${base}/bench/pages/hostile.html?scenario=removal`);
}

// 3. Clock tick with 10,000 comments; 4. posting into 1,000 comments.
if (runs('tick')) {
  const tick = await measure(`${base}/bench/pages/render.html?scenario=tick&n=10000${process.env.TICK_QUERY ?? ""}`);
  results.tick = {median: median(tick.ticks), script: median(tick.scripts), max: Math.max(...tick.ticks), updatesPerTick: tick.updatesPerTick, scheduled: tick.pending, heapMB: tick.heapMB};
}
if (runs('post')) {
  const post = await measure(`${base}/bench/pages/render.html?scenario=post&n=1000`);
  results.post = {median: median(post.times), samples: post.times.length};
}

// 6. The demo article: layout shift and the bytes a reader downloads.
const gzipOf = (() => {
  const sizes = new Map();
  return (path) => {
    if (!sizes.has(path)) sizes.set(path, gzipSync(readFileSync(`${ROOT}${path}`), {level: 9}).length);
    return sizes.get(path);
  };
})();
/**
 * Loads `path` at `height` px of viewport; sums the layout shifts (no recent input), and apart those
 * of the element (it, what is in it, or what follows it in the page moved), until the discussion is complete and taken over, plus a
 * second; and sums the JS the page requested (gzip -9 of each file). `hover`: then points at the
 * discussion (reader.js loads the widget) and waits again.
 */
async function readerPage(path, {height, hover = false}) {
  const page = await browser.newPage();
  await page.setViewport({width: 1280, height});
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.evaluateOnNewDocument(() => {
    window.shifts = {all: 0, element: 0, entries: 0};
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        window.shifts.all += entry.value;
        window.shifts.entries++;
        const host = document.querySelector('article-comments');
        // The element's share: it moved or changed, or what follows it moved (because it grew).
        const mine = entry.sources.some(
          (source) =>
            source.node &&
            host &&
            (source.node === host || host.contains(source.node) || host.shadowRoot?.contains(source.node) || host.compareDocumentPosition(source.node) & Node.DOCUMENT_POSITION_FOLLOWING)
        );
        if (mine) window.shifts.element += entry.value;
      }
    }).observe({type: 'layout-shift', buffered: true});
  });
  await page.goto(`${base}${path}`, {waitUntil: 'load'});
  await page.waitForFunction(() => document.querySelector('article-comments')?.shadowRoot?.querySelector('article.comment'), {timeout: 30_000});
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const before = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
  if (hover) {
    await page.evaluate(() => document.querySelector('article-comments').dispatchEvent(new PointerEvent('pointerover', {bubbles: true})));
    await page.waitForFunction(() => document.querySelector('article-comments').hasUpdated === true, {timeout: 30_000});
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const shifts = await page.evaluate(() => window.shifts);
  const taken = await page.evaluate(() => document.querySelector('article-comments').hasUpdated === true);
  await page.close();
  if (errors.length) throw new Error(`${path}: ${errors.join('; ')}`);
  const js = before.filter((pathname) => pathname.endsWith('.js') && pathname.startsWith('/dist/'));
  return {cls: shifts.all, clsElement: shifts.element, shifts: shifts.entries, js, bytes: js.reduce((sum, file) => sum + gzipOf(file), 0), taken};
}
if (runs('page')) {
  const script = (src) => `<script type="module" src="${src}"></script>`;
  serverPages.set('/bench-ssr/demo', async () => (await renderDemoPage({pageUrl: `${base}/demo/`, script: script('../dist/cdn/reader.js')})).html);
  // The demo page, served from /demo/ so its relative links work: /demo/?bench-ssr.
  serverPages.set('/demo/?render=server', serverPages.get('/bench-ssr/demo'));
  results.page = {};
  for (const [key, path, hover] of [
    ['browser', '/demo/', false],
    ['server', '/demo/?render=server', true],
  ]) {
    for (const [where, height] of [
      ['below', 800],
      ['inView', 4000],
    ]) {
      const samples = [];
      for (let i = 0; i < (quick ? 2 : 5); i++) samples.push(await readerPage(path, {height, hover}));
      results.page[`${key} ${where}`] = {
        cls: Math.max(...samples.map((s) => s.cls)),
        clsElement: Math.max(...samples.map((s) => s.clsElement)),
        bytes: samples[0].bytes,
        files: samples[0].js.length,
        takenOver: samples.every((s) => s.taken),
      };
      console.error(`page ${key} ${where}: CLS ${results.page[`${key} ${where}`].cls.toFixed(4)} (element ${results.page[`${key} ${where}`].clsElement.toFixed(4)}), JS ${(samples[0].bytes / 1024).toFixed(1)} KB`);
    }
  }
}

// 2. Against Waline's own client.
if (!runs('waline')) {
  // skipped
} else if (walineInstalled()) {
  const waline = await startWaline();
  try {
    const path = '/artikel/ferrari-leapmotor';
    const records = JSON.parse(data.get(1000)).slice(0, 200);
    const ids = new Map();
    for (const record of records) {
      const parent = record.parentId ? ids.get(record.parentId) : undefined;
      const answer = await fetch(`${waline.url}/api/comment`, {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        // A mail address per comment: Waline refuses the same text from the same person twice.
        body: JSON.stringify({
          nick: record.author.name,
          mail: `${record.id}@example.com`,
          comment: record.body,
          url: path,
          ...(parent ? {pid: parent.id, rid: parent.rid} : {}),
        }),
      }).then((r) => r.json());
      if (answer.errno !== 0) throw new Error(`Waline refused a comment: ${JSON.stringify(answer)}`);
      ids.set(record.id, {id: answer.data.objectId, rid: parent ? parent.rid : answer.data.objectId});
    }
    const first = await fetch(`${waline.url}/api/comment?path=${encodeURIComponent(path)}&page=1&pageSize=10&sortBy=insertedAt_desc`).then((r) => r.json());
    const expected = first.data.data.reduce((sum, root) => sum + 1 + (root.children?.length ?? 0), 0);
    // Rendered on the server: the same 200 comments (as the publisher's server has them), the same
    // first page of 10 threads, the same watching script first in <head>; reader.js after it.
    // (Its first page holds the 10 newest threads by the records' times, Waline's by the order they were
    // stored in: the page counts differ; the first comment is the comparison.)
    // Only the first page goes into the page, as from a backend (`src` and `page`): what the
    // publisher's server fetched from its Waline server, not all 200 records.
    const {renderDiscussion} = await import('../dist/server/index.js');
    const {MemoryAdapter} = await import('../dist/adapters/memory-adapter.js');
    const firstPage = await new MemoryAdapter({[path]: records}).load({thread: path, cursor: null, sort: 'newest', limit: 10});
    const element = await renderDiscussion({thread: path, src: waline.url, page: firstPage, pageSize: 10, pageUrl: `${base}${path}`});
    const serverQuery = new URLSearchParams({client: 'server', path, expected: String((element.match(/<article\s+id="comment-/g) ?? []).length)});
    serverPages.set(`/bench-ssr/waline?${serverQuery}`, async () => {
      return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Waline comparison</title>
        <link rel="icon" href="data:,"><link rel="stylesheet" href="/bench/pages/bench.css">
        <script src="/bench/pages/waline-page.js?${serverQuery}"></script>
        <script type="module" src="/dist/cdn/reader.js"></script></head>
        <body><main><div id="comments">${element}</div></main></body></html>`;
    });
    const runs = {waline: [], widget: [], server: [], floor: []};
    for (let i = 0; i < (quick ? 3 : 11); i++) {
      for (const client of ['waline', 'widget', 'server', 'floor']) {
        const query = new URLSearchParams({client, server: waline.url, path, expected: String(expected)});
        runs[client].push(await measure(client === 'server' ? `${base}/bench-ssr/waline?${serverQuery}` : `${base}/bench/pages/waline.html?${query}`));
      }
    }
    const summary = (list) => ({first: median(list.map((r) => r.first)), page: median(list.map((r) => r.page))});
    results.waline = {comments: records.length, firstPage: expected, waline: summary(runs.waline), widget: summary(runs.widget), server: summary(runs.server), floor: summary(runs.floor)};
    results.waline.speedup = {first: results.waline.waline.first / results.waline.widget.first, page: results.waline.waline.page / results.waline.widget.page};
    results.waline.serverSpeedup = {first: results.waline.waline.first / results.waline.server.first, page: results.waline.waline.page / results.waline.server.page};
  } finally {
    await waline.stop();
  }
} else {
  console.error('Waline is not installed (npm ci --prefix tests/waline): the comparison is skipped.');
}

await browser.close();
server.close();

results.machine.sizeGzipKB = gzipSync(readFileSync(`${ROOT}/dist/article-comments.min.js`), {level: 9}).length / 1024;

// The table.
let baseline;
try {
  baseline = JSON.parse(readFileSync(comparePath, 'utf8'));
} catch {
  baseline = undefined;
}
const change = (now, before) => (before ? ` (${now >= before ? '+' : ''}${(((now - before) / before) * 100).toFixed(0)} %)` : '');
const rendered = (n) => results.render[n] !== undefined;
const rows = [
  '| Measurement | Result | Goal |',
  '| --- | --- | --- |',
  ...SIZES.filter(rendered).map((n) => {
    const r = results.render[n];
    const b = baseline?.render?.[n];
    return `| ${n.toLocaleString('en')} comments: first screen / complete / floor | ${ms(r.firstScreen)}${change(r.firstScreen, b?.firstScreen)} / ${ms(r.complete)} / ${ms(r.floor)} ms (first screen ${r.firstRatio.toFixed(2)}× floor) | first screen ≤ 1.5× floor |`;
  }),
  ...SIZES.filter(rendered).map((n) => {
    const r = results.render[n];
    return `| ${n.toLocaleString('en')} comments, paged (the default: 20 threads, then "Weitere Kommentare laden"), inline JSON / REST: first screen | ${ms(r.paged.firstScreen)} / ${ms(r.rest.firstScreen)} ms | |`;
  }),
  rendered(10000) && `| 10,000 vs 100 comments, first screen: REST paged / inline paged / inline all at once | ${['rest', 'paged'].map((k) => (results.render[10000][k].firstScreen / results.render[100][k].firstScreen).toFixed(2)).join('× / ')}× / ${(results.render[10000].firstScreen / results.render[100].firstScreen).toFixed(2)}× | ≈ 1× |`,
  !runs('waline')
    ? ''
    : results.waline
    ? `| Waline, 200 comments: first comment visible (Waline client / widget) | ${ms(results.waline.waline.first)} / ${ms(results.waline.widget.first)} ms (${results.waline.speedup.first.toFixed(1)}× faster) | ≥ 1.5× faster |`
    : '| Waline comparison | not run (Waline not installed) | |',
  results.waline
    ? `| Waline, 200 comments: whole first page, ${results.waline.firstPage} comments | ${ms(results.waline.waline.page)} / ${ms(results.waline.widget.page)} ms (${results.waline.speedup.page.toFixed(1)}× faster) | ≥ 1.5× faster |`
    : '',
  results.waline?.server
    ? `| Waline, 200 comments, rendered on the server (reader.js): first comment visible (Waline client / server-rendered; the same page's first frame without any comments) | ${ms(results.waline.waline.first)} / ${ms(results.waline.server.first)} ms (${results.waline.serverSpeedup.first.toFixed(1)}× faster; ${ms(results.waline.floor.first)} ms) | ≥ 5× faster |`
    : '',
  ...(results.page
    ? Object.entries(results.page).map(([key, r]) => {
        const [how, where] = key.split(' ');
        const what = how === 'server' ? 'rendered on the server, reader.js, then taken over on a pointer' : 'rendered in the browser (module build)';
        const goal = where === 'below' ? 'element 0' : 'element ≤ 0.01';
        return `| Demo article, ${what}, ${where === 'below' ? 'below the fold' : 'in view'}: CLS of the page / of the element (worst sample) | ${r.cls.toFixed(4)} / ${r.clsElement.toFixed(4)}${r.takenOver ? '' : ' (not taken over!)'} | ${goal} |`;
      })
    : []),
  ...(results.page
    ? ['browser', 'server'].map((how) => {
        const r = results.page[`${how} below`];
        return `| Demo article, ${how === 'server' ? 'rendered on the server: reader.js' : 'rendered in the browser'}: JavaScript a reader who only reads downloads (gzip -9) | ${(r.bytes / 1024).toFixed(1)} KB in ${r.files} files | ≤ 20 KB |`;
      })
    : []),
  results.tick && `| One clock tick, 10,000 comments on the page: script + layout (median; script alone; max) | ${ms(results.tick.median)}${change(results.tick.median, baseline?.tick?.median)} ms (${ms(results.tick.script)} ms; ${ms(results.tick.max)} ms), ${results.tick.updatesPerTick.toFixed(0)} texts changed, ${results.tick.scheduled} scheduled on one timer | < 4 ms |`,
  ...(results.hostile
    ? Object.entries(results.hostile).map(([key, r]) => {
        const [name, mode] = key.split(' ');
        const baseline = results.hostile[`baseline ${mode}`];
        const goal = name === 'body-5mb' ? 'longest task ≤ 200 ms' : name.startsWith('chain') ? 'first screen ≤ baseline + 200 ms; longest task ≤ 50 ms' : 'longest task ≤ 50 ms';
        return `| Hostile: ${name}, ${mode === 'inline' ? 'inline JSON (JSON.parse included)' : 'MemoryAdapter'}: first screen (vs 20 comments) / longest task / comments shown | ${ms(r.firstScreen)} ms (${name === 'baseline' ? '–' : `+${ms(r.firstScreen - baseline.firstScreen)} ms`}) / ${ms(r.longestTask)} ms / ${r.comments} | ${goal} |`;
      })
    : []),
  results.removal && `| Heap after removing a widget with 2,000 comments, after GC (before → with → after) | ${results.removal.beforeMB.toFixed(1)} → ${results.removal.withMB.toFixed(1)} → ${results.removal.afterMB.toFixed(1)} MB (${results.removal.leakedKB.toFixed(0)} KB left; element ${results.removal.released ? 'collected' : 'STILL REACHABLE'}) | ≤ 1 MB, collected |`,
  results.tick && `| JS heap after rendering 10,000 comments | ${results.tick.heapMB?.toFixed(1) ?? '–'} MB | |`,
  results.post && `| "Senden" → new comment in a 1,000-comment thread | ${ms(results.post.median)}${change(results.post.median, baseline?.post?.median)} ms | |`,
].filter(Boolean);
const table = rows.join('\n');
console.log(`\n${table}\n\n${results.date.slice(0, 10)}, ${results.machine.cpu}, ${results.machine.memoryGB} GB, Chromium ${results.machine.chromium}, Node ${results.machine.node}; medians; script-tag build ${results.machine.sizeGzipKB.toFixed(1)} KB gzip.`);
mkdirSync(`${ROOT}/bench/results`, {recursive: true});
if (!only) writeFileSync(`${ROOT}/bench/results/latest.json`, `${JSON.stringify({...results, table}, null, 2)}\n`);
console.log(`Figures: bench/results/latest.json${baseline ? ` (compared with ${comparePath.replace(`${ROOT}/`, '')})` : ''}`);
