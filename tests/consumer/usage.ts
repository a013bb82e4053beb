// How a developer uses the package from TypeScript; type-checked against
// dist/*.d.ts by scripts/check-package.mjs (not run).
import {MemoryAdapter, ManualClock, type CommentRecord} from 'article-comments';
import type {CommentAdapter} from 'article-comments/classes';

const comments: CommentRecord[] = [
  {id: 'c1', parentId: null, author: {name: 'Tifosi_1947'}, body: 'Text', createdAt: '2026-11-24T18:03:00Z'},
];
const widget = document.createElement('article-comments');
widget.thread = 'ferrari-leapmotor';
widget.sort = 'oldest';
widget.clock = new ManualClock('2026-11-25T14:03:00Z');
const adapter: CommentAdapter = new MemoryAdapter({'ferrari-leapmotor': comments});
widget.adapter = adapter;
widget.addEventListener('comment-posted', (event) => console.log(event.comment.id, event.thread));
widget.addEventListener('comments-data-error', (event) => event.errors.map((error) => error.code));
document.addEventListener('comment-send', (event) => event.draft.body.length > 0 || event.preventDefault());

const composer = document.querySelector('comment-reply');
composer?.addEventListener('comment-post-failed', (event) => console.log(event.error.kind));
void composer?.send();
