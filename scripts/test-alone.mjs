// npm run test:alone: the tests that measure time or need the page on screen
// (tests/**/*.alone.test.ts), one file at a time and one engine after the
// other, so that nothing else competes for the two cores or the screen: not
// another test file, and not another browser. BROWSERS as for npm test.
//
// An engine whose browser went away during its run (the runner says "the
// browser disconnected", or the driver lost its session) runs its alone tests
// once more, and this says so: a crashed browser is not a test's verdict (a
// fresh-clone run saw WebKitGTK's page crash once in live-reading-position,
// which passed in every run before and after). A test that fails is never run again.
import {spawn} from 'node:child_process';
import {selectedEngines} from './browsers.mjs';

const CRASHED = /browser disconnected|invalid session id/i;

/** Runs the alone tests in one engine, its output passed through; resolves with the exit code and whether the browser crashed. */
function run(engine) {
  return new Promise((resolve) => {
    const child = spawn('npx', ['wtr', '--files', 'tests/**/*.alone.test.ts', '--concurrency', '1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {...process.env, BROWSERS: engine},
    });
    let crashed = false;
    for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
      from.on('data', (chunk) => {
        to.write(chunk);
        crashed ||= CRASHED.test(String(chunk));
      });
    }
    child.on('close', (code) => resolve({code: code ?? 1, crashed}));
  });
}

let failed = false;
for (const engine of selectedEngines()) {
  console.log(`\n== ${engine}: *.alone tests`);
  let result = await run(engine);
  if (result.code !== 0 && result.crashed) {
    console.log(`\n== ${engine}: the browser went away during the run (not a test failure); its *.alone tests once more`);
    result = await run(engine);
  }
  failed ||= result.code !== 0;
}
process.exit(failed ? 1 : 0);
