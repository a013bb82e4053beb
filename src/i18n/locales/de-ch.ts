/**
 * Swiss Standard German (de-CH): the German words without ß ("Strasse",
 * "gross"), quotation marks «…» with ‹…› inside, thousands grouped with an
 * apostrophe ("2’000") and times with a point ("14.03 Uhr").
 */
import type {Catalogue} from '../locale.js';
import {germanCatalogue, mapWords} from './german-parts.js';

function swiss(text: string): string {
  return text
    .replace(/ß/g, 'ss')
    .replace(/„/g, '«')
    .replace(/“/g, '»')
    .replace(/‚/g, '‹')
    .replace(/‘/g, '›')
    .replace(/(\d)\.(?=\d{3}(?!\d))/g, '$1’')
    .replace(/\b(\d{2}):(\d{2})(?=\u00a0Uhr)/g, '$1.$2');
}

const words = mapWords(germanCatalogue, swiss);

export const deCH: Catalogue = {
  ...words,
  tag: 'de-CH',
  // Their arguments are keys (a unit, a role, a gender style), not readers' words.
  time: mapWords(germanCatalogue.time, swiss, false),
  reading: {
    ...words.reading,
    roleBadge: mapWords(germanCatalogue.reading.roleBadge, swiss, false),
    answerLabel: mapWords(germanCatalogue.reading.answerLabel, swiss, false),
  },
};
