/**
 * German relative time, as plain functions of (date, now).
 *
 * The wording ("vor 3 Tagen") comes from date-fns' German locale, which
 * knows the dative plural ("Tagen", not "Tage") that other widgets get
 * wrong. We call the locale's own `formatDistance` and `localize` with the
 * unit we picked, instead of date-fns' `formatDistanceStrict` and `format`:
 * those always bundle the full English locale as a fallback and the whole
 * token formatter, about four times the size of what we use.
 *
 * Two things the locale does not do the way a German newsroom writes them
 * (see docs/german-copy.md): one of a unit is a word ("vor einer Minute",
 * not "vor 1 Minute"), and the words of a time or a date are joined by
 * no-break spaces (U+00A0), so "vor 3 Tagen" or "24. November 2026" never
 * breaks across two lines.
 */
import {de as locale} from 'date-fns/locale/de';
import {de} from '../i18n/de.js';

/** No-break space: keeps "vor 3 Tagen" and "24. November 2026" on one line. */
const NBSP = '\u00a0';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** How far in the future a time may be and still read "gerade eben" (clock skew). */
const SKEW = 5 * MINUTE;

/** One of a unit, in words (the locale says "vor 1 Minute"). */
const ONE: Record<Unit, string> = {
  xMinutes: `vor${NBSP}einer${NBSP}Minute`,
  xHours: `vor${NBSP}einer${NBSP}Stunde`,
  xDays: `vor${NBSP}einem${NBSP}Tag`,
};

/** Where a time stands relative to now, and when that reading changes next. */
interface Reading {
  unit: 'now' | Unit | 'date';
  count: number;
  /** Epoch ms of the next moment the text changes, or null if it never does. */
  nextChange: number | null;
}

function read(date: number, now: number): Reading {
  const age = now - date;
  if (age < -SKEW) return {unit: 'date', count: 0, nextChange: date - SKEW};
  if (age < MINUTE) return {unit: 'now', count: 0, nextChange: date + MINUTE};
  if (age < HOUR) {
    const count = Math.floor(age / MINUTE);
    return {unit: 'xMinutes', count, nextChange: date + (count + 1) * MINUTE};
  }
  if (age < DAY) {
    const count = Math.floor(age / HOUR);
    return {unit: 'xHours', count, nextChange: date + (count + 1) * HOUR};
  }
  if (age < 7 * DAY) {
    const count = Math.floor(age / DAY);
    return {unit: 'xDays', count, nextChange: date + (count + 1) * DAY};
  }
  return {unit: 'date', count: 0, nextChange: null};
}

function month(date: Date): string {
  return locale.localize.month(date.getMonth() as never, {width: 'wide'});
}

/** "12. März 2025" (with no-break spaces), in the reader's time zone. */
export function formatDate(date: number): string {
  const d = new Date(date);
  return `${d.getDate()}.${NBSP}${month(d)}${NBSP}${d.getFullYear()}`;
}

/**
 * "Mittwoch, 25. November 2026, 14:03 Uhr", in the reader's time zone. The
 * date and "14:03 Uhr" each stay on one line; the line may break after a comma.
 */
export function formatFullDate(date: number): string {
  const d = new Date(date);
  const weekday = locale.localize.day(d.getDay() as never, {width: 'wide'});
  const time = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  return `${weekday}, ${formatDate(date)}, ${time}${NBSP}Uhr`;
}

/** The units a relative time counts in. */
export type Unit = 'xMinutes' | 'xHours' | 'xDays';

/**
 * How one language writes times: the words for "just now" and "n units
 * ago", and a date with and without weekday and time. Each locale brings
 * its own (src/i18n/locales/); German is built in.
 */
export interface TimeWords {
  justNow: string;
  /** "vor 5 Minuten", "5 minutes ago": `count` ≥ 1 whole units in the past. */
  ago(unit: Unit, count: number): string;
  /** "24. November 2026", in the reader's time zone. */
  date(date: number): string;
  /** "Mittwoch, 25. November 2026, 14:03 Uhr", in the reader's time zone. */
  fullDate(date: number): string;
}

/** German: one of a unit in words, the rest from date-fns' locale (dative plural), no-break spaces between. */
export const germanTime: TimeWords = {
  justNow: de.justNow,
  ago: (unit, count) => (count === 1 ? ONE[unit] : locale.formatDistance(unit, count, {addSuffix: true, comparison: -1}).replace(/ /g, NBSP)),
  date: formatDate,
  fullDate: formatFullDate,
};

/**
 * The text a timestamp shows at `now`: "gerade eben", "vor einer Minute",
 * "vor 5 Minuten", "vor einer Stunde", "vor 3 Tagen", or from seven days on
 * the date itself, with no-break spaces between its words; in another
 * language with its `words`.
 */
export function formatRelative(date: number, now: number, words: TimeWords = germanTime): string {
  const {unit, count} = read(date, now);
  if (unit === 'now') return words.justNow;
  if (unit === 'date') return words.date(date);
  // There are only 89 such texts per language ("vor einer Minute" … "vor 6 Tagen"); a clock
  // tick on a page with thousands of comments asks for the same few again and again.
  let cache = distances.get(words);
  if (!cache) distances.set(words, (cache = new Map()));
  const key = `${unit}${count}`;
  let text = cache.get(key);
  if (text === undefined) cache.set(key, (text = words.ago(unit, count)));
  return text;
}

const distances = new WeakMap<TimeWords, Map<string, string>>();

/** The next moment (epoch ms) at which `formatRelative(date, …)` changes, or null. */
export function nextChange(date: number, now: number): number | null {
  return read(date, now).nextChange;
}
