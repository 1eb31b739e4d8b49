import type { DirectoryEntry } from '../../../shared/domain/directory';
import type { SearchIndex } from '../../../shared/search';
import { seededRandom as random } from '../support/seeded-random';

/**
 * A labelled quality set: queries an agent would type for a caller, each with the one resident
 * it should find, drawn from the synthetic borough with a fixed seed (none of them real people).
 * Used by quality.test.ts (per-category recall, asserted) and by `npm run bench:search:engine`
 * (search.quality.recall_at_10 / recall_at_1). Its picks use their own seed, so no other test
 * types these queries.
 *
 * Every label is unambiguous: a query is only kept when no other resident fits what it says
 * (no one else of that full name, of that surname at that postcode, and so on), so "first" is
 * a fair thing to ask of the engine.
 */
export type QualityCategory =
  | 'exact name'
  | 'first-name variant'
  | 'surname one slip'
  | 'surname two slips'
  | 'mobile'
  | 'landline'
  | 'council tax reference'
  | 'rent reference'
  | 'date of birth'
  | 'postcode'
  | 'address'
  | 'email';

export interface LabelledQuery {
  category: QualityCategory;
  query: string;
  residentId: string;
}

/**
 * First names the generator uses, as callers often say or spell them instead. Written for
 * this set from common UK usage (nicknames, anglicised and transliterated spellings); the
 * engine's own list is shared/search/name-variants.ts.
 */
export const SAID_INSTEAD: Readonly<Record<string, readonly string[]>> = {
  stephen: ['steven', 'steve'],
  mohammed: ['muhammad', 'mohamed', 'mohammad'],
  mohamed: ['mohammed', 'muhammad', 'mohamad'],
  john: ['jon', 'jonathan'],
  michael: ['mike', 'micheal'],
  christopher: ['chris', 'kristopher'],
  thomas: ['tom'],
  william: ['bill', 'will'],
  james: ['jim', 'jamie'],
  daniel: ['danny', 'dan'],
  samuel: ['sam', 'sammy'],
  joseph: ['joe'],
  robert: ['bob', 'rob'],
  peter: ['pete'],
  benjamin: ['ben'],
  graham: ['graeme'],
  terence: ['terry', 'terrence'],
  freddie: ['freddy', 'frederick'],
  alfie: ['alfred'],
  charlie: ['charles'],
  harry: ['henry'],
  david: ['dave'],
  sarah: ['sara'],
  hannah: ['hanna'],
  lucy: ['lucie'],
  rebecca: ['becky', 'rebekah'],
  elizabeth: ['elisabeth', 'liz'],
  abigail: ['abbie', 'abi'],
  jessica: ['jess'],
  sophie: ['sophia'],
  lily: ['lilly'],
  zoe: ['zoey'],
  beverley: ['beverly'],
  margaret: ['maggie'],
  susan: ['sue', 'suzanne'],
  patricia: ['pat', 'trish'],
  sean: ['shaun', 'shawn'],
  ciaran: ['kieran'],
  padraig: ['patrick'],
  eamonn: ['eamon'],
  niamh: ['neve'],
  siobhan: ['shivaun'],
  iain: ['ian'],
  euan: ['ewan'],
  callum: ['calum'],
  alasdair: ['alistair', 'alastair'],
  ruaridh: ['rory'],
  catriona: ['katrina'],
  kirsty: ['kirstie'],
  rhys: ['reece'],
  huw: ['hugh'],
  dafydd: ['david'],
  owain: ['owen'],
  dwayne: ['duane'],
  marcia: ['marsha'],
  keisha: ['kiesha'],
  yusuf: ['yousef', 'yusef'],
  ibrahim: ['ebrahim'],
  ismail: ['ismael'],
  said: ['saeed'],
  abdullahi: ['abdullah'],
  abdirahman: ['abdulrahman'],
  abdikadir: ['abdulkadir'],
  faadumo: ['fadumo', 'fatuma'],
  maryan: ['maryam'],
  mahmoud: ['mahmood'],
  hassan: ['hasan'],
  khaled: ['khalid'],
  ahmad: ['ahmed'],
  omar: ['umar'],
  tariq: ['tarik'],
  hamza: ['hamzah'],
  usman: ['osman'],
  ayesha: ['aisha'],
  fatima: ['fatimah'],
  fatma: ['fatima'],
  yasmin: ['jasmine', 'yasmine'],
  layla: ['leila', 'laila'],
  nour: ['noor'],
  mariam: ['maryam'],
  zainab: ['zaynab'],
  huseyin: ['hussein'],
  mustafa: ['mustapha'],
  rahim: ['raheem'],
  habib: ['habeeb'],
  nasrin: ['nasreen'],
  shirin: ['shireen'],
  lakshmi: ['laxmi'],
  kavitha: ['kavita'],
  prasanth: ['prashanth'],
  vinoth: ['vinod'],
  dmitri: ['dmitry'],
  sergei: ['sergey'],
  alexei: ['alexey'],
  yevgeny: ['evgeny'],
  yulia: ['julia'],
  natalia: ['natalya', 'natalie'],
  tatiana: ['tatyana'],
  jhon: ['john'],
  tiago: ['thiago'],
  luis: ['luiz'],
  rafael: ['raphael'],
  felipe: ['filipe'],
  camila: ['camilla'],
  gabriela: ['gabriella'],
  jessenia: ['yesenia'],
  lukasz: ['luke'],
  katarzyna: ['kasia'],
  malgorzata: ['gosia'],
  krzysztof: ['chris'],
  wojciech: ['wojtek'],
  kwesi: ['kwasi'],
  oluwaseun: ['seun'],
  olusegun: ['segun'],
  babajide: ['jide'],
  adewale: ['wale'],
  folasade: ['sade'],
  oluwakemi: ['kemi'],
  temitope: ['tope'],
  chukwuemeka: ['emeka'],
  chiamaka: ['amaka'],
};

