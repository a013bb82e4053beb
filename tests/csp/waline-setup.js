// The publisher's setup for tests/csp/waline-page.html (a file: the policy blocks inline scripts).
//
// The policy allows no request to another origin, so the Waline server is played by a `fetch`
// that answers the way Waline does: HTTP 200 with {errno, errmsg, data}. The test sets
// `window.nextPost` to say how the next post fails:
// - 'missing-name': Waline requires a name (errno 1001, a validation error for `nick`);
// - 'offline': the request does not get through (fetch rejects with a TypeError).
window.nextPost = 'missing-name';

const answer = (body) => new Response(JSON.stringify(body), {headers: {'Content-Type': 'application/json'}});

async function waline(url, init = {}) {
  if ((init.method ?? 'GET') === 'GET') {
    return answer({errno: 0, errmsg: '', data: {page: 1, totalPages: 0, pageSize: 10, count: 0, data: []}});
  }
  if (window.nextPost === 'offline') throw new TypeError('Failed to fetch');
  return answer({errno: 1001, errmsg: {nick: 'nick is required'}, data: ''});
}

document.querySelector('article-comments').adapter = new ArticleComments.WalineAdapter({
  serverURL: location.origin,
  // The publisher lets readers post without a name; this Waline server does not.
  anonymous: true,
  pollInterval: 0,
  retries: 0,
  fetch: waline,
});
