/**
 * Readers' reactions and the staff's flags (`featured`, `pinned`) held by an
 * adapter without a server (memory, browser storage).
 *
 * One reaction per reader and comment: setting the state a reader already
 * has changes nothing, so retries and double clicks never count twice.
 * Every change gets a number of the book's own sequence, and taken-back
 * reactions and earlier flags are kept with theirs, so a page can be placed
 * by the counts as they were when paging began (see keyset-cursor.ts).
 */

/** A reaction from `from` (a sequence number) until `to` (null: still there). */
interface Reaction {
  reader: string;
  from: number;
  to: number | null;
}

import type {Comment, SortOrder} from '../model/comment.js';
import {orderKey} from '../model/order.js';

export type Flag = 'featured' | 'pinned';
export type Flags = Partial<Record<Flag, boolean>>;

const active = (reaction: Reaction, asOf: number) => reaction.from <= asOf && (reaction.to === null || reaction.to > asOf);

export class ReactionBook {
  #sequence = 0;
  /** Per thread and comment. */
  #reactions = new Map<string, Map<string, Reaction[]>>();
  /** Per thread, comment and flag: the values set, with the sequence number of each, oldest first. */
  #flags = new Map<string, Map<string, Partial<Record<Flag, [number, boolean][]>>>>();

  #list(thread: string, commentId: string): readonly Reaction[] {
    return this.#reactions.get(thread)?.get(commentId) ?? [];
  }

  /** The current point of the sequence: what a cursor's `asOf` holds. */
  get now(): number {
    return this.#sequence;
  }

  /** Sets a reader's reaction; true if that changed anything. */
  set(thread: string, commentId: string, reader: string, reacted: boolean): boolean {
    let byComment = this.#reactions.get(thread);
    if (!byComment) this.#reactions.set(thread, (byComment = new Map()));
    const reactions = byComment.get(commentId) ?? [];
    const current = reactions.find((reaction) => reaction.reader === reader && reaction.to === null);
    if (reacted === (current !== undefined)) return false;
    if (current) current.to = ++this.#sequence;
    else reactions.push({reader, from: ++this.#sequence, to: null});
    byComment.set(commentId, reactions);
    return true;
  }

  /** How many readers had reacted at `asOf` (default: now). */
  count(thread: string, commentId: string, asOf = this.#sequence): number {
    let count = 0;
    for (const reaction of this.#list(thread, commentId)) if (active(reaction, asOf)) count++;
    return count;
  }

  has(thread: string, commentId: string, reader: string | undefined): boolean {
    if (reader === undefined) return false;
    return this.#list(thread, commentId).some((reaction) => reaction.reader === reader && reaction.to === null);
  }

  /** The readers who have reacted now. */
  readers(thread: string, commentId: string): string[] {
    return this.#list(thread, commentId)
      .filter((reaction) => reaction.to === null)
      .map((reaction) => reaction.reader);
  }

  /** Whether anything was ever set for this comment (else its record is served as it is). */
  touched(thread: string, commentId: string): boolean {
    return this.#reactions.get(thread)?.has(commentId) === true || this.#flags.get(thread)?.has(commentId) === true;
  }

  /** Sets the flags given; true if that changed anything. */
  setFlags(thread: string, commentId: string, flags: Flags, seed: Required<Flags>): boolean {
    let byComment = this.#flags.get(thread);
    if (!byComment) this.#flags.set(thread, (byComment = new Map()));
    const history = byComment.get(commentId) ?? {};
    let changed = false;
    for (const flag of ['featured', 'pinned'] as const) {
      const value = flags[flag];
      if (value === undefined || value === (history[flag]?.at(-1)?.[1] ?? seed[flag])) continue;
      (history[flag] ??= []).push([++this.#sequence, value]);
      changed = true;
    }
    if (changed) byComment.set(commentId, history);
    return changed;
  }

  /** The flags set at `asOf` (default: now); a flag never set is left out (the record's own holds). */
  flags(thread: string, commentId: string, asOf = this.#sequence): Flags {
    const history = this.#flags.get(thread)?.get(commentId);
    const flags: Flags = {};
    for (const flag of ['featured', 'pinned'] as const) {
      for (const [sequence, value] of history?.[flag] ?? []) if (sequence <= asOf) flags[flag] = value;
    }
    return flags;
  }

  /** Makes the readers who reacted to a comment exactly `readers`; true if that changed anything. */
  sync(thread: string, commentId: string, readers: readonly string[]): boolean {
    const wanted = new Set(readers);
    let changed = false;
    for (const reader of new Set([...wanted, ...this.readers(thread, commentId)])) {
      changed = this.set(thread, commentId, reader, wanted.has(reader)) || changed;
    }
    return changed;
  }

  /**
   * The record to hand out for a comment (checked for structure, with its
   * record): as it is, or a copy with the reactions and flags held here, and
   * `reacted` for `reader`. A record's own `reactions` count those given
   * elsewhere (the publisher's data); reactions here add to them.
   */
  view(thread: string, comment: Comment, record: unknown, reader: string | undefined): unknown {
    const reacted = this.has(thread, comment.id, reader);
    if (!this.touched(thread, comment.id) && reacted === comment.reacted) return record;
    const reactions = comment.reactions + this.count(thread, comment.id);
    return {...(record as object), reactions, reacted, featured: comment.featured, pinned: comment.pinned, ...this.flags(thread, comment.id)};
  }

  /** Where a top-level comment goes in `sort`, by its reactions and flags at `asOf`. */
  place(thread: string, comment: Comment, sort: SortOrder, asOf: number): {key: number[]; id: string} {
    const reactions = comment.reactions + this.count(thread, comment.id, asOf);
    const pinned = this.flags(thread, comment.id, asOf).pinned ?? comment.pinned;
    return {key: orderKey({...comment, reactions, pinned}, sort), id: comment.id};
  }
}
