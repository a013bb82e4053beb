/**
 * The German catalogue with every word, the parts' included: what the
 * Austrian and Swiss catalogues start from. (A German page never loads it:
 * there, each part brings its own words.)
 */
import {composerText} from '../composer.js';
import {commentCountText} from '../count.js';
import {de} from '../de.js';
import {formText} from '../forms.js';
import type {Catalogue} from '../locale.js';
import {reportDialogText} from '../report-dialog.js';
import {reportMessages} from '../report.js';
import {germanTime} from '../../time/relative-time.js';

export const germanCatalogue: Catalogue = {
  tag: 'de-DE',
  reading: de,
  time: germanTime,
  count: commentCountText,
  composer: composerText,
  forms: formText,
  reportDialog: reportDialogText,
  reportRules: reportMessages,
};

/** Every string of a catalogue (and every string a function of it returns) passed through `change`. */
export function mapWords<T>(value: T, change: (text: string) => string): T {
  if (typeof value === 'string') return change(value) as T;
  if (typeof value === 'function') {
    const wrapped = (...args: unknown[]) => mapWords((value as (...args: unknown[]) => unknown)(...args), change);
    return wrapped as T;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, mapWords(entry, change)])) as T;
  }
  return value;
}
