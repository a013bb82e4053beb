// npm run test:alone: the tests that measure time or need the page on screen
// (tests/**/*.alone.test.ts), one file at a time and one engine after the
// other, so that nothing else competes for the two cores or the screen: not
// another test file, and not another browser. BROWSERS as for npm test.
import {spawnSync} from 'node:child_process';
import {selectedEngines} from './browsers.mjs';

let failed = false;
for (const engine of selectedEngines()) {
  console.log(`\n== ${engine}: *.alone tests`);
  const run = spawnSync('npx', ['wtr', '--files', 'tests/**/*.alone.test.ts', '--concurrency', '1'], {
    stdio: 'inherit',
    env: {...process.env, BROWSERS: engine},
  });
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
