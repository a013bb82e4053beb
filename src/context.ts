/**
 * The context keys `<article-comments>` provides to everything inside it, so
 * a `<comment-reply>` anywhere below finds its backend and discussion without
 * wiring. Keys are strings, so two copies of the library on one page (the
 * script-tag file and an ES module build) still find each other.
 */
import {createContext} from '@lit/context';
import type {CommentAdapter, Viewer} from './adapters/adapter.js';
import type {Locale} from './i18n/locale.js';
import type {Clock} from './time/clock.js';

export const adapterContext = createContext<CommentAdapter | undefined>('article-comments:adapter');

/** What a composer needs to know about the discussion it writes into. */
export interface DiscussionState {
  thread: string;
  closed: boolean;
  /** The closed notice: the publisher's or backend's words, else the default. */
  closedMessage: string;
  /** The publisher's netiquette and privacy pages, named beside "Senden" (empty: not named). */
  netiquetteUrl: string;
  privacyUrl: string;
  /** Question mode: the composer asks for a question. */
  qa: boolean;
  maxLength: number;
  requireName: boolean;
  clock: Clock;
  /** The signed-in reader: the composer writes as them (no name field). Null: nobody signed in. */
  viewer: Viewer | null;
  /** Only signed-in readers may write: the composer offers `loginUrl` instead of "Senden". */
  loginRequired: boolean;
  /** The publisher's login page, `{return}` filled in with the way back; '' if not given. */
  loginUrl: string;
  /** The publisher's logout page ("Abmelden"); '' if not given. */
  logoutUrl: string;
  /** The backend takes reply notifications ("Bei Antworten per E-Mail benachrichtigen"). */
  notifications: boolean;
}

export const discussionContext = createContext<DiscussionState | undefined>('article-comments:discussion');

/** `next`, or `old` when nothing in it changed (consumers then see no change). */
export function sameState(old: DiscussionState | undefined, next: DiscussionState): DiscussionState {
  return old && (Object.keys(next) as (keyof DiscussionState)[]).every((key) => old[key] === next[key]) ? old : next;
}

/** The language of the `<article-comments>` around: a composer or report dialog inside speaks it too. */
export const localeContext = createContext<Locale | undefined>('article-comments:locale');
