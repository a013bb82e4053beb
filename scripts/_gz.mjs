import {rollup} from 'rollup';
import nodeResolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import {minify} from 'terser';
import {gzipSync} from 'node:zlib';
const b = await rollup({input: 'src/standalone.ts', onwarn(){}, plugins: [nodeResolve({browser: true}), typescript({tsconfig: './tsconfig.build.json', declaration: false, declarationMap: false, outDir: 'dist', sourceMap: false})]});
const {output} = await b.generate({format: 'es'});
let rows = [];
for (const [id, m] of Object.entries(output[0].modules)) {
  if (!m.code) continue;
  const r = await minify(m.code, {module: true, compress: {passes: 2}, mangle: true});
  rows.push([id.replace(process.cwd(), ''), r.code.length, gzipSync(r.code, {level: 9}).length]);
}
rows.sort((a, b) => b[2] - a[2]);
for (const r of rows) console.log(r[2], r[1], r[0]);
