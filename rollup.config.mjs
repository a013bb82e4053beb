// Three builds from the same sources:
// 1. dist/*.js + .d.ts: ES modules for apps and bundlers, one file per source
//    module, with lit, @lit/context, date-fns and tslib left as imports.
// 2. dist/cdn/: the script-tag module build, reader first. The entry
//    article-comments.js (for <script type="module">) loads what a reader who
//    only reads needs; the composer, the report dialog, the REST, browser
//    storage and Waline adapters are files beside it, loaded with import()
//    when needed (src/parts.ts).
// 3. dist/article-comments.min.js: everything in one self-contained,
//    minified classic script, which registers the elements; and
//    dist/article-comments-waline.min.js, loaded after it, which adds the
//    Waline adapter and takes what the two share from it; and
//    dist/comment-count.min.js, <comment-count> alone for pages that only
//    list articles (no Lit, no date-fns).
// React and @lit/react (src/react/, `article-comments/react`) are imports of the
// ES build only, never bundled: nothing of them reaches the script-tag builds.
import {readdirSync, rmSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const external = (id) => /^(lit|@lit\/[^/]+|@lit-labs\/[^/]+|date-fns|tslib|react|react-dom|node:.*)(\/|$)/.test(id);

/** Prints the size of the standalone file, raw and gzipped. */
function reportSize() {
  return {
    name: 'report-size',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const bytes = Buffer.byteLength(file.code);
        const gzip = gzipSync(file.code, {level: 9}).length;
        console.log(`${file.fileName}: ${(bytes / 1024).toFixed(1)} KB min, ${(gzip / 1024).toFixed(1)} KB gzip`);
      }
    },
  };
}

/**
 * Modules the Waline file takes from the main file (`window.ArticleComments`)
 * instead of bundling a copy: one copy of the error classes on the page, so
 * the widget and the publisher's code recognise the Waline adapter's errors
 * (and `instanceof` works too), and a smaller file.
 */
const source = (path) => fileURLToPath(new URL(path, import.meta.url));

const FROM_MAIN_FILE = ['src/adapters/errors.ts', 'src/adapters/http.ts'].map((path) => fileURLToPath(new URL(path, import.meta.url)));

/**
 * The script-tag builds only need date-fns' wording and month and day names
 * (German, and Austrian German and British English for those languages'
 * files): import those two parts of a locale instead of the whole locale
 * (whose date parser alone is 1.9 KB minified).
 */
const DATE_FNS_LOCALES = {de: 'de', 'de-AT': 'deAT', 'en-GB': 'enGB'};
function dateFnsWordsOnly() {
  const lib = (locale) => fileURLToPath(new URL(`./node_modules/date-fns/locale/${locale}/_lib/`, import.meta.url));
  return {
    name: 'date-fns-words-only',
    resolveId: (id) => {
      const locale = /^date-fns\/locale\/(.+)$/.exec(id)?.[1];
      return locale && locale in DATE_FNS_LOCALES ? `\0date-fns-${locale}` : null;
    },
    load: (id) => {
      const locale = /^\0date-fns-(.+)$/.exec(id)?.[1];
      if (!locale) return null;
      // de-AT has its own month names only, the rest is German; en-GB has the words of en-US.
      const words = {de: 'de', 'de-AT': 'de', 'en-GB': 'en-US'}[locale];
      const names = {de: 'de', 'de-AT': 'de-AT', 'en-GB': 'en-US'}[locale];
      return `import {formatDistance} from ${JSON.stringify(lib(words) + 'formatDistance.js')};
           import {localize} from ${JSON.stringify(lib(names) + 'localize.js')};
           export const ${DATE_FNS_LOCALES[locale]} = {code: ${JSON.stringify(locale)}, formatDistance, localize};`;
    },
  };
}

/**
 * The classic script-tag files load the built-in languages from dist/locales/
 * beside them (src/i18n/locale-sources-script.ts) instead of holding them.
 */
function languagesBesideTheScript() {
  const modules = source('src/i18n/locale-sources.ts');
  const script = source('src/i18n/locale-sources-script.ts');
  return {
    name: 'languages-beside-the-script',
    async resolveId(id, importer, options) {
      if (!importer || !/locale-sources\.js$/.test(id)) return null;
      const resolved = await this.resolve(id, importer, {...options, skipSelf: true});
      return resolved?.id === modules ? script : null;
    },
  };
}

/** The plugins of every script-tag build. `lean`: for a file without Lit templates or date-fns. */
function scriptTagPlugins({lean = false, module = false, outDir = 'dist'} = {}) {
  return [
    lean ? undefined : dateFnsWordsOnly(),
    nodeResolve({browser: true}),
    typescript({tsconfig: './tsconfig.build.json', declaration: false, declarationMap: false, outDir}),
    // Whitespace and comments out of the html`` and css`` templates.
    lean ? undefined : minifyHTML(),
    // pure_getters: a getter read only for its effect would be dropped. Getters in src/ are read
    // for their values; work that must happen is a method call (ThreadTree.flush, the storage
    // channel, LazyController.mayLoad).
    terser({ecma: 2022, module, compress: {passes: 3, pure_getters: true}, format: {comments: false}}),
    reportSize(),
  ];
}

/**
 * A minified IIFE on `window.ArticleComments`; self-contained except for
 * `fromMainFile`. The parts other builds load on demand are inside
 * (`inlineDynamicImports`): everything in one file.
 */
