/**
 * The words of `<comment-count>`, apart from de.ts so its script-tag file
 * carries only these. The same words as the discussion's heading.
 */
import {plural} from './de.js';

/** "Noch keine Kommentare", "1 Kommentar", "1.234 Kommentare". */
export const commentCountText = (count: number): string =>
  count === 0 ? 'Noch keine Kommentare' : plural(count, 'Kommentar', 'Kommentare');
