import {expect} from '@open-wc/testing';
import {compareTopLevel} from '../src/model/order.js';
import {parseComments} from '../src/model/parse.js';
import {parseCounts, parseReactionState} from '../src/model/reactions.js';
import {record} from './harness.js';

describe('reactions and staff flags in the comment format', () => {
  it('default to no reactions and no flags', () => {
    const {comments, errors} = parseComments([record({id: 'a'})]);
    expect(errors).to.have.length(0);
    expect(comments[0]).to.include({reactions: 0, reacted: false, featured: false, pinned: false});
  });

  it('read counts, flags and the expert role as given', () => {
    const {comments, errors} = parseComments([
      {...record({id: 'a', author: {name: 'Dr. Wolf', role: 'expert'}}), reactions: 1234, reacted: true, featured: true, pinned: true},
    ]);
    expect(errors).to.have.length(0);
    expect(comments[0]).to.include({reactions: 1234, reacted: true, featured: true, pinned: true});
    expect(comments[0].author.role).to.equal('expert');
  });

  it('treat bad values as data errors and fall back to the default, never to a badge', () => {
    const bad = [-1, 1.5, '3', Number.NaN, Infinity];
    const records = bad.map((reactions, i) => ({...record({id: `r${i}`}), reactions}));
    records.push({...record({id: 'f'}), reacted: 'ja', featured: 1, pinned: 'true'} as never);
    const {comments, errors} = parseComments(records);
    expect(comments.map((c) => c.reactions)).to.deep.equal([0, 0, 0, 0, 0, 0]);
    expect(comments.at(-1)).to.include({reacted: false, featured: false, pinned: false});
    expect(errors.map((e) => [e.code, e.details.field])).to.deep.equal([
      ...bad.map(() => ['invalid-field', 'reactions']),
      ['invalid-field', 'reacted'],
      ['invalid-field', 'featured'],
      ['invalid-field', 'pinned'],
    ]);
  });
});

describe('answers about reactions and counts', () => {
  it('take a reaction state only with a count and a boolean', () => {
    expect(parseReactionState({reactions: 3, reacted: true, extra: 1})).to.deep.equal({reactions: 3, reacted: true});
    for (const bad of [null, [], {reactions: -1, reacted: true}, {reactions: 2, reacted: 'ja'}, {reactions: '2', reacted: false}]) {
      expect(parseReactionState(bad), JSON.stringify(bad)).to.equal(undefined);
    }
  });

  it('take the counts asked for and leave out what is missing or wrong', () => {
    const counts = parseCounts({a: 6, b: 0, c: -1, d: '4', e: 1.5, x: 9, __proto__: 5}, ['a', 'b', 'c', 'd', 'e', 'f', '__proto__']);
    expect(Object.fromEntries(counts)).to.deep.equal({a: 6, b: 0});
    expect(parseCounts(null, ['a']).size).to.equal(0);
  });
});

describe('the order of top-level comments', () => {
  const at = (minute: number) => Date.UTC(2026, 10, 25, 12, minute);
  const comments = [
    {id: 'a', createdAt: at(1), reactions: 2, pinned: false},
    {id: 'b', createdAt: at(2), reactions: 5, pinned: false},
    {id: 'c', createdAt: at(3), reactions: 2, pinned: false},
    {id: 'd', createdAt: null, reactions: 2, pinned: false},
    {id: 'e', createdAt: at(0), reactions: 0, pinned: true},
  ];
  const order = (sort: 'newest' | 'oldest' | 'reactions') => [...comments].sort(compareTopLevel(sort)).map((c) => c.id);

  it('puts pinned comments first, then sorts; ties newest first; comments without a date last among equals', () => {
    expect(order('newest')).to.deep.equal(['e', 'c', 'b', 'a', 'd']);
    expect(order('oldest')).to.deep.equal(['e', 'a', 'b', 'c', 'd']);
    expect(order('reactions')).to.deep.equal(['e', 'b', 'c', 'a', 'd']);
  });
});
