/** The thread model and the layout decisions, without a page: plain functions and objects. */
import {expect} from '@open-wc/testing';
import type {Comment} from '../src/model/comment.js';
import {REPLIES_PAGE, clampDepth, excerpt, flatReplies, listsFlat, revealIndex, revealMore, revealed, textBlocks} from '../src/model/layout.js';
import {parseComments} from '../src/model/parse.js';
import {ThreadTree} from '../src/model/thread-tree.js';
import {badgeOf, canReply, noticeOf, showsAuthor, showsText} from '../src/model/visibility.js';
import {record} from './harness.js';

const comments = (...records: Parameters<typeof record>[0][]): Comment[] => parseComments(records.map(record)).comments;

describe('the thread tree', () => {
  it('keeps every untouched node and replaces exactly the path of a change', () => {
    const tree = new ThreadTree('oldest');
    tree.upsert(comments({id: 'a', createdAt: '2026-11-25T10:00:00Z'}, {id: 'a1', parentId: 'a'}, {id: 'b', createdAt: '2026-11-25T11:00:00Z'}, {id: 'b1', parentId: 'b'}));
    const [a, b] = tree.roots;
    const b1 = tree.node('b1')!;
    tree.upsert(comments({id: 'a2', parentId: 'a1'}));
    expect(tree.roots[1]).to.equal(b);
    expect(tree.node('b1')).to.equal(b1);
    expect(tree.roots[0]).not.to.equal(a);
    expect(tree.node('a')!.replyCount).to.equal(2);
    // How the reader arranges a comment is part of its node, and of its ancestors' identity.
    tree.setView('b1', {bodyExpanded: true});
    expect(tree.roots[1]).not.to.equal(b);
    expect(tree.node('b1')!.view).to.deep.equal({bodyExpanded: true});
    const unchanged = tree.roots[1];
    tree.setView('b1', {bodyExpanded: true});
    expect(tree.roots[1]).to.equal(unchanged);
  });

  it('moves a reply under its parent when the parent arrives later, and names a quoted comment once loaded', () => {
    const tree = new ThreadTree('newest');
    tree.upsert(comments({id: 'child', parentId: 'late', quote: {text: 'Satz', source: 'late'}}));
    expect(tree.roots.map((node) => node.comment.id)).to.deep.equal(['child']);
    expect(tree.node('child')!.quoted).to.equal(null);
    tree.upsert(comments({id: 'late'}));
    expect(tree.roots.map((node) => node.comment.id)).to.deep.equal(['late']);
    expect(tree.pathTo('child')).to.deep.equal(['late', 'child']);
    expect(tree.node('child')!.quoted!.id).to.equal('late');
  });

  it('never closes a circle, and builds a chain 10,000 deep without recursion', () => {
    const tree = new ThreadTree();
    tree.upsert(comments({id: 'x', parentId: 'y'}));
    // y answers x, which (waiting for y) answers y: the tree keeps x at the top level.
    tree.upsert([{...comments({id: 'y'})[0], parentId: 'x'}]);
    expect(tree.roots.length).to.equal(1);
    const chain = parseComments(Array.from({length: 10_000}, (_, i) => record({id: `n${i}`, parentId: i ? `n${i - 1}` : null}))).comments;
    const deep = new ThreadTree();
    deep.upsert(chain);
    expect(deep.roots[0].replyCount).to.equal(9999);
    expect(flatReplies(deep.roots[0])).to.have.length(9999);
  });

  it('counts published, readable comments only', () => {
    const tree = new ThreadTree();
    tree.upsert(comments({id: 'p'}, {id: 'q', status: 'pending'}, {id: 'd', status: 'deleted'}));
    expect(tree.publishedCount).to.equal(1);
    tree.upsert(comments({id: 'q', status: 'published'}));
    expect(tree.publishedCount).to.equal(2);
  });
});

