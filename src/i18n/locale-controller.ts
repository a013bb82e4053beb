/**
 * Which language an element speaks (see locale.ts): its `locale`, else the
 * nearest `lang`, else German; or the language of the `<article-comments>`
 * it sits in (`inherited`). A language other than German is loaded on
 * demand; until it is in, `ready` is false and the element waits with its
 * first render, so a reader never sees German flash by.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {GERMAN, loadLocale} from './german.js';
import {localeTag, requestedTag, type Locale} from './locale.js';

export interface LocaleHost extends ReactiveControllerHost, Element {
  locale: string;
}

export class LocaleController implements ReactiveController {
  #host: LocaleHost;
  #current: Locale;
  #wanted: string;
  /** The language of an element this one is inside (given by context), which wins over its own lookup. */
  #inherited: Locale | undefined;

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
    return this.#inherited !== undefined || this.#current.tag === this.#wanted;
  }

  hostConnected(): void {
    this.check();
  }

  /** Looks again (connected, `locale` or `lang` changed): loads the language if it is another. */
  check(): void {
    if (this.#inherited) return;
    const wanted = localeTag(requestedTag(this.#host, this.#host.locale));
    if (wanted === this.#wanted && wanted === this.#current.tag) return;
    this.#wanted = wanted;
    loadLocale(wanted).then(
      (locale) => {
        if (this.#wanted !== wanted) return;
        this.#current = locale;
        this.#wanted = locale.tag;
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        // Its file did not arrive: German rather than nothing.
        console.warn(`article-comments: the language "${wanted}" could not be loaded; showing German.`, error);
        if (this.#wanted !== wanted) return;
        this.#current = GERMAN;
        this.#wanted = GERMAN.tag;
        this.#host.requestUpdate();
      }
    );
  }

  /**
   * The surrounding `<article-comments>`'s language (from context), or undefined to look it up
   * again. Called as the host updates, so it asks for no update of its own.
   */
  inherit(locale: Locale | undefined): void {
    if (locale === this.#inherited) return;
    this.#inherited = locale;
    if (!locale) this.check();
  }
}
