import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { groupByRegion, languageByCode, normaliseLanguageName, searchLanguages, WORLD_REGION_ORDER } from '../../../shared/languages/find-language';
import type { LanguageEntry, LanguageTable } from '../../../shared/languages/language-table';

const here = path.dirname(fileURLToPath(import.meta.url));
const table = JSON.parse(readFileSync(path.resolve(here, '../../../resources/languages.json'), 'utf8')) as LanguageTable;
const codes = (entries: readonly LanguageEntry[]) => entries.map((entry) => entry.code);

function entry(code: string, englishName: string, more: Partial<LanguageEntry> = {}): LanguageEntry {
  return { code, englishName, cldrEnglishName: null, autonym: null, autonymSource: null, script: 'Latn', direction: 'ltr', region: 'europe', aliases: [], supplierNames: {}, ...more };
}

describe('languageByCode', () => {
  it('finds a language by its code, ignoring case and region or script subtags', () => {
    expect(languageByCode(table, 'ti')?.englishName).toBe('Tigrinya');
    expect(languageByCode(table, 'SYL')?.englishName).toBe('Sylheti');
    expect(languageByCode(table, 'en-GB')?.code).toBe('en');
    expect(languageByCode(table, 'en_gb')?.code).toBe('en');
    expect(languageByCode(table, 'zh-Hant-HK')?.code).toBe('zh');
    expect(languageByCode(table, ' ckb-IQ ')?.code).toBe('ckb');
  });

  it('prefers the longest code the table has', () => {
    const small: LanguageTable = { builtFrom: { cldr: '0', builtOn: '2000-01-01' }, languages: [entry('zh', 'Chinese'), entry('zh-Hant', 'Chinese (Traditional)')] };
    expect(languageByCode(small, 'zh-hant-tw')?.code).toBe('zh-Hant');
    expect(languageByCode(small, 'zh-Hans')?.code).toBe('zh');
  });

  it('says null for a code it does not know', () => {
    expect(languageByCode(table, 'qqq')).toBeNull();
    expect(languageByCode(table, '')).toBeNull();
  });
});

describe('searchLanguages', () => {
  it('finds a language by its autonym, its English name, the council label or an alias', () => {
    expect(codes(searchLanguages(table, 'ትግርኛ'))[0]).toBe('ti');
    expect(codes(searchLanguages(table, 'tigrinya'))[0]).toBe('ti');
    expect(codes(searchLanguages(table, 'Bangla'))[0]).toBe('bn');
    expect(codes(searchLanguages(table, 'bengali'))[0]).toBe('bn');
    expect(codes(searchLanguages(table, 'Ganda'))).toContain('lg');
    expect(codes(searchLanguages(table, 'mirpuri'))).toEqual(['phr']);
    expect(codes(searchLanguages(table, 'sorani'))[0]).toBe('ckb');
    expect(codes(searchLanguages(table, 'کوردیی'))).toContain('ckb');
    expect(codes(searchLanguages(table, 'kurdish'))).toEqual(expect.arrayContaining(['ckb', 'kmr', 'ku', 'sdh']));
  });

  it('ignores case and accents', () => {
    expect(codes(searchLanguages(table, 'YORUBA'))[0]).toBe('yo');
    expect(codes(searchLanguages(table, 'yorùbá'))[0]).toBe('yo');
    expect(codes(searchLanguages(table, 'turkce'))).toContain('tr');
    expect(codes(searchLanguages(table, 'kreyol ayisyen'))).toEqual(['ht']);
    expect(normaliseLanguageName('  Kurdish (Sorani) ')).toBe('kurdish sorani');
    expect(normaliseLanguageName('Ruáingga')).toBe('ruaingga');
  });

  it("finds a supplier's own name for the language", () => {
    expect(codes(searchLanguages(table, 'Bengali (Sylheti)'))[0]).toBe('syl');
    expect(codes(searchLanguages(table, 'Punjabi (Pakistani)'))[0]).toBe('pnb');
  });

  it('puts whole names and word starts before matches inside a word', () => {
    const small: LanguageTable = {
      builtFrom: { cldr: '0', builtOn: '2000-01-01' },
      languages: [entry('aaa', 'Xhakka'), entry('bbb', 'Old Hakka'), entry('ccc', 'Hakka Chinese'), entry('ddd', 'Hakka'), entry('eee', 'Other', { aliases: ['hakka'] })],
    };
    expect(codes(searchLanguages(small, 'hakka'))).toEqual(['ddd', 'eee', 'ccc', 'bbb', 'aaa']);
    expect(codes(searchLanguages(small, 'hak chin'))).toEqual(['ccc']);
  });

  it('gives every language, by English label, for an empty query and nothing for nonsense', () => {
    const all = searchLanguages(table, '  ');
    expect(all).toHaveLength(table.languages.length);
    expect(all[0]?.englishName.localeCompare(all[1]?.englishName ?? '', 'en')).toBeLessThan(0);
    expect(searchLanguages(table, 'zzzzqqq')).toEqual([]);
  });
});

describe('groupByRegion', () => {
  it('groups in a fixed order, keeps the order within a group and leaves out empty regions', () => {
    const entries = [entry('so', 'Somali', { region: 'africa' }), entry('bfi', 'BSL', { region: 'sign-languages' }), entry('ti', 'Tigrinya', { region: 'africa' }), entry('pl', 'Polish')];
    expect(groupByRegion(entries).map((group) => [group.region, codes(group.languages)])).toEqual([
      ['africa', ['so', 'ti']],
      ['europe', ['pl']],
      ['sign-languages', ['bfi']],
    ]);
  });

  it('puts every language in the table in exactly one group', () => {
    const groups = groupByRegion(table.languages);
    expect(groups.map((group) => group.region)).toEqual(WORLD_REGION_ORDER);
    expect(groups.reduce((sum, group) => sum + group.languages.length, 0)).toBe(table.languages.length);
  });
});
