// Two builds from the same sources:
// 1. dist/*.js + .d.ts: ES modules for apps and bundlers, one file per source
//    module, with lit, @lit/context, date-fns and tslib left as imports.
// 2. dist/article-comments.min.js: one self-contained, minified file for a
//    <script> tag, which registers both elements.
import {gzipSync} from 'node:zlib';
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
  {
    input: 'src/standalone.ts',
    output: {
      file: 'dist/article-comments.min.js',
      format: 'iife',
      name: 'ArticleComments',
      sourcemap: true,
    },
    plugins: [
      nodeResolve({browser: true}),
      typescript({
        tsconfig: './tsconfig.build.json',
        declaration: false,
        declarationMap: false,
        outDir: 'dist',
      }),
      terser({ecma: 2022, module: false, compress: {passes: 2}, format: {comments: false}}),
      reportSize(),
    ],
  },
];
