// Two builds from the same sources:
// 1. dist/*.js + .d.ts: ES modules for apps and bundlers, one file per source
//    module, with lit, @lit/context, date-fns and tslib left as imports.
// 2. dist/article-comments.min.js: one self-contained, minified file for a
//    <script> tag, which registers the elements; and
//    dist/article-comments-waline.min.js, loaded after it, which adds the
//    Waline adapter and takes what the two share from it; and
//    dist/comment-count.min.js, <comment-count> alone for pages that only
//    list articles (no Lit, no date-fns).
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const external = (id) => /^(lit|@lit\/[^/]+|@lit-labs\/[^/]+|date-fns|tslib)(\/|$)/.test(id);

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
 * The script-tag builds only need date-fns' German wording and month and day
 * names: import those two parts of its locale instead of the whole locale
 * (whose date parser alone is 1.9 KB minified).
 */
function dateFnsGermanWordsOnly() {
  const parts = fileURLToPath(new URL('./node_modules/date-fns/locale/de/_lib/', import.meta.url));
  return {
    name: 'date-fns-german-words-only',
    resolveId: (id) => (id === 'date-fns/locale/de' ? '\0date-fns-de' : null),
    load: (id) =>
      id === '\0date-fns-de'
        ? `import {formatDistance} from ${JSON.stringify(parts + 'formatDistance.js')};
           import {localize} from ${JSON.stringify(parts + 'localize.js')};
           export const de = {code: 'de', formatDistance, localize};`
        : null,
  };
}

/**
 * Modules the Waline file takes from the main file (`window.ArticleComments`)
 * instead of bundling a copy: one copy of the error classes on the page, so
 * the widget and the publisher's code recognise the Waline adapter's errors
 * (and `instanceof` works too), and a smaller file.
 */
const FROM_MAIN_FILE = ['src/adapters/errors.ts', 'src/adapters/http.ts'].map((path) => fileURLToPath(new URL(path, import.meta.url)));

/**
 * A minified IIFE on `window.ArticleComments`; self-contained except for
 * `fromMainFile`. `lean`: for a file without Lit templates or date-fns.
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
      globals: (id) => (fromMainFile.includes(id) ? 'ArticleComments' : id),
    },
    plugins: [
      lean ? undefined : dateFnsGermanWordsOnly(),
      nodeResolve({browser: true}),
      typescript({tsconfig: './tsconfig.build.json', declaration: false, declarationMap: false, outDir: 'dist'}),
      // Whitespace and comments out of the html`` and css`` templates.
      lean ? undefined : minifyHTML(),
      // pure_getters: a getter read for its effect would be dropped. Getters in src/ have no
      // effects; work that must happen is a method call (ThreadTree.flush, the storage channel).
      terser({ecma: 2022, module: false, compress: {passes: 3, pure_getters: true}, format: {comments: false}}),
      reportSize(),
    ],
  };
}

export default [
  {
    input: ['src/index.ts', 'src/classes.ts', 'src/define.ts', 'src/testing/index.ts'],
    external,
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      sourcemap: true,
    },
    plugins: [typescript({tsconfig: './tsconfig.build.json'})],
  },
  standalone('src/standalone.ts', 'dist/article-comments.min.js'),
  standalone('src/standalone-waline.ts', 'dist/article-comments-waline.min.js', {extend: true, fromMainFile: FROM_MAIN_FILE}),
  // Loaded alone or beside the main file: it adds to `window.ArticleComments` instead of replacing it.
  standalone('src/standalone-count.ts', 'dist/comment-count.min.js', {extend: true, lean: true}),
];
