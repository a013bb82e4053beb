/**
 * The signed-in reader as a backend describes it (`Viewer`), checked like
 * any record: untrusted until read here.
 */
import type {Viewer} from '../adapters/adapter.js';
import {ROLES, type Role} from './comment.js';
import {isRecord} from './is-record.js';
import {readId} from './parse.js';

/**
 * A `Viewer` from an untrusted value: null for "nobody signed in" (null, or
 * anything without an id and a name), undefined when the value says nothing
 * (undefined). An unknown role is a reader's; an e-mail that is not one is
 * left out.
 */
export function parseViewer(value: unknown): Viewer | null | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) return null;
  const id = readId(value.id);
  const name = typeof value.name === 'string' ? value.name.trim() : '';
  if (id === undefined || name === '') return null;
  const viewer: Viewer = {id, name, role: ROLES.includes(value.role as Role) ? (value.role as Role) : 'reader'};
  if (typeof value.email === 'string' && isEmail(value.email)) viewer.email = value.email.trim();
  return viewer;
}

/** The same reader (id, name, role, e-mail): a repeat of the same state is no change. */
export function sameViewer(a: Viewer | null | undefined, b: Viewer | null | undefined): boolean {
  if (!a || !b) return a === b;
  return a.id === b.id && a.name === b.name && a.role === b.role && a.email === b.email;
}

/** An address mail can go to: one @, a dot in the domain, no spaces; at most 254 characters. */
export function isEmail(value: string): boolean {
  const email = value.trim();
  return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(email);
}
