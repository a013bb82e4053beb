import {fileURLToPath} from 'node:url';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {closeServer, createCommentServer} from './server/reference-server.mjs';
import {engineCommandPlugin, engineLauncher, selectedEngines} from './scripts/browsers.mjs';
import {listen} from './scripts/serve.mjs';
import {startWaline} from './tests/waline/server.mjs';
import {ssrPagePlugin} from './tests/fixtures/ssr-pages.mjs';

/**
 * Starts the reference REST server on 127.0.0.1 (a port the system picks)
 * for the run and stops it afterwards; tests ask for its address with
 * `executeServerCommand('rest-server')`. Being on another port than the test
 * page, it also exercises CORS.
 */
function restServerPlugin() {
  let server;
  let url;
  return {
    name: 'rest-server',
    async serverStart() {
      server = createCommentServer({control: true});
      url = await listen(server);
    },
    async serverStop() {
      if (server) await closeServer(server);
    },
    executeCommand({command}) {
      return command === 'rest-server' ? {url} : undefined;
    },
  };
}

/** The policy news sites run; pages under /tests/csp/ are served with it. */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "require-trusted-types-for 'script'",
  "trusted-types lit-html",
].join('; ');

/**
 * A real Waline server on 127.0.0.1, started with the run (it takes a few
 * seconds, more on a busy machine: no test should wait for it within its own
 * timeout), handed to tests that ask (`executeServerCommand('waline-server')`)
 * and stopped with the run.
 */
function walineServerPlugin() {
  let waline;
  return {
    name: 'waline-server',
    serverStart() {
      // Not beside the alone tests, which measure time and use no Waline.
      if (process.argv.some((arg) => arg.includes('.alone.'))) return;
      waline = startWaline();
      // A failure is reported to the tests that ask for the server.
      waline.catch(() => {});
    },
    async executeCommand({command}) {
      if (command !== 'waline-server') return undefined;
      try {
        waline ??= startWaline();
        return {url: (await waline).url};
      } catch (error) {
        return {error: String(error.message ?? error)};
      }
    },
    async serverStop() {
      if (waline) await (await waline.catch(() => undefined))?.stop();
    },
  };
}

export default {
  // *.alone.test.ts measure time or need the page on screen (rendering, scrolling):
  // `npm run test:alone` runs them afterwards, one file at a time, nothing else competing.
  files: ['tests/**/*.test.ts', '!tests/**/*.alone.test.ts', '!tests/waline/**', '!**/node_modules/**'],
  nodeResolve: true,
  concurrency: 2, // test files side by side in Chromium (see scripts/browsers.mjs)
  // Two engines at a time: on two cores the third would push timings past
  // the tests' limits; Firefox (the slowest) runs beside Chromium, then WebKit.
  concurrentBrowsers: 2,
  testFramework: {config: {timeout: 10000}},
  plugins: [
    restServerPlugin(),
    walineServerPlugin(),
    engineCommandPlugin(),
    ssrPagePlugin(),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  middleware: [
    function strictCsp(context, next) {
      if (context.path.startsWith('/tests/csp/')) context.set('Content-Security-Policy', STRICT_CSP);
      return next();
    },
  ],
  // Chromium, Firefox and WebKit; `BROWSERS=firefox npm test` (or
  // `BROWSERS=chromium,webkit npx wtr`) runs fewer.
  browsers: selectedEngines().map((engine) => engineLauncher(engine)),
};
