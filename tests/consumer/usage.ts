// How a developer uses the package from TypeScript; type-checked against
// dist/*.d.ts by scripts/check-package.mjs (not run).
import {MemoryAdapter, ManualClock, parseCounts, parseReactionState, parseReceipt, readerId, validateReport, type CommentRecord, type ReportRequest} from 'article-comments';
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

// Reports (DSA Art. 16): checked like the form checks them, taken where the backend can.
const report: ReportRequest = {
  thread: 'ferrari-leapmotor',
  commentId: 'c1',
  reason: 'illegal',
  details: 'Bedrohung (§ 241 StGB).',
  notice: {permalink: 'https://example.com/a#comment-c1', urls: [], name: 'P. Muster', email: 'p@example.com', childAbuse: false, goodFaith: true},
  idempotencyKey: 'k1',
};
const problems: string | undefined = validateReport(report).email;
if (adapter.capabilities?.report && !problems) void adapter.report?.(report).then((answer) => parseReceipt(answer)?.receivedAt);
const memory = new MemoryAdapter({}, {closing: {'ferrari-leapmotor': {closesAt: '2026-11-26T23:00:00Z'}}});
memory.setDiscussion('ferrari-leapmotor', {closed: true, closedMessage: 'Über Nacht geschlossen.'});
memory.reports('ferrari-leapmotor').map((stored) => stored.receivedAt);
adapter.subscribe?.('ferrari-leapmotor', (update) => (update.type === 'discussion' ? update.discussion.closesAt : update.comment));

// The report dialog: a typed element, its methods and events.
const reportDialog = document.createElement('comment-report');
reportDialog.adapter = adapter;
reportDialog.commentId = 'c1';
reportDialog.authorName = 'Tifosi_1947';
reportDialog.returnFocus = document.querySelector('button') ?? undefined;
void reportDialog.show().then(() => reportDialog.open && reportDialog.close());
reportDialog.addEventListener('comment-report', (event) => console.log(event.receipt.id, event.request.reason, event.request.notice?.email));
reportDialog.addEventListener('comment-report-failed', (event) => console.log(event.error.kind));
document.addEventListener('comment-report-close', (event) => event.receipt?.receivedAt ?? event.commentId);

// Reactions, staff flags, counts: one reaction per reader (the browser's id), checked answers.
const reader = readerId();
if (adapter.capabilities?.reactions) {
  void adapter.react?.({thread: 'ferrari-leapmotor', commentId: 'c1', readerId: reader, reacted: true}).then((answer) => parseReactionState(answer)?.reactions);
}
void adapter.load({thread: 'ferrari-leapmotor', cursor: null, sort: 'reactions', limit: 20, readerId: reader}).then((page) => page.discussion?.mode === 'qa');
memory.setFlags('ferrari-leapmotor', 'c1', {pinned: true});
void memory.counts({threads: ['a', 'b']}).then((counts) => parseCounts(counts, ['a', 'b']).get('a'));
const teaserCount = document.createElement('comment-count');
teaserCount.thread = 'ferrari-leapmotor';
teaserCount.href = '/artikel/ferrari-leapmotor';
teaserCount.adapter = adapter;
const shownCount: number | undefined = teaserCount.count;
void shownCount;