/** As an agent types a name: lower case, no accents, no apostrophes. */
export function typed(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ł/g, 'l')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/['’]/g, '');
}


/** Keys near each other on a UK keyboard: the commonest substitution slips. */
const NEIGHBOURS: Readonly<Record<string, string>> = {
  a: 'sq', b: 'vn', c: 'xv', d: 'sf', e: 'wr', f: 'dg', g: 'fh', h: 'gj', i: 'uo', j: 'hk', k: 'jl', l: 'k', m: 'n',
  n: 'bm', o: 'ip', p: 'o', q: 'w', r: 'et', s: 'ad', t: 'ry', u: 'yi', v: 'cb', w: 'qe', x: 'zc', y: 'tu', z: 'x',
};

/** One slip at `at` (never the first letter, which callers spell out): swap, miss, double or a neighbouring key. */
function slip(word: string, at: number, kind: number): string {
  const ch = word[at]!;
  if (kind === 0 && at + 1 < word.length && word[at + 1] !== ch) return word.slice(0, at) + word[at + 1] + ch + word.slice(at + 2);
  if (kind === 1) return word.slice(0, at) + word.slice(at + 1);
  if (kind === 2) return word.slice(0, at) + ch + word.slice(at);
  const near = NEIGHBOURS[ch] ?? 'e';
  return word.slice(0, at) + near[at % near.length] + word.slice(at + 1);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function dateForms(iso: string): string[] {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const day = Number(d);
  const month = Number(m);
  const th = day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th';
  return [
    `${d}/${m}/${y}`,
    `${day}/${month}/${y}`,
    `${d}-${m}-${y}`,
    `${d}.${m}.${y.slice(2)}`,
    iso,
    `${d}${m}${y}`,
    `${day} ${MONTHS[month - 1]} ${y}`,
    `${day}${th} ${MONTHS[month - 1]!.slice(0, 3).toLowerCase()} ${y}`,
    `${d} ${m} ${y}`,
  ];
}

/** '07700 900123' as people give it: spaced, run together, international with and without the plus. */
function mobileForms(number: string): string[] {
  const digits = number.replace(/\D/g, '');
  const rest = digits.slice(1);
  return [
    number,
    digits,
    `+44${rest}`,
    `+44 ${rest.slice(0, 4)} ${rest.slice(4)}`,
    `44${rest}`,
    `44 ${rest.slice(0, 4)} ${rest.slice(4)}`,
    `0044${rest}`,
    `+44 (0)${rest.slice(0, 4)} ${rest.slice(4)}`,
    `+44 ${digits}`,
    `${digits.slice(0, 5)} ${digits.slice(5, 8)} ${digits.slice(8)}`,
  ];
}

function landlineForms(number: string): string[] {
  const digits = number.replace(/\D/g, '');
  const rest = digits.slice(1);
  return [
    number,
    digits,
    `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`,
    `(${digits.slice(0, 3)}) ${digits.slice(3, 7)} ${digits.slice(7)}`,
    `+44 ${rest.slice(0, 2)} ${rest.slice(2, 6)} ${rest.slice(6)}`,
    `44${rest}`,
    `+44 (0)${rest.slice(0, 2)} ${rest.slice(2, 6)} ${rest.slice(6)}`,
  ];
}

function referenceForms(reference: string): string[] {
  const letters = reference.slice(0, 2);
  const digits = reference.slice(2);
  const half = digits.length === 8 ? 4 : 3;
  return [
    reference,
    reference.toLowerCase(),
    `${letters} ${digits.slice(0, half)} ${digits.slice(half)}`,
    `${letters}-${digits}`,
    digits,
    `${digits.slice(0, half)} ${digits.slice(half)}`,
  ];
}

const PER_CATEGORY = 60;

/**
 * Builds the set over `entries`: PER_CATEGORY queries in each category (fewer only if the
 * directory has too few residents that fit).
 */
export function qualitySet(entries: readonly DirectoryEntry[], seed = 160_006): LabelledQuery[] {
  const next = random(seed);
  const counts = new Map<string, number>();
  const count = (key: string): void => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  const unique = (key: string): boolean => counts.get(key) === 1;
  const given = (e: DirectoryEntry): string => typed(e.givenName);
  const family = (e: DirectoryEntry): string => typed(e.familyName);
  const digits = (phone: string): string => phone.replace(/\D/g, '');
  for (const e of entries) {
    count(`name|${given(e)}|${family(e)}`);
    count(`dob|${family(e)}|${e.dateOfBirth}`);
    count(`postcode|${family(e)}|${e.postcode}`);
    count(`address|${given(e)}|${e.addressLine}`);
    for (const phone of new Set(e.phones.map(digits))) {
      count(`mobile|${family(e)}|${phone}`);
      count(`landline|${given(e)}|${phone}`);
    }
    if (e.email) count(`email|${e.email.toLowerCase()}`);
  }
  const set: LabelledQuery[] = [];
  const pick = (category: QualityCategory, make: (e: DirectoryEntry, n: number) => string | null): void => {
    let made = 0;
    for (let tries = 0; made < PER_CATEGORY && tries < 50 * PER_CATEGORY; tries += 1) {
      const e = entries[Math.floor(next() * entries.length)]!;
      const query = make(e, made);
      if (query === null) continue;
      set.push({ category, query, residentId: e.residentId });
      made += 1;
    }
  };
  const plainFamily = (e: DirectoryEntry, min: number): string | null => {
    const name = family(e);
    return /^[a-z]+$/.test(name) && name.length >= min ? name : null;
  };

  pick('exact name', (e, n) => (unique(`name|${given(e)}|${family(e)}`) ? (n % 4 === 0 ? `${e.givenName} ${e.familyName}` : `${given(e)} ${family(e)}`) : null));
  pick('first-name variant', (e, n) => {
    const instead = SAID_INSTEAD[given(e)];
    if (!instead || !unique(`name|${given(e)}|${family(e)}`)) return null;
    const variant = instead[n % instead.length]!;
    // Someone else really called that would rightly come first.
    return counts.has(`name|${variant}|${family(e)}`) ? null : `${variant} ${family(e)}`;
  });
  pick('surname one slip', (e, n) => {
    const name = plainFamily(e, 5);
    if (!name || !unique(`name|${given(e)}|${family(e)}`)) return null;
    const slipped = slip(name, 1 + Math.floor(next() * (name.length - 1)), n % 4);
    return counts.has(`name|${given(e)}|${slipped}`) ? null : `${given(e)} ${slipped}`;
  });
  pick('surname two slips', (e, n) => {
    const name = plainFamily(e, 8);
    if (!name || !unique(`name|${given(e)}|${family(e)}`)) return null;
    const first = 1 + Math.floor(next() * 3);
    const second = first + 3 + Math.floor(next() * (name.length - first - 4));
    // The later slip first, so the earlier one's position still points at the same letter.
    const slipped = slip(slip(name, second, (n + 1) % 4), first, n % 4);
    return counts.has(`name|${given(e)}|${slipped}`) ? null : `${given(e)} ${slipped}`;
  });
  pick('mobile', (e, n) => {
    const mobile = e.phones.find((p) => p.startsWith('07'));
    if (!mobile || !unique(`mobile|${family(e)}|${digits(mobile)}`)) return null;
    const form = mobileForms(mobile)[n % 10]!;
    return n % 2 === 0 ? `${family(e)} ${form}` : `${form} ${family(e)}`;
  });
  pick('landline', (e, n) => {
    const landline = e.phones.find((p) => p.startsWith('02'));
    if (!landline || !unique(`landline|${given(e)}|${digits(landline)}`)) return null;
    const form = landlineForms(landline)[n % 7]!;
    return n % 2 === 0 ? `${given(e)} ${form}` : `${form} ${given(e)}`;
  });
  pick('council tax reference', (e, n) => (e.councilTaxReference ? referenceForms(e.councilTaxReference)[n % 6]! : null));
  pick('rent reference', (e, n) => (e.rentReference ? referenceForms(e.rentReference)[n % 6]! : null));
  pick('date of birth', (e, n) => (unique(`dob|${family(e)}|${e.dateOfBirth}`) ? `${family(e)} ${dateForms(e.dateOfBirth)[n % 9]}` : null));
  pick('postcode', (e, n) => {
    if (!unique(`postcode|${family(e)}|${e.postcode}`)) return null;
    const forms = [e.postcode, e.postcode.replace(' ', '').toLowerCase(), e.postcode.toLowerCase()];
    return `${family(e)} ${forms[n % 3]}`;
  });
  pick('address', (e, n) => {
    if (!e.addressLine || !unique(`address|${given(e)}|${e.addressLine}`)) return null;
    const line = n % 2 === 0 ? e.addressLine : e.addressLine.toLowerCase().replace(/,/g, '');
    return `${given(e)} ${line}`;
  });
  pick('email', (e, n) => (e.email && unique(`email|${e.email.toLowerCase()}`) ? (n % 3 === 0 ? e.email.toUpperCase() : e.email) : null));
  return set;
}

export interface Recall {
  queries: number;
  at1: number;
  at10: number;
}

/** Share of queries whose resident is first, and within the first ten; overall and per category. */
export function measureRecall(index: SearchIndex, set: readonly LabelledQuery[]): { overall: Recall; byCategory: Map<QualityCategory, Recall>; misses: LabelledQuery[] } {
  const byCategory = new Map<QualityCategory, Recall>();
  const overall: Recall = { queries: 0, at1: 0, at10: 0 };
  const misses: LabelledQuery[] = [];
  for (const labelled of set) {
    const ids = index.search(labelled.query, 10).map((hit) => hit.entry.residentId);
    const rank = ids.indexOf(labelled.residentId);
    let tally = byCategory.get(labelled.category);
    if (!tally) byCategory.set(labelled.category, (tally = { queries: 0, at1: 0, at10: 0 }));
    for (const t of [tally, overall]) {
      t.queries += 1;
      if (rank === 0) t.at1 += 1;
      if (rank >= 0) t.at10 += 1;
    }
    if (rank !== 0) misses.push(labelled);
  }
  const share = (r: Recall): Recall => ({ queries: r.queries, at1: r.at1 / r.queries, at10: r.at10 / r.queries });
  return { overall: share(overall), byCategory: new Map([...byCategory].map(([c, r]) => [c, share(r)])), misses };
}
