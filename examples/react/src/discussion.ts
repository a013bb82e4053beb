import type {CommentRecord} from 'article-comments/classes';

export const discussion: CommentRecord[] = [
  {
    id: 'c1',
    parentId: null,
    author: {name: 'Tifosi_1947'},
    body: 'Gehört Ferrari nicht zu Fiat?',
    createdAt: '2026-11-24T17:03:00Z',
  },
  {
    id: 'c2',
    parentId: 'c1',
    author: {name: 'M. Brenner'},
    body: 'Nicht mehr, das war mal so.',
    createdAt: '2026-11-24T17:41:00Z',
  },
];
