/**
 * Whether an element is taking over server-rendered HTML (hydration) right
 * now. Lit's hydration requires the first render to be the server's: lists
 * render every item the server rendered (no steps, progressive-list.ts) and
 * times take the text they compute (relative-time-directive.ts) only after
 * Lit has adopted the server's nodes. Hydration is synchronous, so a flag
 * for its duration is exact.
 */
let depth = 0;

export function startHydration(): void {
  depth++;
}

export function endHydration(): void {
  depth = Math.max(0, depth - 1);
}

export function isHydrating(): boolean {
  return depth > 0;
}
