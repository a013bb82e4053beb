/**
 * Which language an element speaks (see locale.ts): its `locale`, else the
 * nearest `lang`, else German; or the language of the `<article-comments>`
 * it sits in (`inherit`). A language other than German is loaded on demand;
 * until it is in, `ready` is false and `whenReady()` pending: the element
 * waits with its first render (its `scheduleUpdate` awaits it), so a reader
 * never sees German flash by. A language defined later (`defineLocale()`,
 * e.g. by a publisher's script after the script-tag file) is looked up again.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {GERMAN, loadLocale} from './german.js';
import {germanReplaced, localeTag, onLocalesChanged, requestedTag, type Locale} from './locale.js';

export interface LocaleHost extends ReactiveControllerHost, Element {
  locale: string;
}

export class LocaleController implements ReactiveController {
  #host: LocaleHost;
  #current: Locale;
  /** The tag wanted, and whether its catalogue is in `#current`. */
  #wanted: string;
  #loading = false;
  /** The language of an element this one is inside (given by context), which wins over its own lookup. */
  #inherited: Locale | undefined;
  #waiting: (() => void)[] = [];
  #unsubscribe: (() => void) | undefined;
  /** The host's `locale` when last looked at. */
  #seen = '';

  constructor(host: LocaleHost, initial: Locale = GERMAN) {
    this.#host = host;
    this.#current = initial;
    this.#wanted = initial.tag;
    host.addController(this);
  }

  /** The language in use. */
  get current(): Locale {
    return this.#inherited ?? this.#current;
  }

  /** False while the wanted language is still loading. */
  get ready(): boolean {
    return this.#inherited !== undefined || !this.#loading;
  }

  /** Resolves once the wanted language is in (at once if it is). */
  whenReady(): Promise<void> {
    return this.ready ? Promise.resolve() : new Promise((resolve) => this.#waiting.push(resolve));
  }

  /**
   * Before each update (the host's `scheduleUpdate`): the language of the element around, if any;
   * a changed `locale` looked up; resolves once the words are in, so `updateComplete` means rendered.
   */
  beforeUpdate(inherited?: Locale): Promise<void> | undefined {
    if (inherited !== undefined || this.#inherited !== undefined) this.inherit(inherited);
    if (this.#host.locale !== this.#seen) {
      this.#seen = this.#host.locale;
      this.check();
    }
    return this.ready ? undefined : this.whenReady();
  }

  hostConnected(): void {
    this.#unsubscribe = onLocalesChanged(() => this.check(true));
    // Forced where German was replaced (`defineLocale('de-DE', …)`); otherwise a German page takes no
    // detour through a promise before its first render.
    this.check(germanReplaced());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /**
   * Looks again (connected, `locale` or `lang` changed, or `force`: a language was defined):
   * loads the language if it is another.
   */
  check(force = false): void {
    if (this.#inherited) return;
    const wanted = localeTag(requestedTag(this.#host, this.#host.locale));
    if (!force && wanted === this.#wanted) return;
    this.#wanted = wanted;
    this.#loading = true;
    loadLocale(wanted).then(
      (locale) => this.#arrived(wanted, locale),
      (error: unknown) => {
        // Its file did not arrive: German rather than nothing.
        console.warn(`article-comments: the language "${wanted}" could not be loaded; showing German.`, error);
        this.#arrived(wanted, GERMAN);
      }
    );
  }

  #arrived(wanted: string, locale: Locale): void {
    if (this.#wanted !== wanted) return;
    this.#loading = false;
    const changed = locale !== this.#current;
    this.#current = locale;
    for (const resolve of this.#waiting.splice(0)) resolve();
    if (changed) this.#host.requestUpdate();
  }

  /**
   * The surrounding `<article-comments>`'s language (from context), or undefined to look it up
   * again. Called as the host updates, so it asks for no update of its own.
   */
  inherit(locale: Locale | undefined): void {
    if (locale === this.#inherited) return;
    this.#inherited = locale;
    if (locale) for (const resolve of this.#waiting.splice(0)) resolve();
    else this.check(true);
  }
}
