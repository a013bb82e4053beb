/**
 * The moment every story is looked at. Stories inject a ManualClock set to
 * it, and their data uses fixed ISO dates before it, so "vor 5 Minuten"
 * reads the same today, tomorrow and in every screenshot.
 */
import {ManualClock} from '../../src/time/clock.js';

export const STORY_NOW = '2026-11-25T14:03:00Z';
export const STORY_NOW_MS = Date.parse(STORY_NOW);

/** A fresh clock pinned to STORY_NOW (one per render, so stories never share time). */
export function storyClock(): ManualClock {
  return new ManualClock(STORY_NOW);
}

const MINUTE = 60_000;

/** The ISO date `minutes` before STORY_NOW, for generated data. */
export function minutesBefore(minutes: number): string {
  return new Date(STORY_NOW_MS - minutes * MINUTE).toISOString().replace('.000Z', 'Z');
}
