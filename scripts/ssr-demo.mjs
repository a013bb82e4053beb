// The demo article rendered on the server (`npm start`, /demo/?render=server):
// the discussion the page embeds, rendered by `article-comments/server` into
// the page as a publisher's server would, so it is in the HTML (and the first
// paint) before any script runs. Also used by the benchmarks.
import {readFile} from 'node:fs/promises';
import {ROOT, STRICT_CSP} from './serve.mjs';

/** The demo page with the discussion rendered into it, and the CSP it is served with (the strict one plus the style hash). */
export async function renderDemoPage({pageUrl, now = Date.now(), script} = {}) {
  const {renderDiscussion, styleHashes} = await import('../dist/server/index.js');
  let page = await readFile(`${ROOT}/demo/index.html`, 'utf8');
  const element = /<article-comments([^>]*)>\s*<script type="application\/json">([\s\S]*?)<\/script>\s*<\/article-comments>/.exec(page);
  if (!element) throw new Error('demo/index.html has no <article-comments> with inline JSON');
  const thread = /thread="([^"]+)"/.exec(element[1])?.[1] ?? 'ferrari-leapmotor';
  const rendered = await renderDiscussion({thread, comments: JSON.parse(element[2]), pageUrl, now, id: 'kommentare'});
  page = page.replace(element[0], () => rendered.replace('<article-comments', '<article-comments class="comments"'));
  if (script) page = page.replace(/<script type="module" src="[^"]*"><\/script>/, () => script);
  return {html: page, csp: STRICT_CSP.replace("style-src 'self'", `style-src 'self' ${styleHashes().join(' ')}`)};
}
