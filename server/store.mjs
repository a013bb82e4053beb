// The reference server's store (server/reference-server.mjs): threads of
// comments in insertion order, each with a change sequence, idempotency keys,
// reports, reactions and what only the server knows about authors' comments;
// kept in memory, or in a JSON file for the demo.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';
import {applyReaction} from './reactions.mjs';

/** The store: threads of comments in insertion order, with a change sequence per thread. */
export class Store {
  constructor({dataFile, seed = {}}) {
    this.dataFile = dataFile;
    this.threads = new Map();
    let saved;
    try {
      saved = dataFile ? JSON.parse(readFileSync(dataFile, 'utf8')) : undefined;
    } catch {
      saved = undefined;
    }
    for (const [thread, data] of Object.entries(saved ?? {})) {
      this.threads.set(thread, {
        comments: new Map(data.comments.map((c) => [c.id, c])),
        sequence: data.sequence,
        changes: new Map(Object.entries(data.changes ?? {})),
        keys: new Map(Object.entries(data.keys ?? {})),
        reports: data.reports ?? [],
        reportKeys: new Map(Object.entries(data.reportKeys ?? {})),
        discussion: data.discussion ?? {closed: false},
        discussionChange: data.discussionChange ?? 0,
        reactions: new Map(Object.entries(data.reactions ?? {})),
        pins: new Map(Object.entries(data.pins ?? {})),
        authors: new Map(Object.entries(data.authors ?? {})),
        editKeys: new Map(Object.entries(data.editKeys ?? {})),
      });
    }
    for (const [thread, records] of Object.entries(seed)) {
      const t = this.thread(thread);
      if (t.comments.size === 0) for (const record of records) this.put(thread, {status: 'published', parentId: null, ...record});
    }
  }

  thread(id) {
    let thread = this.threads.get(id);
    if (!thread) {
      thread = {
        comments: new Map(),
        sequence: 0,
        changes: new Map(),
        keys: new Map(),
        reports: [],
        reportKeys: new Map(),
        // How it closes ({closed, closedMessage, closesAt}, and its mode), and the change sequence it last changed at.
        discussion: {closed: false},
        discussionChange: 0,
        // Per comment: its reactions ({reader, from, to}) and when it was pinned or unpinned (server/reactions.mjs).
        reactions: new Map(),
        pins: new Map(),
        // Per comment, what only the server knows: where reply notifications go, deletions that may be undone (server/own-comments.mjs).
        authors: new Map(),
        // Edits by idempotency key: the first answer.
        editKeys: new Map(),
      };
      this.threads.set(id, thread);
    }
    return thread;
  }

  /** Adds or replaces a comment and records the change. */
  put(threadId, comment) {
    const thread = this.thread(threadId);
    thread.comments.set(comment.id, comment);
    thread.sequence += 1;
    thread.changes.set(comment.id, thread.sequence);
    this.save();
    return thread.sequence;
  }

  /** Sets a reader's reaction; the change number it got, or 0 when nothing changed. */
  react(threadId, id, reader, reacted) {
    const thread = this.thread(threadId);
    if (!applyReaction(thread, id, reader, reacted, thread.sequence + 1)) return 0;
    thread.sequence += 1;
    thread.changes.set(id, thread.sequence);
    this.save();
    return thread.sequence;
  }

  /** Replaces how a discussion closes (its mode and loginRequired stay unless given) and records the change. */
  setDiscussion(threadId, {closed, closedMessage, closesAt, mode, loginRequired}) {
    const thread = this.thread(threadId);
    const previousMode = thread.discussion.mode;
    const login = typeof loginRequired === 'boolean' ? loginRequired : thread.discussion.loginRequired === true;
    thread.discussion = {closed: closed === true};
    if (login) thread.discussion.loginRequired = true;
    if (typeof closedMessage === 'string') thread.discussion.closedMessage = closedMessage;
    if (typeof closesAt === 'string') thread.discussion.closesAt = closesAt;
    const newMode = mode === 'qa' || mode === 'comments' ? mode : previousMode;
    if (newMode === 'qa') thread.discussion.mode = 'qa';
    thread.sequence += 1;
    thread.discussionChange = thread.sequence;
    this.save();
    return thread.sequence;
  }

  save() {
    if (!this.dataFile) return;
    const data = {};
    for (const [id, t] of this.threads) {
      data[id] = {
        comments: [...t.comments.values()],
        sequence: t.sequence,
        changes: Object.fromEntries(t.changes),
        keys: Object.fromEntries(t.keys),
        reports: t.reports,
        reportKeys: Object.fromEntries(t.reportKeys),
        discussion: t.discussion,
        discussionChange: t.discussionChange,
        reactions: Object.fromEntries(t.reactions),
        pins: Object.fromEntries(t.pins),
        authors: Object.fromEntries(t.authors),
        editKeys: Object.fromEntries(t.editKeys),
      };
    }
    mkdirSync(dirname(this.dataFile), {recursive: true});
    writeFileSync(this.dataFile, JSON.stringify(data));
  }
}
