import { analyseQuery } from './query';

/**
 * Queries of every kind an officer types, whole and half-typed, searched a key at a time
 * (warmUpKeystrokes) when an index first becomes searchable, at idle moments
 * (renderer/residents/use-resident-search.tsx). A
 * page's first search pays for compiling the engine's code and filling its lazy tables (name
 * variants, a dictionary's order): in a trace of bench:search the first name typed took
 * 25-166 ms a key (12-55 ms of it script), two to ten frames, where later keys take one. With
 * this warm-up they took at most 35 ms. Made-up text: it names nobody, and what it finds is dropped.
 */
export const WARM_UP_QUERIES: readonly string[] = [
  'sm',
  'smi',
  'smith',
  'jon smtih',
  'smtih se172dw',
  'mohammed ali',
  "o'brien",
  'o brien',
  'de souza ',
  'flat 12a',
  '12 high street',
  'se1',
  'se1 4',
  'se17 2dw',
  'se172dw',
  '020 7946',
  '07700 900123',
  '+44 7700 900123',
  '447700900123',
  '12/03/1985',
  '12 march 1985',
  '1985-03-12',
  'sam@exam',
  'sam@example.org ',
  'ct1234',
  'ct12345678',
  'rn1234',
  'rn1234567',
];

/**
 * The warm-up queries as an officer types them, a key at a time from the second character. A
 * half-typed query takes paths its whole form does not (a word's prefix, a postcode's first
 * half), and V8 compiles a function for speed only once it has run many times: warmed with the
 * whole queries only, the first queries typed in bench:search at borough scale still took 15-25
 * ms of script a key, V8 compiling as they ran. Worked out when asked (at the warm-up's first
 * idle moment), not as the page's code loads: 216 queries analysed are a few ms of start-up.
 */
export function warmUpKeystrokes(): string[] {
  return WARM_UP_QUERIES.flatMap((query) => Array.from({ length: query.length - 1 }, (_, end) => query.slice(0, end + 2))).filter((typed) => analyseQuery(typed).kind === 'parts');
}
