import {expect} from '@open-wc/testing';
import {parseComments} from '../src/model/parse.js';
import {characterCount, linkify, toParagraphs, truncate} from '../src/model/text.js';
import {buildThread} from '../src/model/thread-tree.js';
import {validateDraft} from '../src/model/validate.js';
import {formatNumber, plural} from '../src/i18n/de.js';
import {record} from './harness.js';

describe('model: thread building', () => {
  const {comments} = parseComments([
    record({id: 'a', createdAt: '2026-11-25T10:00:00Z'}),
    record({id: 'b', createdAt: '2026-11-25T12:00:00Z'}),
    record({id: 'a2', parentId: 'a', createdAt: '2026-11-25T13:00:00Z'}),
    record({id: 'a1', parentId: 'a', createdAt: '2026-11-25T11:00:00Z'}),
    record({id: 'a11', parentId: 'a1', createdAt: '2026-11-25T11:30:00Z'}),
    record({id: 'x', parentId: 'missing', createdAt: '2026-11-25T09:00:00Z'}),
    record({id: 'gone', status: 'deleted', createdAt: '2026-11-25T08:00:00Z'}),
  ]);

  it('orders the top level by the chosen sort and replies oldest first', () => {
    const newest = buildThread(comments, 'newest');
    expect(newest.roots.map((n) => n.comment.id)).to.deep.equal(['b', 'a', 'x', 'gone']);
    expect(newest.node('a')!.children.map((n) => n.comment.id)).to.deep.equal(['a1', 'a2']);
    const oldest = buildThread(comments, 'oldest');
    expect(oldest.roots.map((n) => n.comment.id)).to.deep.equal(['gone', 'x', 'a', 'b']);
  });

  it('knows depths, reply counts and what counts as a published comment', () => {
    const thread = buildThread(comments, 'newest');
    expect(thread.pathTo('a11')).to.deep.equal(['a', 'a1', 'a11']);
    expect(thread.node('a')!.replyCount).to.equal(3);
    expect(thread.node('a1')!.replyCount).to.equal(1);
    expect(thread.publishedCount).to.equal(6);
  });

  it('survives a reply chain thousands deep', () => {
    const deep = Array.from({length: 5000}, (_, i) => record({id: `n${i}`, parentId: i ? `n${i - 1}` : null}));
    const thread = buildThread(parseComments(deep).comments, 'newest');
    expect(thread.pathTo('n4999')).to.have.length(5000);
    expect(thread.roots[0].replyCount).to.equal(4999);
  });
});

describe('model: text', () => {
  it('splits paragraphs on blank lines and keeps single line breaks', () => {
    const paragraphs = toParagraphs('Eins\nzwei\r\n\r\n\n  \nDrei\n');
    expect(paragraphs.map((segments) => segments.map((s) => s.text).join(''))).to.deep.equal(['Eins\nzwei', 'Drei']);
  });

  it('links only http(s) URLs and leaves sentence punctuation outside', () => {
    expect(linkify('Siehe https://example.com/a.')).to.deep.equal([
      {type: 'text', text: 'Siehe '},
      {type: 'link', text: 'https://example.com/a', href: 'https://example.com/a'},
      {type: 'text', text: '.'},
    ]);
    expect(linkify('(https://de.wikipedia.org/wiki/Ferrari_(Automobilhersteller))')[1]).to.include({
      text: 'https://de.wikipedia.org/wiki/Ferrari_(Automobilhersteller)',
    });
    expect(linkify('javascript:alert(1) data:text/html,x')).to.deep.equal([
      {type: 'text', text: 'javascript:alert(1) data:text/html,x'},
    ]);
  });

  it('counts characters by code point and shortens at a word', () => {
    expect(characterCount('Ä😀ß')).to.equal(3);
    expect(truncate('Ein ziemlich langer Satz über Ferrari', 20)).to.equal('Ein ziemlich langer …');
  });
});

describe('model: draft validation', () => {
  it('names each problem in German', () => {
    expect(validateDraft({name: '', body: ' '})).to.deep.equal({
      name: 'Bitte geben Sie einen Namen an.',
      body: 'Bitte schreiben Sie einen Kommentar.',
    });
    expect(validateDraft({name: 'A', body: 'x'.repeat(11)}, {maxLength: 10, requireName: true}).body).to.equal(
      'Ihr Kommentar ist 11 Zeichen lang – erlaubt sind höchstens 10.'
    );
    expect(validateDraft({name: '', body: 'ok'}, {maxLength: 10, requireName: false})).to.deep.equal({});
    expect(validateDraft({name: 'n'.repeat(61), body: 'ok'}).name).to.equal('Der Name darf höchstens 60 Zeichen lang sein.');
  });
});

describe('German numbers and plurals', () => {
  it('group digits with dots and use the singular only for one', () => {
    expect([0, 7, 999, 1000, 2000, 12345, 1234567, -1500].map(formatNumber)).to.deep.equal([
      '0',
      '7',
      '999',
      '1.000',
      '2.000',
      '12.345',
      '1.234.567',
      '-1.500',
    ]);
    expect([0, 1, 2, 1000].map((n) => plural(n, 'Antwort', 'Antworten'))).to.deep.equal([
      '0\u00a0Antworten',
      '1\u00a0Antwort',
      '2\u00a0Antworten',
      '1.000\u00a0Antworten',
    ]);
  });
});
