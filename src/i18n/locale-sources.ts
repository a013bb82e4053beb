/**
 * Where the built-in languages other than German come from: files loaded on
 * demand, so a German page never downloads them. (The classic script-tag
 * files swap this module for locale-sources-script.ts, see rollup.config.mjs.)
 */
import type {Catalogue} from './locale.js';

export const builtInLocales: Record<string, () => Promise<Catalogue>> = {
  'de-AT': () => import('./locales/de-at.js').then((module) => module.deAT),
  'de-CH': () => import('./locales/de-ch.js').then((module) => module.deCH),
  en: () => import('./locales/en.js').then((module) => module.en),
};
