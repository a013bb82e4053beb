// The same page for every client: it loads one client's files, shows the
// discussion stored in the local Waline server, and records (from navigation
// start) when the first comment is visible and when the whole first page is.
// Checked on every animation frame, the same way for all. `client=server`:
// the page was rendered on the server with the same comments (bench/run.mjs),
// and this script, first in <head>, only watches.
const params = new URLSearchParams(location.search);
const client = params.get('client');
const serverURL = params.get('server');
const path = params.get('path');
const expected = Number(params.get('expected'));
const selector = client === 'waline' ? '.wl-card' : 'article.comment';

function load(tag, attributes) {
  return new Promise((resolve, reject) => {
    const element = Object.assign(document.createElement(tag), attributes);
    element.onload = resolve;
    element.onerror = reject;
    document.head.append(element);
  });
}

function count() {
  const widget = document.querySelector('article-comments');
  const root = widget ? widget.shadowRoot : document;
  return root ? root.querySelectorAll(selector).length : 0;
}

const result = {first: null, page: null};
(function watch() {
  // `client=floor`: the same page with no comments at all; its first frame is as soon as anything can show.
  const found = client === 'floor' ? expected : count();
  if (found > 0 && result.first === null) result.first = performance.now();
  if (found >= expected && result.page === null) {
    result.page = performance.now();
    window.result = result;
    return;
  }
  requestAnimationFrame(watch);
})();

(async () => {
  if (client === 'server' || client === 'floor') {
    // Rendered on the server (bench/run.mjs): the comments are in the HTML; reader.js follows.
    return;
  }
  if (client === 'waline') {
    const base = '/tests/waline/node_modules/@waline/client/dist/';
    await Promise.all([load('link', {rel: 'stylesheet', href: `${base}waline.css`}), load('script', {src: `${base}waline.umd.js`})]);
    Waline.init({
      el: '#comments',
      serverURL,
      path,
      pageSize: 10,
      lang: 'de',
      emoji: false,
      search: false,
      pageview: false,
      comment: false,
      reaction: false,
      imageUploader: false,
    });
  } else {
    // Fetched in parallel, run in order (as two <script defer> tags would).
    await Promise.all(['/dist/article-comments.min.js', '/dist/article-comments-waline.min.js'].map((src) => load('script', {src, async: false})));
    const widget = document.createElement('article-comments');
    widget.thread = path;
    widget.setAttribute('page-size', '10');
    widget.adapter = new ArticleComments.WalineAdapter({serverURL, pollInterval: 0});
    document.getElementById('comments').append(widget);
  }
})().catch((error) => (window.result = {error: String(error)}));
