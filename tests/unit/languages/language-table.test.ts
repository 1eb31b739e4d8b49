import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeploymentConfig } from '../../../main/core/config/deployment-config';
import { createCore } from '../../../main/core/create-core';
import { loadLanguageTable, parseLanguageTable, readLanguageTable } from '../../../main/core/languages/language-table';
import type { LanguageEntry, LanguageTable } from '../../../shared/languages/language-table';
import {
  buildLanguageTable,
  loadCldrSources,
  NOT_LANGUAGES,
  readOverlay,
  serialiseLanguageTable,
  TABLE_FILE,
  type CldrSources,
  type LanguageOverlay,
} from '../../../tools/build-languages';

let overlay: LanguageOverlay;
let cldr: CldrSources;
let table: LanguageTable;
const byCode = (code: string): LanguageEntry => {
  const entry = table.languages.find((each) => each.code === code);
  if (!entry) throw new Error(`no ${code} in the table`);
  return entry;
};

beforeAll(() => {
  overlay = readOverlay();
  cldr = loadCldrSources(overlay);
  const built = buildLanguageTable(cldr, overlay);
  expect(built.problems).toEqual([]);
  table = built.table;
});

describe('the language table built from CLDR and the council overlay', () => {
  it('names about 600 languages, sorted by code, each once, and leaves out codes that are not languages', () => {
    expect(table.languages.length).toBeGreaterThanOrEqual(550);
    expect(table.languages.length).toBeLessThanOrEqual(700);
    const codes = table.languages.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const code of Object.keys(NOT_LANGUAGES)) expect(codes).not.toContain(code);
  });

  it('takes writing direction from the script', () => {
    for (const code of ['ar', 'ur', 'fa', 'ps', 'ckb', 'dv', 'he', 'prs', 'pnb', 'rhg']) expect([code, byCode(code).direction]).toEqual([code, 'rtl']);
    for (const code of ['kmr', 'so', 'tr', 'ti', 'bn', 'syl', 'en']) expect([code, byCode(code).direction]).toEqual([code, 'ltr']);
    expect(byCode('ckb').script).toBe('Arab');
    expect(byCode('kmr').script).toBe('Latn');
    expect(byCode('dv').script).toBe('Thaa');
    expect(byCode('rhg').script).toBe('Rohg');
    expect(byCode('pa').script).toBe('Guru');
    expect(byCode('pnb').script).toBe('Arab');
    for (const entry of table.languages) {
      const rtl = cldr.scriptRtl[entry.script];
      if (rtl !== undefined) expect([entry.code, entry.direction]).toEqual([entry.code, rtl ? 'rtl' : 'ltr']);
    }
  });

  it('has both an English name and an autonym for at least 120 languages, and says where each autonym comes from', () => {
    const named = table.languages.filter((entry) => entry.englishName && entry.autonym);
    expect(named.length).toBeGreaterThanOrEqual(120);
    expect(byCode('ti').autonym).toBe('ትግርኛ');
    expect(byCode('so').autonym).toBe('Soomaali');
    expect(byCode('am').autonymSource).toBe('cldr');
    for (const entry of table.languages) expect(entry.autonym === null).toBe(entry.autonymSource === null);
  });

  it('merges the overlay: Bengali with Bangla, Sylheti on its own, BSL without an autonym', () => {
    const bengali = byCode('bn');
    expect(bengali.englishName).toBe('Bengali');
    expect(bengali.cldrEnglishName).toBe('Bangla');
    expect(bengali.aliases).toContain('Bangla');
    expect(bengali.aliases.join(' ')).not.toMatch(/Sylhet/i);

    const sylheti = byCode('syl');
    expect(sylheti.englishName).toBe('Sylheti');
    expect(sylheti.script).toBe('Beng');
    expect(sylheti.supplierNames).toHaveProperty('languageline');
    expect(sylheti.supplierNames).toHaveProperty('thebigword');

    expect(byCode('bfi')).toMatchObject({ englishName: 'British Sign Language', autonym: null, autonymSource: null, script: 'Zxxx', direction: 'ltr', region: 'sign-languages' });
    expect(byCode('ckb').englishName).toBe('Kurdish (Sorani)');
    expect(byCode('kmr').englishName).toBe('Kurdish (Kurmanji)');
    expect(byCode('prs')).toMatchObject({ englishName: 'Dari', autonym: 'دری', autonymSource: 'council' });
    expect(byCode('fa').englishName).toBe('Farsi (Persian)');
    expect(byCode('zh').englishName).toBe('Chinese (Mandarin)');
    expect(byCode('lg')).toMatchObject({ englishName: 'Luganda', cldrEnglishName: 'Ganda' });
  });

  it('writes sign languages with no script and groups them apart', () => {
    const signed = table.languages.filter((entry) => entry.region === 'sign-languages');
    expect(signed.map((entry) => entry.code)).toEqual(expect.arrayContaining(['ase', 'bfi']));
    for (const entry of signed) expect(entry.script).toBe('Zxxx');
    expect(table.languages.some((entry) => entry.script === 'Sgnw')).toBe(false);
  });

  it('builds the same table every time, dated by the CLDR release rather than today', () => {
    const again = buildLanguageTable(loadCldrSources(overlay), readOverlay());
    expect(serialiseLanguageTable(again.table)).toBe(serialiseLanguageTable(table));
    expect(table.builtFrom).toEqual({ cldr: cldr.version, builtOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('matches resources/languages.json exactly (run npm run languages:build after changing CLDR or the overlay)', async () => {
    expect(await readFile(TABLE_FILE, 'utf8')).toBe(serialiseLanguageTable(table));
  });

  it('fails the build when the overlay adds a language CLDR does not name without a label', () => {
    const broken = { ...overlay, languages: [...overlay.languages, { code: 'xqq' }] };
    expect(buildLanguageTable(cldr, broken).problems).toEqual([expect.stringContaining('xqq: CLDR does not name it in English')]);
    const unknownSupplier = { ...overlay, languages: [...overlay.languages, { code: 'xqr', englishName: 'Test', script: 'Latn', territory: 'GB', supplierNames: { nobody: 'Test' } }] };
    expect(buildLanguageTable(cldr, unknownSupplier).problems).toEqual([expect.stringContaining('supplier "nobody"')]);
  });
});

describe('the main process reading resources/languages.json', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'civicdesk-languages-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('reads the shipped table once', async () => {
    const resources = path.dirname(TABLE_FILE);
    const first = await loadLanguageTable(resources);
    expect(first).toEqual(table);
    expect(await loadLanguageTable(resources)).toBe(first);
  });

  it("answers the 'languages.table' call with it", async () => {
    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const core = createCore({ config: loadDeploymentConfig(undefined, ''), appVersion: 't', log: quiet, resourcesDir: path.dirname(TABLE_FILE), training: { residents: 20 } });
    try {
      const answer = await core.router.dispatch('languages.table', {}, { transport: 'loopback' });
      expect(answer).toMatchObject({ ok: true, value: { builtFrom: table.builtFrom } });
      expect((answer as { value: LanguageTable }).value.languages).toHaveLength(table.languages.length);
    } finally {
      await core.close();
    }
  });

  it('refuses a broken table with a message naming the file and the problem', async () => {
    const file = path.join(folder, 'languages.json');
    const entry = { ...table.languages[0], direction: 'sideways' };
    await writeFile(file, JSON.stringify({ builtFrom: table.builtFrom, languages: [entry] }));
    await expect(readLanguageTable(file)).rejects.toThrow(/languages\.json is broken; rebuild it with npm run languages:build[\s\S]*direction/);
    await writeFile(file, '{ not json');
    await expect(loadLanguageTable(folder)).rejects.toThrow(/is not JSON/);
    await expect(readLanguageTable(path.join(folder, 'missing.json'))).rejects.toThrow(/could not be read/);
    expect(() => parseLanguageTable({ builtFrom: table.builtFrom, languages: [table.languages[0], table.languages[0]] }, 'x.json')).toThrow(/listed twice/);
  });
});
