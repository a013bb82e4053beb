// Bundles the app with esbuild into dist/, beside a copy of index.html.
import {copyFileSync, mkdirSync, rmSync} from 'node:fs';
import {build} from 'esbuild';

rmSync('dist', {recursive: true, force: true});
mkdirSync('dist');
await build({
  entryPoints: ['src/main.tsx'],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  outfile: 'dist/app.js',
  define: {'process.env.NODE_ENV': '"production"'},
  logLevel: 'warning',
});
copyFileSync('index.html', 'dist/index.html');