function standalone(input, file, {extend = false, fromMainFile = [], lean = false} = {}) {
  return {
    input,
    external: (id) => fromMainFile.includes(id),
    output: {
      file,
      format: 'iife',
      name: 'ArticleComments',
      extend,
      sourcemap: true,
      inlineDynamicImports: true,
      globals: (id) => (fromMainFile.includes(id) ? 'ArticleComments' : id),
    },
    plugins: [languagesBesideTheScript(), ...scriptTagPlugins({lean})],
  };
}

/** dist/locales/: each built-in language but German as one self-contained module, for the classic script-tag files. */
function languageFiles() {
  return {
    input: {en: 'src/i18n/locales/en.ts', 'de-at': 'src/i18n/locales/de-at.ts', 'de-ch': 'src/i18n/locales/de-ch.ts'},
    output: {dir: 'dist/locales', format: 'es', sourcemap: true, entryFileNames: '[name].js'},
    // One file each, nothing shared: each is loaded alone.
    preserveEntrySignatures: 'strict',
    plugins: [emptyFolder('dist/locales', {declarations: false}), ...scriptTagPlugins({module: true, outDir: 'dist/locales'})],
  };
}


/** The files of dist/cdn/ loaded on demand, named after the first of these modules they hold (src/parts.ts). */
const PART_FILES = new Map([
  [source('src/elements/comment-reply/define.ts'), 'composer'],
  [source('src/elements/comment-report/define.ts'), 'report'],
  [source('src/adapters/rest-adapter.ts'), 'rest'],
  [source('src/adapters/http.ts'), 'http'],
  [source('src/adapters/browser-storage-adapter.ts'), 'storage'],
  [source('src/adapters/waline-adapter.ts'), 'waline'],
  [source('src/model/validate.ts'), 'validate'],
  [source('src/adapters/report-check.ts'), 'report-check'],
  [source('src/adapters/memory-own.ts'), 'memory-own'],
  [source('src/elements/article-comments/own-change.ts'), 'own-change'],
  [source('src/discussion/viewer-refresh.ts'), 'viewer-refresh'],
  [source('src/i18n/locales/en.ts'), 'locale-en'],
  [source('src/i18n/locales/de-at.ts'), 'locale-de-at'],
  [source('src/i18n/locales/de-ch.ts'), 'locale-de-ch'],
  [source('src/i18n/locales/german-parts.ts'), 'locale-german'],
]);

/**
 * Empties a folder of output before a build writes it, so nothing stale ships
 * (a chunk of an earlier build, a module since renamed); after the build,
 * removes the declarations TypeScript writes there for files outside this
 * build (only the ES build's dist/*.d.ts are meant).
 */
function emptyFolder(folder, {declarations = true} = {}) {
  return {
    name: 'empty-folder',
    buildStart: () => rmSync(source(folder), {recursive: true, force: true}),
    writeBundle: () => {
      if (declarations) return;
      for (const name of readdirSync(source(folder))) if (/\.d\.ts(\.map)?$/.test(name)) rmSync(source(`${folder}/${name}`));
    },
  };
}

const ENTRY = source('src/standalone-module.ts');
const READER = source('src/standalone-reader.ts');
const chunkName = (ids) => (ids.includes(ENTRY) ? 'core' : [...PART_FILES].find(([id]) => ids.includes(id))?.[1] ?? 'shared');

/** dist/cdn/: the module entry for script tags, and the parts it loads on demand beside it. */
function moduleBuild() {
  return {
    // reader.js: for server-rendered pages; it loads article-comments.js when the reader turns to the discussion.
    input: {'article-comments': ENTRY, reader: READER},
    // The entry page authors load, `article-comments.js`, only re-exports the real one,
    // `core-[hash].js` ('strict': nothing but the entry's own exports may come from it): the
    // files loaded on demand import from `core-…`, never from `article-comments.js`. (Imported
    // under another URL than the page's script tag, e.g. with `?ver=3` added or behind a CDN's
    // redirect to the versioned path, the entry would run a second time.)
    preserveEntrySignatures: 'strict',
    output: {
      dir: 'dist/cdn',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: (chunk) => `${chunkName(chunk.moduleIds)}-[hash].js`,
    },
    plugins: [emptyFolder('dist/cdn', {declarations: false}), ...scriptTagPlugins({module: true, outDir: 'dist/cdn'})],
  };
}

export default [
  {
    input: ['src/index.ts', 'src/classes.ts', 'src/define.ts', 'src/testing/index.ts', 'src/server/index.ts', 'src/react/index.ts', 'src/react/jsx.ts', 'src/react/props.ts'],
    external,
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      sourcemap: true,
    },
    // The same html`` templates as the script-tag builds (minifyHTML): the server renders what the browser
    // then takes over, and Lit's hydration matches templates by their exact text.
    plugins: [emptyFolder('dist'), typescript({tsconfig: './tsconfig.build.json'}), minifyHTML()],
  },
  moduleBuild(),
  languageFiles(),
  standalone('src/standalone.ts', 'dist/article-comments.min.js'),
  standalone('src/standalone-waline.ts', 'dist/article-comments-waline.min.js', {extend: true, fromMainFile: FROM_MAIN_FILE}),
  // Loaded alone or beside the main file: it adds to `window.ArticleComments` instead of replacing it.
  standalone('src/standalone-count.ts', 'dist/comment-count.min.js', {extend: true, lean: true}),
];
