// `npm run bench`: measures the script-tag build in headless Chromium and
// prints one table (medians), writing the figures to bench/results/latest.json.
//
//   node bench/run.mjs [--quick] [--only render|hostile|tick|post|waline] [--compare bench/results/baseline.json]
//
// 1. Rendering 100, 1,000 and 10,000 comments, against the floor: the same
//    final DOM from one prebuilt HTML string assigned to innerHTML.
// 2. Against Waline's own client, on a local Waline server with 200 comments.
// 3. One tick of the shared clock with 10,000 comments on the page, and the heap.
// 4. From pressing "Senden" to the new comment in the thread.
// 5. Hostile shapes (a chain 10,000 deep, 50,000 replies to one comment, a
//    5 MB text): first screen and the longest task; the heap after removal.
// Samples are interleaved (size by size, widget and floor alternating), each
// in a fresh page.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import {build} from 'esbuild';
import puppeteer from 'puppeteer-core';
import {CHROMIUM_ARGS, findChromium} from '../scripts/chromium.mjs';
import {ROOT, listen, staticFiles} from '../scripts/serve.mjs';
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

// One server: the pages and scripts, the generated data, and the REST
// reference server (holding the same discussions) under /api.
const files = staticFiles({csp: ''});
const server = createCommentServer({
  seed: Object.fromEntries(SIZES.map((n) => [`bench-${n}`, JSON.parse(data.get(n))])),
  fallback: async (request, response) => {
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

const results = {date: new Date().toISOString(), machine: machine(), render: {}, hostile: null, removal: null, waline: null, tick: null, post: null};

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
    const runs = {waline: [], widget: []};
    for (let i = 0; i < (quick ? 3 : 11); i++) {
      for (const client of ['waline', 'widget']) {
        const query = new URLSearchParams({client, server: waline.url, path, expected: String(expected)});
        runs[client].push(await measure(`${base}/bench/pages/waline.html?${query}`));
      }
    }
    const summary = (list) => ({first: median(list.map((r) => r.first)), page: median(list.map((r) => r.page))});
    results.waline = {comments: records.length, firstPage: expected, waline: summary(runs.waline), widget: summary(runs.widget)};
    results.waline.speedup = {first: results.waline.waline.first / results.waline.widget.first, page: results.waline.waline.page / results.waline.widget.page};
  } finally {
    await waline.stop();
  }
} else {
  console.error('Waline is not installed (npm ci --prefix tests/waline): the comparison is skipped.');
}

await browser.close();
server.close();

const {gzipSync} = await import('node:zlib');
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
    ? `| Waline, 200 comments: first comment visible (Waline client / widget) | ${ms(results.waline.waline.first)} / ${ms(results.waline.widget.first)} ms (${results.waline.speedup.first.toFixed(1)}× faster) | ≥ 2× faster |`
    : '| Waline comparison | not run (Waline not installed) | |',
  results.waline
    ? `| Waline, 200 comments: whole first page, ${results.waline.firstPage} comments | ${ms(results.waline.waline.page)} / ${ms(results.waline.widget.page)} ms (${results.waline.speedup.page.toFixed(1)}× faster) | ≥ 2× faster |`
    : '',
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
