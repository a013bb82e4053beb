// The size budget of the script-tag files, checked by `npm test`; prints
// what each part weighs (attributed through the source map).
//
// The goal is at most 20 KB gzip of JavaScript for a reader who only reads.
// One script-tag file with everything cannot reach it: Lit, @lit/context and
// the directives alone are 7.8 KB, date-fns' German wording 1.2 KB, and the
// widget's own code (two elements, drafts, permalinks, live updates, scroll
// anchoring, rendering in steps, the memory, browser-storage and REST
// adapters, reports, checking of untrusted data, all German text and styles)
// about 30 KB. What it takes: the composer, REST, storage and the report
// dialog in files loaded on demand. Until then the budget below holds
// today's figure as a ratchet: any growth fails the build; README "Size"
// shows the breakdown.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';
import {TraceMap, originalPositionFor} from '@jridgewell/trace-mapping';

const root = fileURLToPath(new URL('..', import.meta.url));
const BUDGETS = {
  // 40.5 + 3.4 for reactions, flags, question mode, counts and <comment-count> (README "Size").
  'dist/article-comments.min.js': 53.5,
  'dist/article-comments-waline.min.js': 5.8,
  // <comment-count> alone, for pages that only list articles: a hard limit, not a ratchet.
  'dist/comment-count.min.js': 3,
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gzip = (text) => gzipSync(text, {level: 9}).length;

/** Which part of the bundle a source file belongs to. */
function group(source) {
  if (!source) return 'other';
  if (/node_modules\/(lit-html|lit-element|lit|@lit\/reactive-element)\//.test(source)) return 'Lit';
  if (source.includes('node_modules/@lit/context/')) return '@lit/context';
  if (source.includes('node_modules/date-fns/')) return 'date-fns (German wording and names)';
  if (source.includes('node_modules/tslib/')) return 'tslib';
  if (source.includes('.styles.ts')) return 'our styles';
  const ours = /src\/([a-z0-9-]+)\//.exec(source);
  return ours ? `our ${ours[1]}/` : 'our events and context';
}

/** Minified bytes per group, and each group's share of the gzip size. */
function breakdown(file) {
  const code = readFileSync(`${root}${file}`, 'utf8');
  const map = new TraceMap(readFileSync(`${root}${file}.map`, 'utf8'));
  const parts = new Map();
  const lines = code.split('\n');
  lines.forEach((line, index) => {
    let last = 'other';
    for (let column = 0; column < line.length; column++) {
      const {source} = originalPositionFor(map, {line: index + 1, column});
      const name = source ? group(source) : last;
      last = name;
      parts.set(name, (parts.get(name) ?? '') + line[column]);
    }
  });
  const total = gzip(code);
  const raw = [...parts].map(([name, text]) => ({name, bytes: text.length, gzip: gzip(text)}));
  const sum = raw.reduce((all, part) => all + part.gzip, 0);
  // Compressed apart, parts sum to more than the whole: scale to the real total.
  return {total, rows: raw.map((part) => ({...part, share: (part.gzip / sum) * total})).sort((a, b) => b.share - a.share)};
}

let failed = false;
for (const [file, budget] of Object.entries(BUDGETS)) {
  const code = readFileSync(`${root}${file}`, 'utf8');
  const {total, rows} = breakdown(file);
  const over = total / 1024 > budget;
  failed ||= over;
  console.log(`${file}: ${kb(Buffer.byteLength(code))} minified, ${kb(total)} gzip (budget ${budget} KB)${over ? '  ✗ OVER BUDGET' : ''}`);
  for (const row of rows) console.log(`  ${kb(row.share).padStart(8)}  ${row.name}`);
  // Nothing the page does not use: no fonts, icon sets, images, workers or extra scripts.
  for (const [pattern, what] of [
    [/@font-face/, 'a web font'],
    [/url\((?!#)/, 'a CSS url() (image, icon or font)'],
    [/\bimport\s*\(/, 'a dynamic import (a second request)'],
    [/new\s+Worker\s*\(/, 'a worker script'],
    [/createElement\(\s*["']script["']/, 'a script element'],
  ]) {
    if (pattern.test(code)) {
      console.log(`  ✗ contains ${what}`);
      failed = true;
    }
  }
}
if (failed) process.exit(1);
