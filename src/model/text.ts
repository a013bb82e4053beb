/**
 * Splits comment text into paragraphs, lines and links, as data.
 *
 * Comment text is untrusted plain text. It is never parsed as HTML: the
 * elements render these pieces through Lit text bindings, and only `http:`
 * and `https:` URLs become links.
 */

export type Segment = {type: 'text'; text: string} | {type: 'link'; text: string; href: string};

/**
 * A paragraph is a list of segments; text keeps its single line breaks
 * ("\n"), which the elements show with `white-space: pre-line`.
 */
export type Paragraph = Segment[];

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'„“”«»]+/gi;
/** Punctuation that ends a sentence rather than a URL. */
const TRAILING = /[.,;:!?)\]}]$/;

/**
 * Drops sentence punctuation after a URL, but keeps a closing parenthesis
 * that belongs to it (Wikipedia's "Ferrari_(Automobilhersteller)").
 */
function trimUrl(url: string): string {
  const count = (text: string, char: string) => text.split(char).length - 1;
  let text = url;
  while (TRAILING.test(text)) {
    if (text.endsWith(')') && count(text, '(') >= count(text, ')')) break;
    text = text.slice(0, -1);
  }
  return text;
}

/** Returns `href` if it is an absolute http(s) URL, else undefined. */
export function safeHref(href: string): string | undefined {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A URL the publisher gave in an attribute (netiquette, privacy policy, login): a relative one
 * ("/anmelden") is resolved against the page, as a link in the page would be; only http(s).
 * (Links in comments are the readers' and stay absolute-only: `safeHref`.)
 */
export function pageHref(href: string): string | undefined {
  if (!href.trim()) return undefined;
  if (typeof document === 'undefined') return safeHref(href);
  try {
    return safeHref(new URL(href, document.baseURI).href);
  } catch {
    return undefined;
  }
}

/** Splits one line into text and http(s) links. */
export function linkify(line: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    const text = trimUrl(match[0]);
    const href = safeHref(text);
    if (!href) continue;
    const start = match.index!;
    if (start > last) segments.push({type: 'text', text: line.slice(last, start)});
    segments.push({type: 'link', text, href});
    last = start + text.length;
  }
  if (last < line.length) segments.push({type: 'text', text: line.slice(last)});
  return segments;
}

/** Blank lines separate paragraphs; single line breaks are kept inside one. */
export function toParagraphs(body: string): Paragraph[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n(?:[ \t]*\n)+/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '')
    .map(linkify);
}

/** Counts characters the way readers do: by code point, so an emoji is one. */
export function characterCount(text: string): number {
  return [...text].length;
}

/** Shortens `text` at a word boundary to at most `max` characters, adding "…". */
export function truncate(text: string, max: number): string {
  const chars = [...text.trim()];
  if (chars.length <= max) return text.trim();
  const cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()} …`;
}
