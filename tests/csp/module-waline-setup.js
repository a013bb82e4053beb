// The publisher's setup for tests/csp/module-waline-page.html, with the module build: the Waline
// adapter is a file beside the widget's, loaded with ArticleComments.load('waline').
// The server is played by the same `fetch` as in waline-setup.js (see there).
window.nextPost = 'missing-name';

const answer = (body) => new Response(JSON.stringify(body), {headers: {'Content-Type': 'application/json'}});

async function waline(url, init = {}) {
  if ((init.method ?? 'GET') === 'GET') {
    return answer({errno: 0, errmsg: '', data: {page: 1, totalPages: 0, pageSize: 10, count: 0, data: []}});
  }
  if (window.nextPost === 'offline') throw new TypeError('Failed to fetch');
  return answer({errno: 1001, errmsg: {nick: 'nick is required'}, data: ''});
}

const {WalineAdapter} = await ArticleComments.load('waline');
document.querySelector('article-comments').adapter = new WalineAdapter({
  serverURL: location.origin,
  anonymous: true,
  pollInterval: 0,
  retries: 0,
  fetch: waline,
});
window.walineReady = true;
