/**
 * The built-in languages for the classic script-tag files
 * (article-comments.min.js): one self-contained module per language in
 * `locales/` beside the script, imported on demand from the script's own
 * address (dist/locales/en.js next to dist/article-comments.min.js).
 */
import type {Catalogue} from './locale.js';

/** The address of the script this runs in, taken while it runs (later `currentScript` is gone). */
const base = (typeof document !== 'undefined' && (document.currentScript as HTMLScriptElement | null)?.src) || (typeof location !== 'undefined' ? location.href : '');

function load(file: string, name: string): () => Promise<Catalogue> {
  return () => import(/* @vite-ignore */ new URL(`locales/${file}.js`, base).href).then((module: Record<string, Catalogue>) => module[name]!);
}

export const builtInLocales: Record<string, () => Promise<Catalogue>> = {
  'de-AT': load('de-at', 'deAT'),
  'de-CH': load('de-ch', 'deCH'),
  en: load('en', 'en'),
};
