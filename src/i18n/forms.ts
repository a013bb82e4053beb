/**
 * Words both forms use, `<comment-reply>` and the report dialog.
 */
import {NBSP, formatNumber, plural} from './de.js';

export const formText = {
  sending: 'Wird gesendet …',
  cancel: 'Abbrechen',
  counter: (used: number, max: number) => `${formatNumber(used)} / ${formatNumber(max)}${NBSP}Zeichen`,
  remaining: (left: number) =>
    left >= 0
      ? `Noch ${plural(left, 'Zeichen', 'Zeichen')} übrig.`
      : `${plural(-left, 'Zeichen', 'Zeichen')} zu viel.`,
} as const;
