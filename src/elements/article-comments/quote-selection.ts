/**
 * The passage a reader selected inside a comment, for "Zitieren".
 *
 * A selection inside a shadow root is read differently per engine: Chromium
 * has `shadowRoot.getSelection()`; Firefox and Safari give the composed
 * ranges of the document's selection (`getComposedRanges`), whose ends may
 * lie inside the shadow root. Where neither can see into the shadow root the
 * caller quotes the start of the comment instead and says so.
 */

type SelectionWithComposedRanges = Selection & {
  getComposedRanges?: (options?: {shadowRoots: ShadowRoot[]} | ShadowRoot, ...rest: ShadowRoot[]) => StaticRange[];
};

/** The text selected inside `container` (an element in `root`), or '' when there is none. */
export function selectedText(root: ShadowRoot, container: Element): string {
  const fromRoot = (root as ShadowRoot & {getSelection?: () => Selection | null}).getSelection?.();
  if (fromRoot && fromRoot.rangeCount > 0 && !fromRoot.isCollapsed) {
    return container.contains(fromRoot.anchorNode) ? fromRoot.toString().trim() : '';
  }
  // Not `isCollapsed`: WebKit reports a selection inside a shadow root as collapsed on the host.
  const selection = document.getSelection() as SelectionWithComposedRanges | null;
  if (!selection || selection.rangeCount === 0 || !selection.getComposedRanges) return '';
  let ranges: StaticRange[];
  try {
    ranges = selection.getComposedRanges({shadowRoots: [root]});
  } catch (error) {
    // The older signature (Safari 17) takes the shadow roots as arguments and rejects the object.
    if (!(error instanceof TypeError)) throw error;
    ranges = selection.getComposedRanges(root);
  }
  const [range] = ranges;
  if (!range || range.collapsed || !container.contains(range.startContainer)) return '';
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  if (container.contains(range.endContainer)) live.setEnd(range.endContainer, range.endOffset);
  else live.setEnd(container, container.childNodes.length);
  return live.toString().trim();
}
