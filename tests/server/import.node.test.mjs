// The package imported where there is no DOM (Node, a framework's server
// rendering, e.g. Next.js rendering a Client Component): importing must not
// fail, and the React wrappers render their tags.
import assert from 'node:assert/strict';
import {test} from 'node:test';

test('every entry of the package imports in plain Node without DOM globals', async () => {
  assert.equal(typeof globalThis.document, 'undefined');
  assert.equal(typeof globalThis.HTMLElement, 'undefined');
  for (const entry of ['index', 'classes', 'react/index', 'server/index']) {
    const module = await import(`../../dist/${entry}.js`);
    assert.ok(Object.keys(module).length > 0, entry);
  }
});

test('the React wrappers render their elements on a server', async (t) => {
  let renderToString;
  try {
    ({renderToString} = await import('react-dom/server'));
  } catch {
    t.skip('react-dom is not installed');
    return;
  }
  const {createElement} = await import('react');
  const {ArticleComments, CommentCount} = await import('../../dist/react/index.js');
  const html = renderToString(createElement('div', null, createElement(ArticleComments, {thread: 'x'}), createElement(CommentCount, {thread: 'x'})));
  assert.match(html, /<article-comments[^>]*><\/article-comments>/);
  assert.match(html, /<comment-count[^>]*><\/comment-count>/);
});