describe('layout decisions', () => {
  it('indents up to max-depth (0–8), then lists flat', () => {
    expect([clampDepth(3), clampDepth(-1), clampDepth(50), clampDepth(Number.NaN)]).to.deep.equal([3, 0, 8, 3]);
    expect([listsFlat(2, {maxDepth: 3, collapsed: false}), listsFlat(3, {maxDepth: 3, collapsed: false})]).to.deep.equal([false, true]);
  });

  it('reveals a page of replies, more on request, and a window around a permalink target', () => {
    const tree = new ThreadTree();
    tree.upsert(comments({id: 'r'}, ...Array.from({length: 3000}, (_, i) => ({id: `c${i}`, parentId: 'r'}))));
    const node = tree.node('r')!;
    expect(revealed(node, 3000)).to.deep.equal([[0, REPLIES_PAGE]]);
    expect(revealMore(node, 3000, 0)).to.deep.equal([[0, 2 * REPLIES_PAGE]]);
    expect(revealIndex(node, 3000, 10)).to.equal(null);
    const window = revealIndex(node, 3000, 2500)!;
    expect(window).to.deep.equal([[0, REPLIES_PAGE], [2490, 2540]]);
    tree.setView('r', {ranges: window});
    expect(revealMore(tree.node('r')!, 3000, 0)).to.deep.equal([[0, 2000], [2490, 2540]]);
    tree.setView('r', {ranges: [[0, 2000], [1990, 2540]]});
    expect(revealed(tree.node('r')!, 3000)).to.deep.equal([[0, 2540]]);
  });

  it('shortens long texts at a word and reads only their start', () => {
    expect(excerpt('Kurz.')).to.equal(null);
    expect(excerpt('Wort '.repeat(340))).to.equal(null);
    const long = excerpt('Wort '.repeat(10_000))!;
    expect(long.length).to.be.within(1200, 1510);
    expect(long.endsWith('Wort …')).to.equal(true);
    const lines = excerpt(Array.from({length: 40}, (_, i) => `Zeile ${i}`).join('\n'))!;
    expect(lines.split('\n')).to.have.length(12);
    // No half of a surrogate pair at the cut.
    expect(excerpt('😀'.repeat(2000))!).to.match(/^(😀)+ …$/u);
  });

  it('splits a very long text into paragraphs and blocks at whitespace', () => {
    const blocks = textBlocks(`Eins\n\n${'lang '.repeat(2000)}\n\nDrei`);
    expect(blocks[0]).to.deep.equal({text: 'Eins', continued: false});
    expect(blocks.length).to.be.greaterThan(3);
    expect(blocks.slice(2, -1).every((block) => block.continued)).to.equal(true);
    expect(blocks.at(-1)).to.deep.equal({text: 'Drei', continued: false});
    // Nothing lost or doubled at the cuts.
    expect(blocks.slice(1, -1).map((block) => block.text).join('') === 'lang '.repeat(2000)).to.equal(true);
  });
});

describe('what a reader may see and do', () => {
  const [published, pending, deleted, removed, staff] = comments(
    {id: 'a'},
    {id: 'b', status: 'pending'},
    {id: 'c', status: 'deleted'},
    {id: 'd', status: 'removed'},
    {id: 'e', author: {name: 'Redakteurin', role: 'staff'}}
  );

  it('shows a pending text only to its author, hides deleted and removed authors', () => {
    expect([showsText(published, false), showsText(pending, false), showsText(pending, true)]).to.deep.equal([true, false, true]);
    expect([noticeOf(pending, false), noticeOf(pending, true), noticeOf(deleted, false), noticeOf(removed, false)]).to.deep.equal([
      'pending',
      'pending-own',
      'deleted',
      'removed',
    ]);
    expect([showsAuthor(deleted), showsAuthor(removed), showsAuthor(pending)]).to.deep.equal([false, false, true]);
  });

  it('lets readers answer published comments of an open discussion only; badges come from the role', () => {
    expect([canReply(published, false), canReply(published, true), canReply(pending, false)]).to.deep.equal([true, false, false]);
    expect([badgeOf(staff), badgeOf(published)]).to.deep.equal(['staff', null]);
  });
});
