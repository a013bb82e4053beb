/**
 * The reader's id for reactions ("Empfehlen"): readers without an account
 * are recognised per browser. A random id is kept in localStorage; it stands
 * for this browser, not for a person, and clearing the site's data forgets
 * it (a reaction given before then counts, and the reader may react once
 * more). Without storage (blocked, private windows) the id lasts for this
 * page.
 */
import {randomId} from '../adapters/random-id.js';
import {expected} from './safe-storage.js';

const KEY = 'article-comments:reader:v1';
let current: string | undefined;


/** This browser's reader id: the same for every widget, tab and visit while the site's data is kept. */
export function readerId(): string {
  if (current !== undefined) return current;
  let storage: Storage | undefined;
  try {
    storage = globalThis.localStorage ?? undefined;
    const saved = storage?.getItem(KEY);
    if (saved && /^[\w-]{8,100}$/.test(saved)) return (current = saved);
  } catch (error) {
    expected(error);
  }
  current = randomId('r');
  try {
    storage?.setItem(KEY, current);
  } catch (error) {
    expected(error);
  }
  return current;
}
