// The one place that knows how to start Debian's Chromium here: as root it
// needs --no-sandbox, background networking must be off on this closed
// network, and pages in background tabs must keep their timers.
import {existsSync} from 'node:fs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/** CHROME_PATH, else the usual places; throws with a hint when there is none. */
export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error('No Chromium found: set CHROME_PATH or install it (Debian: apt-get install chromium).');
  return found;
}
