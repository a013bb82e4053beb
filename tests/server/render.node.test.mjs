// `article-comments/server` in plain Node: no browser, no jsdom, no DOM
// globals. Runs on the built package (dist/server/index.js), as a publisher's
// server would import it: `node --test tests/server/` (part of `npm test`).
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {describe, it} from 'node:test';

assert.equal(typeof document, 'undefined', 'no DOM before the import');
assert.equal(typeof window, 'undefined', 'no window before the import');
const {renderDiscussion, commentsJsonLd, styleHashes} = await import('../../dist/server/index.js');

const NOW = Date.parse('2026-12-02T12:00:00Z');
const PAGE = 'https://www.auto-kurier.example/artikel/ferrari-leapmotor';
const minutesAgo = (minutes) => new Date(NOW - minutes * 60_000).toISOString();

/** HTML-escaped as Lit's server renderer escapes text. */
const escaped = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** The contents of every `<script type="…">` in `html`. */
function scripts(html, type) {
  return [...html.matchAll(/<script type="([^"]+)"[^>]*>([\s\S]*?)<\/script>/g)].filter((m) => m[1] === type).map((m) => m[2]);
}

/** Top-level `<article class="comment …">` ids in the shadow root, in order. */
const articleIds = (html) => [...html.matchAll(/<article\s+id="([^"]+)"/g)].map((m) => m[1]);

/** The shadow root only (without the JSON the element carries for the browser). */
const shadow = (html) => html.slice(html.indexOf('<template shadowroot'), html.indexOf('</template>'));

