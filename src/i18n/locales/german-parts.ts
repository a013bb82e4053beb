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

/**
 * Every string of a catalogue, and every string a function of it returns, passed through `change`;
 * the string arguments of a function (a reader's name) come back as they were, unless
 * `keepArguments` is false (the time words, whose arguments are units, not readers' words).
 */
export function mapWords<T>(value: T, change: (text: string) => string, keepArguments = true): T {
  if (typeof value === 'string') return change(value) as T;
  if (typeof value === 'function' && !keepArguments) {
    return ((...args: unknown[]) => mapWords((value as (...args: unknown[]) => unknown)(...args), change)) as T;
  }
  if (typeof value === 'function') {
    const wrapped = (...args: unknown[]) => {
      // Each string argument goes in as a private-use character, untouched by `change`, and is put back after.
      const strings: string[] = [];
      const marked = args.map((arg) => (typeof arg === 'string' ? String.fromCharCode(0xe000 + strings.push(arg) - 1) : arg));
      const result = mapWords((value as (...args: unknown[]) => unknown)(...marked), change);
      return typeof result === 'string' ? result.replace(/[\ue000-\uf8ff]/g, (mark) => strings[mark.charCodeAt(0) - 0xe000] ?? mark) : result;
    };
    return wrapped as T;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, mapWords(entry, change, keepArguments)])) as T;
  }
  return value;
}
