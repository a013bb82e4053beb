import {rollup} from 'rollup';
import nodeResolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import {gzipSync} from 'node:zlib';
const b = await rollup({input: 'src/standalone.ts', plugins: [nodeResolve({browser: true}), typescript({tsconfig: './tsconfig.build.json', declaration: false, declarationMap: false, outDir: 'dist'})]});
const {output} = await b.generate({format: 'es'});
const mods = Object.entries(output[0].modules).map(([id, m]) => [id.replace(process.cwd(), ''), m.renderedLength]).sort((a, b) => b[1] - a[1]);
let groups = {};
for (const [id, len] of mods) { const g = id.includes('node_modules') ? id.split('node_modules/')[1].split('/').slice(0, id.includes('@') ? 2 : 1).join('/') : 'src'; groups[g] = (groups[g] || 0) + len; }
console.log(groups);
console.log(mods.slice(0, 25));
