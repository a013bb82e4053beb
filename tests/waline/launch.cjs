// Waline's own vanilla.js, except that it listens on 127.0.0.1:$PORT only
// (thinkjs ignores the PORT and HOST variables) and writes its runtime
// config to $WALINE_RUNTIME_PATH instead of into node_modules.
const path = require('node:path');
const Application = require('thinkjs');

const root = path.dirname(require.resolve('@waline/vercel/package.json'));
const instance = new Application({
  ROOT_PATH: root,
  APP_PATH: path.join(root, 'src'),
  proxy: true,
  env: 'production',
  RUNTIME_PATH: process.env.WALINE_RUNTIME_PATH || path.join(root, 'runtime'),
});
instance.run();
think.config('host', '127.0.0.1');
think.config('port', Number(process.env.PORT));
