import {expect} from '@open-wc/testing';
import {formatDate, formatFullDate, formatRelative, nextChange} from '../src/time/relative-time.js';

const NOW = Date.parse('2026-11-25T14:03:00Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ago = (ms: number) => NOW - ms;

describe('German relative time', () => {
  it('says "gerade eben" under one minute and up to five minutes in the future', () => {
    expect(formatRelative(ago(0), NOW)).to.equal('gerade\u00a0eben');
    expect(formatRelative(ago(59 * SECOND), NOW)).to.equal('gerade\u00a0eben');
    expect(formatRelative(ago(-5 * MINUTE), NOW)).to.equal('gerade\u00a0eben');
    expect(formatRelative(ago(-90 * SECOND), NOW)).to.equal('gerade\u00a0eben');
  });

  it('counts minutes from 1 to 59 with the right plural', () => {
    expect(formatRelative(ago(60 * SECOND), NOW)).to.equal('vor\u00a0einer\u00a0Minute');
    expect(formatRelative(ago(119 * SECOND), NOW)).to.equal('vor\u00a0einer\u00a0Minute');
    expect(formatRelative(ago(2 * MINUTE), NOW)).to.equal('vor\u00a02\u00a0Minuten');
    expect(formatRelative(ago(59 * MINUTE + 59 * SECOND), NOW)).to.equal('vor\u00a059\u00a0Minuten');
  });

  it('counts hours from 1 to 23', () => {
    expect(formatRelative(ago(HOUR), NOW)).to.equal('vor\u00a0einer\u00a0Stunde');
    expect(formatRelative(ago(5 * HOUR + 59 * MINUTE), NOW)).to.equal('vor\u00a05\u00a0Stunden');
    expect(formatRelative(ago(23 * HOUR + 59 * MINUTE), NOW)).to.equal('vor\u00a023\u00a0Stunden');
  });

  it('counts days from 1 to 6 in the dative ("vor 3 Tagen", not "vor 3 Tage")', () => {
    expect(formatRelative(ago(DAY), NOW)).to.equal('vor\u00a0einem\u00a0Tag');
    expect(formatRelative(ago(3 * DAY + 2 * HOUR), NOW)).to.equal('vor\u00a03\u00a0Tagen');
    expect(formatRelative(ago(7 * DAY - SECOND), NOW)).to.equal('vor\u00a06\u00a0Tagen');
  });

  it('shows the date from seven days on', () => {
    expect(formatRelative(ago(7 * DAY), NOW)).to.equal(formatDate(ago(7 * DAY)));
    expect(formatRelative(Date.parse('2025-03-12T10:00:00Z'), NOW)).to.equal('12.\u00a0März\u00a02025');
  });

  it('shows the date for times more than five minutes in the future', () => {
    const future = NOW + 10 * MINUTE;
    expect(formatRelative(future, NOW)).to.equal(formatDate(future));
  });

  it('gives the full German date with weekday and "Uhr" in the local time zone', () => {
    const local = new Date(2026, 10, 25, 14, 3).getTime();
    expect(formatFullDate(local)).to.equal('Mittwoch, 25.\u00a0November\u00a02026, 14:03\u00a0Uhr');
    expect(formatFullDate(new Date(2025, 2, 12, 9, 5).getTime())).to.equal('Mittwoch, 12.\u00a0März\u00a02025, 09:05\u00a0Uhr');
  });

  it('knows the next moment its text changes', () => {
    const date = ago(30 * SECOND);
    expect(nextChange(date, NOW)).to.equal(date + MINUTE);
    expect(nextChange(ago(5 * MINUTE + 10 * SECOND), NOW)).to.equal(ago(5 * MINUTE + 10 * SECOND) + 6 * MINUTE);
    expect(nextChange(ago(2 * HOUR), NOW)).to.equal(ago(2 * HOUR) + 3 * HOUR);
    expect(nextChange(ago(3 * DAY), NOW)).to.equal(ago(3 * DAY) + 4 * DAY);
    expect(nextChange(ago(8 * DAY), NOW)).to.equal(null);
    expect(nextChange(NOW + HOUR, NOW)).to.equal(NOW + HOUR - 5 * MINUTE);
  });

  it('changes its text exactly at the moment nextChange names', () => {
    for (const age of [10 * SECOND, 4 * MINUTE, 3 * HOUR, 2 * DAY, 6 * DAY + 23 * HOUR]) {
      const date = ago(age);
      const next = nextChange(date, NOW)!;
      expect(formatRelative(date, next - 1)).to.equal(formatRelative(date, NOW));
      expect(formatRelative(date, next)).not.to.equal(formatRelative(date, NOW));
    }
  });
});
