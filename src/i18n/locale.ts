/**
 * Languages. A `Locale` is every word of every element in one language:
 * the reading words (`reading`, the shape of de.ts), times (`time`), the
 * comment count, and the words of the parts loaded on demand (the composer,
 * the forms, the report dialog and its rules).
 *
 * German (de-DE) is built in, and its parts' words travel with the parts
 * (composer.ts, forms.ts, report-dialog.ts): a reader who only reads does
 * not download them. Every other language is one file loaded on demand
 * (src/i18n/locales/), so it costs a German page nothing; a publisher adds
 * its own with `defineLocale()`.
 *
 * Which language an element speaks: its `locale` property, else the `lang`
 * of the element or its nearest ancestor with one, else de-DE. Tags are
 * matched like `Intl` would: "de" and "de-DE" → de-DE, "de-at" → de-AT,
 * "en-US" → en (no en-US of its own), an unknown one → de-DE.
 */
import type {composerText} from './composer.js';
import type {de} from './de.js';
import type {formText} from './forms.js';
import type {reportDialogText} from './report-dialog.js';
import type {reportMessages} from './report.js';
import type {TimeWords} from '../time/relative-time.js';
import {builtInLocales} from './locale-sources.js';

/** The type of a catalogue of words: the German one's shape, with any string and any function of the same arguments. */
export type Words<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Words<R>
    : T extends object
      ? {-readonly [K in keyof T]: Words<T[K]>}
      : T;

export type ReadingWords = Words<typeof de>;
export type ComposerWords = Words<typeof composerText>;
export type FormWords = Words<typeof formText>;
export type ReportDialogWords = Words<typeof reportDialogText>;
export type ReportRuleWords = Words<typeof reportMessages>;

export interface Locale {
  /** The BCP 47 tag: "de-DE", "de-AT", "de-CH", "en". */
  tag: string;
  reading: ReadingWords;
  time: TimeWords;
  /** `<comment-count>`: "Noch keine Kommentare", "1 Kommentar", "1.234 Kommentare". */
  count: (count: number) => string;
  /** The parts' words; German leaves them out (each part brings its own). */
  composer?: ComposerWords;
  forms?: FormWords;
  reportDialog?: ReportDialogWords;
  reportRules?: ReportRuleWords;
}

/** A language with every word: what a locale file, or a publisher's own, provides. */
export type Catalogue = Required<Locale>;

/** German, built in (german.ts); the tag every lookup falls back to. */
export const GERMAN_TAG = 'de-DE';

type Source = Catalogue | (() => Promise<Catalogue>);

const sources = new Map<string, Source>(Object.entries(builtInLocales));
const loaded = new Map<string, Promise<Catalogue>>();

/**
 * Adds a language, or replaces one: a catalogue with every word (tests/locales.test.ts checks
 * the built-in ones key by key), or a function that loads it. See docs/locales.md.
 */
export function defineLocale(tag: string, source: Source): void {
  const canonical = canonicalTag(tag);
  sources.set(canonical, source);
  loaded.delete(canonical);
  // Elements already on the page (the script-tag file upgrades them before a publisher's script runs) look again.
  for (const listener of [...listeners]) listener();
}

const listeners = new Set<() => void>();

/** Whether a publisher replaced the built-in German (`defineLocale('de-DE', …)`). */
export function germanReplaced(): boolean {
  return sources.has(GERMAN_TAG);
}

/** Calls `listener` whenever a language is defined; returns how to stop. */
export function onLocalesChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A tag in the usual case: "de-ch" → "de-CH", "zh-hant-tw" → "zh-Hant-TW", "en-X-Test" → "en-x-test". */
function canonicalTag(tag: string): string {
  const parts = tag.trim().split(/[-_]/).filter(Boolean);
  const privateUse = parts.findIndex((part, index) => index > 0 && part.length === 1);
  return parts
    .map((part, index) => {
      if (index === 0 || (privateUse !== -1 && index >= privateUse)) return part.toLowerCase();
      if (/^[a-z]{2}$/i.test(part)) return part.toUpperCase();
      if (/^[a-z]{4}$/i.test(part)) return part[0]!.toUpperCase() + part.slice(1).toLowerCase();
      return part.toLowerCase();
    })
    .join('-');
}

/**
 * The language an element speaks for a requested tag: the tag itself, else its language and
 * region ("zh-Hant-TW" → "zh-TW"), else its language alone, else German.
 */
export function localeTag(requested: string | null | undefined): string {
  if (!requested) return GERMAN_TAG;
  const tag = canonicalTag(requested);
  const [language = '', ...rest] = tag.split('-');
  const region = rest.find((part) => /^([A-Z]{2}|\d{3})$/.test(part));
  for (const candidate of [tag, region ? `${language}-${region}` : '', language]) {
    if (candidate && sources.has(candidate)) return candidate;
    if (candidate === GERMAN_TAG || candidate === 'de') return GERMAN_TAG;
  }
  return GERMAN_TAG;
}

/** The requested tag of an element: `locale`, else the nearest `lang` (in the page, through shadow roots). */
export function requestedTag(element: Element, locale: string | undefined): string | null {
  if (locale) return locale;
  for (let node: Node | null = element; node; ) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang');
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return null;
}

/**
 * The catalogue for a tag (see `localeTag`) once its file is in; null for German, which is built
 * in (german.ts) unless a publisher replaced it with `defineLocale('de-DE', …)`.
 */
export function loadCatalogue(tag: string): Promise<Catalogue> | null {
  const canonical = localeTag(tag);
  const source = sources.get(canonical);
  if (!source) return null;
  let promise = loaded.get(canonical);
  if (!promise) {
    promise = typeof source === 'function' ? source() : Promise.resolve(source);
    // A file that did not arrive is asked for again next time.
    promise.catch(() => loaded.delete(canonical));
    loaded.set(canonical, promise);
  }
  return promise;
}
