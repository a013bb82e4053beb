// Checks what `npm publish` would ship: every export exists, types come with
// the modules, lit stays a dependency of the ES build (not bundled), the
// standalone file is self-contained, and a TypeScript consumer type-checks
// against the published types.
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const problems = [];
const check = (ok, message) => ok || problems.push(message);

for (const [entry, target] of Object.entries(pkg.exports)) {
  for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
    check(existsSync(`${root}${file}`), `export "${entry}" points at missing ${file}`);
  }
}
check(existsSync(`${root}${pkg.types}`), `types ${pkg.types} missing`);

const index = readFileSync(`${root}dist/index.js`, 'utf8');
check(/import\s*['"]\.\/(elements\/article-comments\/)?define\.js['"]/.test(index), 'dist/index.js does not register the elements');
const element = readFileSync(`${root}dist/elements/article-comments/article-comments.js`, 'utf8');
check(/from\s*['"]lit['"]/.test(element), 'the ES build must import lit, not bundle it');
for (const tag of ['article-comments', 'comment-reply', 'comment-report', 'comment-count']) {
  const dts = readFileSync(`${root}dist/elements/${tag}/${tag}.d.ts`, 'utf8');
  check(dts.includes('HTMLElementTagNameMap'), `${tag}.d.ts lacks its HTMLElementTagNameMap entry`);
}
const manifest = JSON.parse(readFileSync(`${root}custom-elements.json`, 'utf8'));
const tags = manifest.modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName).filter(Boolean);
check(tags.includes('article-comments') && tags.includes('comment-reply'), 'custom-elements.json lacks a tag');

const standalone = readFileSync(`${root}dist/article-comments.min.js`, 'utf8');
check(!/\bimport\s*\(|^\s*import\s|from\s*["']/m.test(standalone), 'the standalone file imports something: it must be self-contained');
// A URL has a host after "//" (the German hint "mit http:// oder https:// beginnen" has none).
check(!/https?:\/\/(?!lit\.dev|www\.w3\.org)[\w-]/.test(standalone.replace(/"https?:\/\/[^"]*"/g, (s) => (s.includes('w3.org') ? '' : s))), 'the standalone file references a remote URL');

// <comment-count> alone: self-contained, and without Lit (its budget is 3 KB).
const count = readFileSync(`${root}dist/comment-count.min.js`, 'utf8');
check(!/\bimport\s*\(|^\s*import\s|from\s*["']/m.test(count), 'dist/comment-count.min.js imports something: it must be self-contained');
check(!/lit-html|litElementVersions|reactiveElementVersions/.test(count), 'dist/comment-count.min.js bundles Lit');
check(/customElements\.define\(\s*["']comment-count["']/.test(count), 'dist/comment-count.min.js does not register <comment-count>');

// A developer's TypeScript, compiled against the published types (self-reference by package name).
try {
  execFileSync('npx', ['tsc', '-p', 'tests/consumer/tsconfig.json'], {cwd: root, stdio: 'pipe'});
} catch (error) {
  problems.push(`tests/consumer does not type-check against dist/:\n${error.stdout}${error.stderr}`);
}

if (problems.length) {
  console.error(`Package check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`Package check passed: ${Object.keys(pkg.exports).length} exports, types, manifest with ${tags.length} elements, self-contained standalone file.`);
