/**
 * German relative time, as plain functions of (date, now).
 *
 * The wording ("vor 1 Minute", "vor 3 Tagen") comes from date-fns' German
 * locale, which knows the dative plural ("Tagen", not "Tage") that other
 * widgets get wrong. We call the locale's own `formatDistance` and `localize`
 * with the unit we picked, instead of date-fns' `formatDistanceStrict` and
 * `format`: those always bundle the full English locale as a fallback and
 * the whole token formatter, about four times the size of what we use.
 */
import {de as locale} from 'date-fns/locale/de';
import {de} from '../i18n/de.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** How far in the future a time may be and still read "gerade eben" (clock skew). */
const SKEW = 5 * MINUTE;

type Unit = 'xMinutes' | 'xHours' | 'xDays';

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

/** "12. März 2025", in the reader's time zone. */
export function formatDate(date: number): string {
  const d = new Date(date);
  return `${d.getDate()}. ${month(d)} ${d.getFullYear()}`;
}

/** "Mittwoch, 25. November 2026, 14:03 Uhr", in the reader's time zone. */
export function formatFullDate(date: number): string {
  const d = new Date(date);
  const weekday = locale.localize.day(d.getDay() as never, {width: 'wide'});
  const time = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  return `${weekday}, ${formatDate(date)}, ${time} Uhr`;
}

/**
 * The text a timestamp shows at `now`: "gerade eben", "vor 5 Minuten",
 * "vor 1 Stunde", "vor 3 Tagen", or from seven days on the date itself.
 */
export function formatRelative(date: number, now: number): string {
  const {unit, count} = read(date, now);
  if (unit === 'now') return de.justNow;
  if (unit === 'date') return formatDate(date);
  // There are only 89 such texts ("vor 1 Minute" … "vor 6 Tagen"); a clock tick on a
  // page with thousands of comments asks for the same few again and again.
  const key = `${unit}${count}`;
  let text = distances.get(key);
  if (text === undefined) {
    // comparison -1 means "in the past": the locale adds "vor" and the dative plural.
    text = locale.formatDistance(unit, count, {addSuffix: true, comparison: -1});
    distances.set(key, text);
  }
  return text;
}

const distances = new Map<string, string>();

/** The next moment (epoch ms) at which `formatRelative(date, …)` changes, or null. */
export function nextChange(date: number, now: number): number | null {
  return read(date, now).nextChange;
}
