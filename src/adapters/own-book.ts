/**
 * Who wrote what, for an adapter without a server (memory, browser storage):
 * the signed-in reader (`Viewer`), which comments are whose (their account,
 * or this browser for readers not signed in), what each author may still do
 * (edit window, undo window), reply notifications, and the mail a backend
 * would send for them (`outbox`: sending is a backend's job).
 */
import type {Viewer} from './adapter.js';
import {isRecord} from '../model/is-record.js';

/** The owner of a comment written by a reader who was not signed in: this browser. */
export const BROWSER = 'browser';

/** A mail a backend would send: someone answered a comment whose author asked to hear of it. */
export interface Mail {
  to: string;
  thread: string;
  commentId: string;
  replyId: string;
  subject: string;
  text: string;
}

export class OwnBook {
  viewer: Viewer | null;
  /** Per thread and comment: `viewer:<id>`, or BROWSER. */
  readonly owners = new Map<string, string>();
  /** Per thread and idempotency key: the record an edit stored. */
  readonly edits = new Map<string, unknown>();
  /** Per thread and comment: the record before it was deleted, and until when it can come back. */
  readonly deleted = new Map<string, {record: unknown; until: number}>();
  /** Per thread and comment: where reply notifications go. */
  readonly subscriptions = new Map<string, string>();
  readonly outbox: Mail[] = [];

  constructor(viewer: Viewer | null = null) {
    this.viewer = viewer;
  }

  static key(thread: string, id: string): string {
    return `${thread}\u0000${id}`;
  }

  /** The owner a post gets now. */
  get current(): string {
    return this.viewer ? `viewer:${this.viewer.id}` : BROWSER;
  }

  /**
   * Whether the reader now may change the comment: the signed-in author
   * (by the account in the record, or the owner it was posted as), or this
   * browser for a comment posted here while not signed in.
   */
  isOwn(thread: string, id: string, record: unknown): boolean {
    const owner = this.owners.get(OwnBook.key(thread, id));
    if (this.viewer) {
      const account = isRecord(record) && isRecord(record.author) ? record.author.id : undefined;
      return owner === this.current || (account !== undefined && account !== null && String(account) === this.viewer.id);
    }
    return owner === BROWSER;
  }
}
