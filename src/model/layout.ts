/**
 * How the thread is laid out for reading: which replies are indented, which
 * are shown flat, how many are revealed, and how a long text is shortened.
 * Plain functions of the nodes, so they are tested without a page and the
 * templates only arrange what they return.
 */
import type {ThreadNode} from './thread-tree.js';
import {isShown} from './visibility.js';

/** Not held back by live updates, and not someone else's rejected comment. */
function visible(node: ThreadNode): boolean {
  return !node.view.held && isShown(node.comment, node.own, node.children.length > 0);
}

/** Indentation levels a publisher may ask for; deeper nesting would only squeeze the text. */
export const MAX_INDENT = 8;

/** Replies of one comment shown before "Weitere Antworten anzeigen", and revealed per click. */
export const REPLIES_PAGE = 1000;

export interface LayoutSettings {
  /** Reply levels that are indented; below that, replies are listed flat. */
  maxDepth: number;
  /** Replies start folded. */
  collapsed: boolean;
}

/** A `max-depth` attribute as a usable number of indentation levels. */
export function clampDepth(value: number): number {
  return Number.isFinite(value) ? Math.min(MAX_INDENT, Math.max(0, Math.floor(value))) : 3;
}

export function isExpanded(node: ThreadNode, settings: LayoutSettings): boolean {
  return node.view.expanded ?? !settings.collapsed;
}

/**
 * Whether the replies below a comment at `depth` are listed flat (each
 * naming whom it answers) instead of nested one level deeper. This bounds
 * the nesting of templates and DOM, however deep a chain of replies goes.
 */
export function listsFlat(depth: number, settings: LayoutSettings): boolean {
  return depth >= settings.maxDepth;
}

/** One reply in a flat list, with the comment it answers. */
export interface FlatReply {
  node: ThreadNode;
  parent: ThreadNode;
}

const flatCache = new WeakMap<ThreadNode, FlatReply[]>();

/**
 * Every reply below `node` in reading order (each reply followed by its own
 * replies), without comments held back by live updates. Iterative: a chain
 * 10,000 deep is one loop, not 10,000 nested calls.
 */
export function flatReplies(node: ThreadNode): readonly FlatReply[] {
  let rows = flatCache.get(node);
  if (rows) return rows;
  rows = [];
  const stack: FlatReply[] = [];
  const push = (parent: ThreadNode) => {
    for (let i = parent.children.length - 1; i >= 0; i--) {
      const child = parent.children[i];
      if (visible(child)) stack.push({node: child, parent});
    }
  };
  push(node);
  while (stack.length) {
    const row = stack.pop()!;
    rows.push(row);
    push(row.node);
  }
  flatCache.set(node, rows);
  return rows;
}

const childCache = new WeakMap<ThreadNode, readonly ThreadNode[]>();

/** Direct replies that are shown (not held back by live updates). */
export function shownChildren(node: ThreadNode): readonly ThreadNode[] {
  let children = childCache.get(node);
  if (!children) {
    children = node.children.every(visible) ? node.children : node.children.filter(visible);
    childCache.set(node, children);
  }
  return children;
}

const rootCache = new WeakMap<readonly ThreadNode[], readonly ThreadNode[]>();

/** Top-level comments shown: all but those waiting behind the "neue Kommentare" button. */
export function shownRoots(roots: readonly ThreadNode[]): readonly ThreadNode[] {
  let shown = rootCache.get(roots);
  if (!shown) {
    shown = roots.every(visible) ? roots : roots.filter(visible);
    rootCache.set(roots, shown);
  }
  return shown;
}

export type Range = readonly [start: number, end: number];

/** The ranges of a list of `total` replies that are revealed, clipped and merged. */
export function revealed(node: ThreadNode, total: number): Range[] {
  const ranges = [...(node.view.ranges ?? [[0, REPLIES_PAGE]])]
    .map(([start, end]) => [Math.max(0, start), Math.min(total, end)] as const)
    .filter(([start, end]) => start < end)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** The ranges after "Weitere Antworten anzeigen" under range `index`: it grows by a page. */
export function revealMore(node: ThreadNode, total: number, index: number): Range[] {
  return revealed(node, total).map(([start, end], i) => (i === index ? [start, Math.min(total, end + REPLIES_PAGE)] : [start, end]));
}

/** Replies shown around a permalink target far down a long list (before it, and it and after). */
const AROUND = [10, 40];

/** The ranges that also show reply `index` (with a few around it), or null when it is shown already. */
export function revealIndex(node: ThreadNode, total: number, index: number): Range[] | null {
  const ranges = revealed(node, total);
  if (ranges.some(([start, end]) => index >= start && index < end)) return null;
  return revealed({...node, view: {ranges: [...ranges, [index - AROUND[0], index + AROUND[1]]]}}, total);
}

/** Texts up to this long (UTF-16 units) and lines are shown whole. */
const WHOLE_CHARS = 1800;
const WHOLE_LINES = 15;
/** A longer text is cut to about this much. */
const EXCERPT_CHARS = 1500;
const EXCERPT_LINES = 12;

/**
 * The start of a long text, cut at a word boundary, or null when the text is
 * short enough to show whole. Reads only the start: a 5 MB text costs no more
 * than a short one.
 */
export function excerpt(body: string): string | null {
  let lines = 0;
  let cut = -1;
  for (let index = body.indexOf('\n'); index >= 0 && index < WHOLE_CHARS; index = body.indexOf('\n', index + 1)) {
    lines++;
    if (lines === EXCERPT_LINES) cut = index;
    if (lines >= WHOLE_LINES) break;
  }
  if (body.length <= WHOLE_CHARS && lines < WHOLE_LINES) return null;
  if (cut < 0 || cut > EXCERPT_CHARS) cut = EXCERPT_CHARS;
  let text = body.slice(0, cut);
  // Never split a surrogate pair, and prefer a word boundary.
  if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
  const space = text.search(/\s\S*$/);
  if (cut === EXCERPT_CHARS && space > EXCERPT_CHARS * 0.8) text = text.slice(0, space);
  return `${text.trimEnd()} …`;
}

/** A paragraph longer than this is shown in several blocks, so layout can skip those off screen. */
const BLOCK_CHARS = 4000;

export interface TextBlock {
  text: string;
  /** Continues the paragraph of the block before (no paragraph gap). */
  continued: boolean;
}

/**
 * The text in paragraphs (blank lines separate them), long paragraphs split
 * at whitespace into blocks of about `BLOCK_CHARS`. Only splits; links are
 * found per block when it is shown.
 */
export function textBlocks(body: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const raw of body.replace(/\r\n?/g, '\n').split(/\n(?:[ \t]*\n)+/)) {
    const paragraph = raw.replace(/^\n+|\n+$/g, '');
    if (paragraph.trim() === '') continue;
    let start = 0;
    while (paragraph.length - start > BLOCK_CHARS) {
      let end = paragraph.lastIndexOf(' ', start + BLOCK_CHARS);
      if (end <= start + BLOCK_CHARS / 2) end = start + BLOCK_CHARS;
      if (/[\uD800-\uDBFF]/.test(paragraph[end - 1])) end--;
      blocks.push({text: paragraph.slice(start, end), continued: start > 0});
      start = end;
    }
    blocks.push({text: paragraph.slice(start), continued: start > 0});
  }
  return blocks;
}
