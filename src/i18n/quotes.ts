/**
 * Quotation marks inside a quote. The widget sets a quote in German double
 * marks („…“); quotation marks within it become single ones (‚…‘), as German
 * typesetting nests them. See docs/german-copy.md.
 */

/** Before an opening “: the start, a space, or an opening bracket or dash. */
const OPENS_AFTER = /[\s([{\u2013\u2014/-]/;

/**
 * The text of a quote with its inner double quotation marks made single:
 * „…“, “…” and "…" become ‚…‘. Whether a “ opens (English) or closes
 * (German) is read from the character before it; typewriter marks (")
 * open and close by turns. Other languages pass their single marks
 * (English ‘…’, Swiss ‹…›).
 */
export function nestQuotes(text: string, open = '‚', close = '‘'): string {
  if (!/["„“”«»]/.test(text)) return text;
  let result = '';
  let straightOpen = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '„' || char === '«') result += open;
    else if (char === '”' || char === '»') result += close;
    else if (char === '“') result += index === 0 || OPENS_AFTER.test(text[index - 1]) ? open : close;
    else if (char === '"') result += (straightOpen = !straightOpen) ? open : close;
    else result += char;
  }
  return result;
}
