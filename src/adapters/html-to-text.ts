/**
 * Reduces server-rendered comment HTML to the plain text our elements render.
 *
 * No DOM parser is used: `DOMParser` is a Trusted Types sink, and the result
 * is only ever rendered as text, so a tag scanner is enough and safe. Links
 * keep their URL (so it becomes a link again through `linkify`), images their
 * alt text; scripts, styles and inline SVG (Waline's TeX) are dropped with
 * their content.
 */

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '\u00ad',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  bdquo: '„',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  euro: '€',
  copy: '©',
  reg: '®',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED[name] ?? entity;
  });
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? decodeEntities(match[1] ?? match[2] ?? match[3]) : undefined;
}

const BLOCK = /^(p|div|h[1-6]|ul|ol|table|pre|blockquote|figure|section|article|hr)$/;
const LINE = /^(li|tr|dt|dd)$/;

/** Plain text of an HTML fragment; paragraphs are separated by a blank line. */
export function htmlToText(html: string): string {
  let out = '';
  let link: {href: string; start: number} | undefined;
  const tokens = html
    // Dropped with everything inside.
    .replace(/<(script|style|svg|math|template)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .split(/(<[^>]*>)/);
  for (const token of tokens) {
    if (!token.startsWith('<')) {
      out += decodeEntities(token.replace(/[ \t\r\n]+/g, ' '));
      continue;
    }
    const match = /^<\s*(\/?)\s*([a-z0-9]+)/i.exec(token);
    if (!match) continue;
    const closing = match[1] === '/';
    const name = match[2].toLowerCase();
    if (name === 'br') out += '\n';
    else if (name === 'img' && !closing) out += attribute(token, 'alt') ?? '';
    else if (BLOCK.test(name)) out += '\n\n';
    else if (LINE.test(name)) out += closing ? '' : name === 'li' ? '\n• ' : '\n';
    else if (name === 'td' || name === 'th') out += closing ? ' ' : '';
    else if (name === 'a' && !closing) link = {href: attribute(token, 'href') ?? '', start: out.length};
    else if (name === 'a' && closing && link) {
      const text = out.slice(link.start).trim();
      // Keep a link's target where its text hides it: "Quelle (https://…)".
      if (/^https?:\/\//i.test(link.href) && text !== link.href && !link.href.startsWith(text.replace(/…$/, ''))) {
        out += ` (${link.href})`;
      }
      link = undefined;
    }
  }
  return out
    .split('\n')
    .map((line) => line.replace(/^ +| +$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
