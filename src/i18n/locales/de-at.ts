/**
 * Austrian German (de-AT): the German words, with Austrian dates from
 * date-fns' de-AT locale ("Jänner", "Feber" is not used by date-fns nor by
 * Austrian newsrooms).
 */
import {deAT as dateLocale} from 'date-fns/locale/de-AT';
import type {Catalogue} from '../locale.js';
import {germanTime} from '../../time/relative-time.js';
import {germanCatalogue} from './german-parts.js';

const NBSP = '\u00a0';

function date(value: number): string {
  const d = new Date(value);
  return `${d.getDate()}.${NBSP}${dateLocale.localize.month(d.getMonth() as never, {width: 'wide'})}${NBSP}${d.getFullYear()}`;
}

export const deAT: Catalogue = {
  ...germanCatalogue,
  tag: 'de-AT',
  time: {
    ...germanTime,
    date,
    fullDate: (value) => {
      const d = new Date(value);
      const time = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
      return `${dateLocale.localize.day(d.getDay() as never, {width: 'wide'})}, ${date(value)}, ${time}${NBSP}Uhr`;
    },
  },
};
