/**
 * German (de-DE), built in: the reading words, times and the count. The
 * parts loaded on demand bring their own German words, so they are not here.
 */
import {commentCountText} from './count.js';
import {de} from './de.js';
import {loadCatalogue, type Locale} from './locale.js';
import {germanTime} from '../time/relative-time.js';

export const GERMAN: Locale = {tag: 'de-DE', reading: de, time: germanTime, count: commentCountText};

/** The language for a tag: German at once, the others once their file is in. */
export function loadLocale(tag: string): Promise<Locale> {
  return loadCatalogue(tag) ?? Promise.resolve(GERMAN);
}
