// Checks what `npm publish` would ship: every export exists, types come with
// the modules, lit stays a dependency of the ES build (not bundled), the
// all-in-one script-tag file is self-contained, the module build for script
// tags (dist/cdn/) imports nothing but its own files, and a TypeScript
// consumer type-checks against the published types.
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const problems = [];
const check = (ok, message) => ok || problems.push(message);

for (const [entry, target] of Object.entries(pkg.exports)) {
  for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
    // A folder export ("./cdn/*"): the folder must be there.
    check(existsSync(`${root}${file.replace(/\*$/, '')}`), `export "${entry}" points at missing ${file}`);
  }
}
for (const field of ['unpkg', 'jsdelivr']) check(existsSync(`${root}${pkg[field]}`), `${field} points at missing ${pkg[field]}`);
check(existsSync(`${root}${pkg.types}`), `types ${pkg.types} missing`);

const index = readFileSync(`${root}dist/index.js`, 'utf8');
check(/import\s*['"]\.\/(elements\/article-comments\/)?define\.js['"]/.test(index), 'dist/index.js does not register the elements');
// (properties.js holds the element's LitElement base class.)
const element = readFileSync(`${root}dist/elements/article-comments/properties.js`, 'utf8');
check(/from\s*['"]lit['"]/.test(element) && !/litHtmlVersions|reactiveElementVersions/.test(element), 'the ES build must import lit, not bundle it');
for (const tag of ['article-comments', 'comment-reply', 'comment-report', 'comment-count']) {
  const dts = readFileSync(`${root}dist/elements/${tag}/${tag}.d.ts`, 'utf8');
  check(dts.includes('HTMLElementTagNameMap'), `${tag}.d.ts lacks its HTMLElementTagNameMap entry`);
}
const manifest = JSON.parse(readFileSync(`${root}custom-elements.json`, 'utf8'));
const tags = manifest.modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName).filter(Boolean);
check(tags.includes('article-comments') && tags.includes('comment-reply'), 'custom-elements.json lacks a tag');

// A URL has a host after "//" (the German hint "mit http:// oder https:// beginnen" has none).
const remoteUrl = (code) => /https?:\/\/(?!lit\.dev|www\.w3\.org)[\w-]/.test(code.replace(/"https?:\/\/[^"]*"/g, (s) => (s.includes('w3.org') ? '' : s)));

// Self-contained, but for the languages other than German: dist/locales/ beside it, imported on demand
// (src/i18n/locale-sources-script.ts), each file a module that imports only its neighbours.
const languageImport = /\bimport\s*\(new URL\(`locales\//g;
const standalone = readFileSync(`${root}dist/article-comments.min.js`, 'utf8');
check(!/\bimport\s*\(|^\s*import\s|from\s*["']/m.test(standalone.replace(languageImport, '')), 'the standalone file imports something: it must be self-contained');
for (const name of ['en.js', 'de-at.js', 'de-ch.js']) {
  const code = readFileSync(`${root}dist/locales/${name}`, 'utf8');
  const specifiers = [...code.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((match) => match[1]);
  check(specifiers.every((specifier) => /^\.\/[\w-]+\.js$/.test(specifier)), `dist/locales/${name} imports something but its neighbours`);
  check(!remoteUrl(code), `dist/locales/${name} references a remote URL`);
}
check(!remoteUrl(standalone), 'the standalone file references a remote URL');

// The module build for script tags: the entry imports core only, and every file imports
// nothing but files beside it (relative, so a CDN path works), and never the entry itself.
const cdn = `${root}dist/cdn/`;
const cdnFiles = readdirSync(cdn);
check(cdnFiles.includes('article-comments.js'), 'dist/cdn/article-comments.js is missing');
for (const name of cdnFiles) {
  check(/\.js(\.map)?$/.test(name), `dist/cdn/${name}: only scripts (and their source maps) belong there`);
  if (!name.endsWith('.js')) continue;
  const code = readFileSync(cdn + name, 'utf8');
  const specifiers = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)].map((match) => match[1]);
  for (const specifier of specifiers) {
    const sibling = /^\.\/([\w.-]+\.js)$/.exec(specifier)?.[1];
    check(sibling !== undefined && cdnFiles.includes(sibling), `dist/cdn/${name} imports "${specifier}": only files beside it may be imported`);
    // (reader.js loads the widget, the entry, when the reader turns to the discussion; the page has no other script tag for it.)
    check(sibling !== 'article-comments.js' || name === 'reader.js', `dist/cdn/${name} imports the entry: it would run twice when the page's URL differs (?ver=…, a CDN redirect)`);
  }
  if (name === 'article-comments.js') check(specifiers.every((specifier) => /^\.\/(core|shared)-[\w-]+\.js$/.test(specifier)), 'dist/cdn/article-comments.js imports more than core (and what it shares with reader.js)');
  check(!remoteUrl(code), `dist/cdn/${name} references a remote URL`);
}

// <comment-count> alone: self-contained, and without Lit (its budget is 3 KB).
const count = readFileSync(`${root}dist/comment-count.min.js`, 'utf8');
check(!/\bimport\s*\(|^\s*import\s|from\s*["']/m.test(count.replace(languageImport, '')), 'dist/comment-count.min.js imports something: it must be self-contained');
check(!/lit-html|litElementVersions|reactiveElementVersions/.test(count), 'dist/comment-count.min.js bundles Lit');
check(/customElements\.define\(\s*["']comment-count["']/.test(count), 'dist/comment-count.min.js does not register <comment-count>');

// article-comments/react: React and @lit/react are optional peers the wrappers import, never
// bundled, never dependencies; and nothing of them in the script-tag builds.
for (const name of ['react', '@lit/react']) {
  check(!pkg.dependencies?.[name], `${name} must not be a dependency (an optional peer dependency)`);
  check(pkg.peerDependencies?.[name] && pkg.peerDependenciesMeta?.[name]?.optional, `${name} must be an optional peer dependency`);
}
const reactDir = `${root}dist/react/`;
for (const name of readdirSync(reactDir).filter((file) => file.endsWith('.js') && !['index.js', 'jsx.js', 'props.js'].includes(file))) {
  const code = readFileSync(reactDir + name, 'utf8');
  check(/from\s*['"]@lit\/react['"]/.test(code) && /from\s*['"]react['"]/.test(code), `dist/react/${name} must import react and @lit/react, not bundle them`);
  check(!/customElements\.define/.test(code), `dist/react/${name} defines a tag itself: only the elements' define modules may (once)`);
}
check(readFileSync(`${reactDir}jsx.d.ts`, 'utf8').includes("declare module 'react'"), 'dist/react/jsx.d.ts lacks the JSX IntrinsicElements declarations');
check(!(pkg.sideEffects ?? []).some((path) => path.includes('react')), 'dist/react/ must stay free of side effects in "sideEffects" (unused wrappers drop out of bundles)');
const scriptTagFiles = ['article-comments.min.js', 'article-comments-waline.min.js', 'comment-count.min.js'].map((name) => `${root}dist/${name}`);
for (const file of [...scriptTagFiles, ...cdnFiles.filter((name) => name.endsWith('.js')).map((name) => cdn + name)]) {
  check(!/createComponent|react\.element|__eventType/.test(readFileSync(file, 'utf8')), `${file.slice(root.length)} contains React or @lit/react`);
}

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
console.log(
  `Package check passed: ${Object.keys(pkg.exports).length} exports, types, manifest with ${tags.length} elements, self-contained standalone file, module build of ${cdnFiles.filter((name) => name.endsWith('.js')).length} files importing only each other.`
);