describe('renderDiscussion() in plain Node', () => {
  it('renders every comment of a discussion it has never seen, nested, and leaves no DOM globals behind', async () => {
    const id = () => randomUUID().slice(0, 8);
    const roots = Array.from({length: 6}, (_, i) => ({id: id(), author: {name: `Leser ${id()}`}, body: `Absatz ${id()}.\n\nNoch einer ${id()}.`, createdAt: minutesAgo(100 - i)}));
    const replies = roots.flatMap((root, i) => [
      {id: id(), parentId: root.id, author: {name: `Antwort ${id()}`}, body: `Antwort ${id()}`, createdAt: minutesAgo(50 - i)},
    ]);
    const deep = {id: id(), parentId: replies[5].id, author: {name: `Tief ${id()}`, role: 'staff'}, body: `Tiefer ${id()}`, createdAt: minutesAgo(5)};
    const comments = [...roots, ...replies, deep];
    const html = await renderDiscussion({thread: 'unseen', comments, pageUrl: PAGE, now: NOW});
    const inside = shadow(html);
    assert.match(inside, /<h2 id="heading"[^>]*>(<!--[^>]*-->)*13\u00a0Kommentare/);
    for (const comment of comments) {
      assert.ok(inside.includes(`id="comment-${comment.id}"`), `comment ${comment.id} is in the HTML`);
      assert.ok(inside.includes(escaped(comment.author.name)), `the name of ${comment.id}`);
      for (const paragraph of comment.body.split('\n\n')) assert.ok(inside.includes(escaped(paragraph)), `the text of ${comment.id}`);
    }
    // Newest first; a reply is inside its parent's list item, the deepest one inside the reply's.
    const item = inside.slice(inside.indexOf(`id="comment-${roots[5].id}"`), inside.indexOf(`id="comment-${roots[4].id}"`));
    assert.ok(item.includes(`id="comment-${replies[5].id}"`) && item.includes(`id="comment-${deep.id}"`));
    assert.ok(inside.includes('>Redaktion<') || /part="badge"[^>]*>(<!--[^>]*-->)*Redaktion/.test(inside));
    // Times are dates, never "vor 5 Minuten", which a cached page would keep saying.
    assert.ok(!/>(<!--[^>]*-->)*(vor\s\d|vor\seine|gerade\seben)/.test(inside));
    assert.ok(inside.includes('Mittwoch, 2.\u00a0Dezember\u00a02026'));
    assert.equal(typeof document, 'undefined');
    assert.equal(typeof window, 'undefined');
  });

  it('renders the first page only, in the order asked for, with "Weitere Kommentare laden"', async () => {
    const comments = Array.from({length: 25}, (_, i) => ({id: `c${i + 1}`, author: {name: `L${i + 1}`}, body: `Text ${i + 1}`, createdAt: minutesAgo(25 - i)}));
    const newest = await renderDiscussion({thread: 'paged', comments, pageUrl: PAGE, now: NOW, pageSize: 10});
    assert.deepEqual(articleIds(newest).slice(0, 3), ['comment-c25', 'comment-c24', 'comment-c23']);
    assert.equal(articleIds(newest).length, 10);
    assert.match(newest, /part="load-more"/);
    const oldest = await renderDiscussion({thread: 'paged', comments, pageUrl: PAGE, now: NOW, pageSize: 10, sort: 'oldest'});
    assert.deepEqual(articleIds(oldest).slice(0, 2), ['comment-c1', 'comment-c2']);
    assert.match(oldest, /sort="oldest"/);
  });

  it('never throws on bad data, and shows what it dropped as the browser does', async () => {
    const bad = [
      null,
      'ein Text',
      42,
      {id: 'ok', author: {name: 'Gut'}, body: 'Lesbar', createdAt: minutesAgo(3)},
      {id: 'nobody', body: 'ohne Autor', createdAt: minutesAgo(2)},
      {id: 'loop-a', parentId: 'loop-b', author: {name: 'A'}, body: 'a', createdAt: minutesAgo(1)},
      {id: 'loop-b', parentId: 'loop-a', author: {name: 'B'}, body: 'b', createdAt: minutesAgo(1)},
      {id: 'ok', author: {name: 'Doppelt'}, body: 'Doppelt', createdAt: minutesAgo(1)},
    ];
    const html = await renderDiscussion({thread: 'bad', comments: bad, pageUrl: PAGE, now: NOW});
    assert.ok(html.includes('id="comment-ok"'));
    assert.match(shadow(html), /part="status"[^>]*>(<!--[^>]*-->)*\d+\u00a0Kommentare? konnten? nicht vollständig angezeigt werden/);
    for (const comments of [undefined, null, 'kein Array', {comments: 'nein'}]) {
      const empty = await renderDiscussion({thread: 'bad', comments, pageUrl: PAGE, now: NOW});
      assert.match(empty, /Schreiben Sie den ersten Kommentar/);
    }
    const page = await renderDiscussion({thread: 'bad', src: 'https://api.example/comments', page: {comments: 'x', nextCursor: 5}, pageUrl: PAGE, now: NOW});
    assert.match(page, /Schreiben Sie den ersten Kommentar/);
  });

  it('writes JSON that no comment text can end or comment out: </script>, <!-- and friends', async () => {
    const hostile = '</script><script>alert(1)</script><!-- </SCRIPT > <\u2028 & "';
    const comments = [
      {id: 'h1', author: {name: hostile}, body: hostile, createdAt: minutesAgo(2)},
      {id: 'h2', parentId: 'h1', author: {name: '<!--'}, body: '-->', createdAt: minutesAgo(1)},
    ];
    const html = await renderDiscussion({thread: 'hostile', comments, pageUrl: PAGE, now: NOW});
    const [ld] = scripts(html, 'application/ld+json');
    const [data] = scripts(html, 'application/json');
    for (const json of [ld, data]) {
      assert.ok(!/<\/script|<!--|-->/i.test(json), 'nothing in the JSON can end the script or open a comment');
    }
    assert.equal(JSON.parse(ld)[0].author.name, hostile);
    assert.equal(JSON.parse(ld)[0].text, hostile);
    assert.equal(JSON.parse(data).comments[0].body, hostile);
    // Exactly the two scripts the server writes, each ended where it should.
    assert.equal((html.match(/<script/gi) ?? []).length, 2);
    assert.ok(!shadow(html).includes('<script'));
  });

  it('describes published comments as schema.org Comment items, and no others', async () => {
    const comments = [
      {id: 'p', author: {name: 'Anna'}, body: 'Veröffentlicht', createdAt: minutesAgo(9), reactions: 4},
      {id: 'r', parentId: 'p', author: {name: 'Ben'}, body: 'Antwort', createdAt: minutesAgo(8), editedAt: minutesAgo(7)},
      ...['pending', 'deleted', 'removed', 'rejected'].map((status, i) => ({id: status, author: {name: status}, body: status, createdAt: minutesAgo(6 - i), status})),
    ];
    const items = commentsJsonLd(comments, {pageUrl: `${PAGE}#oben`});
    assert.deepEqual(
      items.map((item) => item.url),
      [`${PAGE}#comment-p`, `${PAGE}#comment-r`]
    );
    assert.deepEqual(items[0], {
      '@context': 'https://schema.org',
      '@type': 'Comment',
      '@id': `${PAGE}#comment-p`,
      url: `${PAGE}#comment-p`,
      author: {'@type': 'Person', name: 'Anna'},
      text: 'Veröffentlicht',
      about: {'@id': PAGE},
      datePublished: minutesAgo(9).replace('Z', '.000Z').replace('.000.000Z', '.000Z'),
      upvoteCount: 4,
    });
    assert.deepEqual(items[1].parentItem, {'@id': `${PAGE}#comment-p`});
    assert.ok(items[1].dateModified);
    const html = await renderDiscussion({thread: 'ld', comments, pageUrl: PAGE, now: NOW});
    assert.equal(JSON.parse(scripts(html, 'application/ld+json')[0]).length, 2);
    const none = await renderDiscussion({thread: 'ld', comments, pageUrl: PAGE, now: NOW, jsonLd: false});
    assert.equal(scripts(none, 'application/ld+json').length, 0);
  });

  it('with a backend: renders its first page and hands the browser the page and cursor, not every record', async () => {
    const page = {
      comments: [{id: 'b1', author: {name: 'Vom Server'}, body: 'Erste Seite', createdAt: minutesAgo(4)}],
      nextCursor: 'cursor-2',
      total: 31,
      changeToken: 'token-7',
    };
    const html = await renderDiscussion({thread: 'rest', src: 'https://api.example/comments', page, pageUrl: PAGE, now: NOW, pageSize: 1});
    assert.match(html, /src="https:\/\/api.example\/comments"/);
    assert.match(shadow(html), /31\u00a0Kommentare/);
    assert.match(shadow(html), /part="load-more"/);
    const [first] = [...html.matchAll(/<script type="application\/json" data-first-page>([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
    assert.deepEqual(first, page);
  });

  it('puts nothing in the page that only moderators and authors may read', async () => {
    const secret = (what) => `GEHEIM-${what}-${randomUUID()}`;
    const comments = [
      {id: 'ok', author: {name: 'Öffentlich'}, body: 'Sichtbar', createdAt: minutesAgo(9)},
      {id: 'p', author: {name: 'Wartende'}, body: secret('pending'), quote: {text: secret('quote'), source: 'article'}, createdAt: minutesAgo(8), status: 'pending'},
      {id: 'r', author: {name: secret('rejected-name')}, body: secret('rejected'), createdAt: minutesAgo(7), status: 'rejected'},
      {id: 'd', parentId: 'ok', author: {name: secret('deleted-name')}, body: secret('deleted'), createdAt: minutesAgo(6), status: 'deleted'},
      {id: 'x', author: {name: secret('removed-name'), role: 'reader'}, body: secret('removed'), createdAt: minutesAgo(5), status: 'removed'},
    ];
    const html = await renderDiscussion({thread: 'moderated', comments, pageUrl: PAGE, now: NOW});
    assert.ok(!html.includes('GEHEIM'), 'no hidden text or name anywhere in the page, the embedded records included');
    const [data] = scripts(html, 'application/json');
    assert.deepEqual(JSON.parse(data).comments.map((record) => [record.id, record.status ?? 'published']), [
      ['ok', 'published'], ['p', 'pending'], ['r', 'rejected'], ['d', 'deleted'], ['x', 'removed'],
    ]);
    assert.ok(html.includes('Wartende'), 'a pending comment shows who wrote it, as in the browser');
  });

  it('takes a backend page with a broken discussion object without throwing', async () => {
    const page = {comments: [{id: 'z', author: {name: 'Z'}, body: 'Text', createdAt: minutesAgo(1)}], nextCursor: null, discussion: {closedMessage: 5, closed: 'ja', mode: 'quiz', closesAt: 'morgen'}};
    const html = await renderDiscussion({thread: 'broken', src: 'https://api.example/comments', page, pageUrl: PAGE, now: NOW});
    assert.ok(html.includes('id="comment-z"'));
    assert.match(shadow(html), /Schreiben Sie einen Kommentar/, 'not closed: "ja" is no boolean');
  });

  it('names the style hash a strict CSP needs for the first paint', () => {
    const [hash] = styleHashes();
    assert.match(hash, /^'sha256-[A-Za-z0-9+/]+=*'$/);
  });
});
