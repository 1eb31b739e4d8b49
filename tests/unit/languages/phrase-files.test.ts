import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPack, sourceHash } from '../../../main/core/languages/phrase-check';
import { csvToImport, mergeImport, packToCsv, packToXliff, parseCsv, PhraseFileError, xliffToImport } from '../../../main/core/languages/phrase-files';
import { loadPhraseLibrary } from '../../../main/core/languages/phrase-library';
import type { PhrasePack, PhraseSource, PhraseTranslation } from '../../../shared/languages/phrases';

const source: PhraseSource = {
  phrases: [
    { id: 'getting-interpreter', english: 'Please wait, I am getting an interpreter. It is free.', use: 'both', placeholders: [] },
    { id: 'reference-number', english: 'Your reference number is {reference}.', use: 'both', placeholders: ['{reference}'] },
    { id: 'contact-within', english: 'We will contact you within {days} working days.', use: 'both', placeholders: ['{days}'] },
    { id: 'tricky', english: 'Say "yes", then wait,\nand <listen> & {name}.', use: 'phone', placeholders: ['{name}'] },
  ],
};

const hashOf = (id: string) => sourceHash(source.phrases.find((each) => each.id === id)?.english ?? '');
function translation(id: string, text: string, changes: Partial<PhraseTranslation> = {}): PhraseTranslation {
  return { id, text, status: 'machine', origin: 'machine', translator: null, reviewer: null, date: '2026-11-26', sourceHash: hashOf(id), ...changes };
}

const tigrinya: PhrasePack = {
  language: 'ti',
  script: 'Ethi',
  direction: 'ltr',
  phrases: [
    translation('getting-interpreter', 'በጃኹም ተጸበዩ፡ ተርጓሚ የምጽኣልኩም ኣለኹ። ብነጻ እዩ።', { status: 'approved', origin: 'translator', translator: 'Abeba T., "Council, Languages"', reviewer: 'Mehari G.' }),
    translation('reference-number', 'ናይ መወከሲ ቁጽርኹም {reference} እዩ።'),
    translation('contact-within', 'ኣብ ውሽጢ {days} መዓልታት ስራሕ ክንረኽበኩም ኢና።', { status: 'withdrawn', date: null }),
    translation('tricky', ' "እወ" በሉ, ድሕሪኡ ተጸበዩ,\r\nን<ስምዑ> & {name} ', { status: 'draft', origin: 'community' }),
  ],
};

const arabic: PhrasePack = {
  language: 'ar',
  script: 'Arab',
  direction: 'rtl',
  phrases: [
    translation('getting-interpreter', 'من فضلك انتظر، سأحضر لك مترجمًا فوريًا. الخدمة مجانية.', { status: 'reviewed', origin: 'translator', translator: 'ليلى', reviewer: 'Omar, K.' }),
    // RTL text with a placeholder, and one whose English has moved on (a stale hash survives the trip).
    translation('reference-number', 'رقمك المرجعي هو {reference}.', { sourceHash: sourceHash('Your reference is {reference}.') }),
    translation('contact-within', 'سنتواصل معك خلال {days} أيام عمل.', { status: 'translated', origin: 'council-staff', translator: 'S. Haddad' }),
  ],
};

const roundTrips = [
  ['CSV', (pack: PhrasePack) => csvToImport(packToCsv(source, pack))],
  ['XLIFF', (pack: PhrasePack) => xliffToImport(packToXliff(source, pack))],
] as const;

describe.each(roundTrips)('%s round trip', (_, trip) => {
  it.each([tigrinya, arabic])('gives back the same $language pack exactly', (pack) => {
    const merged = mergeImport(source, pack, trip(pack));
    expect(merged.pack).toEqual(pack);
    expect(merged.notes).toEqual([]);
    expect(JSON.stringify(merged.pack)).toBe(JSON.stringify(pack));
  });

  it('adds a phrase to a pack that lacked it, and keeps the rest', () => {
    const partial = { ...arabic, phrases: arabic.phrases.slice(1) };
    const merged = mergeImport(source, partial, trip(arabic));
    // Added text is hashed from the English the file shows, which is today's.
    expect(merged.pack.phrases[0]).toEqual(arabic.phrases[0]);
    expect(merged.notes).toEqual(['getting-interpreter: added (reviewed).']);
  });
});

describe('CSV', () => {
  it('is UTF-8 with a BOM, CRLF rows and RFC 4180 quoting', () => {
    const csv = packToCsv(source, tigrinya);
    expect(csv.startsWith('\uFEFFid,english,translation,status,origin,translator,reviewer,date,language,source_hash\r\n')).toBe(true);
    expect(csv).toContain('"Say ""yes"", then wait,\nand <listen> & {name}."');
    expect(csv).toContain('"Abeba T., ""Council, Languages"""');
    expect(parseCsv(csv)).toHaveLength(5);
  });

  it('reads what Excel writes: no BOM, LF rows, a trailing empty line, columns in another order', () => {
    const csv = 'status,translation,id,english,language\n' + 'translated,"ናይ መወከሲ ቁጽርኹም {reference} እዩ።",reference-number,Your reference number is {reference}.,ti\n\n';
    const file = csvToImport(csv);
    expect(file).toEqual({
      language: 'ti',
      phrases: [{ id: 'reference-number', english: 'Your reference number is {reference}.', text: 'ናይ መወከሲ ቁጽርኹም {reference} እዩ።', status: 'translated', origin: 'translator', translator: null, reviewer: null, date: null, sourceHash: null }],
    });
  });

  it('refuses a broken file with a message that says what to do', () => {
    expect(() => csvToImport('id,english,translation,status,language\nx,"unclosed,t,machine,ti\n')).toThrow(/closing quote/);
    expect(() => csvToImport('id,english,translation\nx,y,z\n')).toThrow(/"status" is missing/);
    expect(() => csvToImport('id,english,translation,status,language\nx,y,z,checked,ti\n')).toThrow(PhraseFileError);
    expect(() => csvToImport('id,english,translation,status,language\na,b,c,machine,ti\nd,e,f,machine,am\n')).toThrow(/mixes languages/);
  });
});

describe('XLIFF 2.0', () => {
  it('has srcLang en, trgLang the language, one unit per phrase and a state per status', () => {
    const xliff = packToXliff(source, arabic);
    expect(xliff).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ar">');
    expect(xliff).toContain('<unit id="getting-interpreter">');
    expect(xliff).toContain('<segment state="reviewed" subState="cd:reviewed">');
    expect(xliff).toContain('<segment state="translated" subState="cd:machine">');
    expect(xliff).toContain('<note category="reviewer">Omar, K.</note>');
    expect(xliff).toContain('<target>رقمك المرجعي هو {reference}.</target>');
  });

  it('takes the state a translation tool set, when it disagrees with our subState', () => {
    const edited = packToXliff(source, arabic).replace('<segment state="translated" subState="cd:machine">', '<segment state="final" subState="cd:machine">');
    expect(xliffToImport(edited).phrases[1]?.status).toBe('approved');
  });

  it('refuses XLIFF 1.2 and files that are not well formed', () => {
    expect(() => xliffToImport('<xliff version="1.2"><file/></xliff>')).toThrow(/Only XLIFF 2.0/);
    expect(() => xliffToImport('<xliff version="2.0" trgLang="ar"><file><unit id="a"></file></xliff>')).toThrow(/not well formed/);
  });
});

describe('importing', () => {
  it('refuses (through checkPack) a file that lost a placeholder', () => {
    const csv = packToCsv(source, arabic).replace('رقمك المرجعي هو {reference}.', 'رقمك المرجعي هو.');
    const merged = mergeImport(source, arabic, csvToImport(csv));
    expect(checkPack(source, merged.pack).filter((each) => each.severity === 'failure')).toEqual([
      expect.objectContaining({ phraseId: 'reference-number', message: expect.stringContaining('lost {reference}') }),
    ]);
  });

  it('keeps "reviewed" on changed text only when a reviewer is named', () => {
    const changed = (reviewer: string | null) => ({
      language: 'ar',
      phrases: [{ id: 'contact-within', english: source.phrases[2]?.english ?? '', text: 'سنتصل بك خلال {days} أيام عمل.', status: 'reviewed' as const, origin: 'translator' as const, translator: 'S. Haddad', reviewer, date: '2026-12-01', sourceHash: null }],
    });
    const without = mergeImport(source, arabic, changed(null));
    expect(without.pack.phrases[2]).toMatchObject({ status: 'translated', reviewer: null, sourceHash: hashOf('contact-within') });
    expect(without.notes[0]).toMatch(/no reviewer is named, so it is imported as translated/);
    expect(mergeImport(source, arabic, changed('Omar K.')).pack.phrases[2]).toMatchObject({ status: 'reviewed', reviewer: 'Omar K.' });
  });

  it('hashes new text from the English the translator saw, so translating old English stays stale', () => {
    const file = { language: 'ar', phrases: [{ id: 'reference-number', english: 'Your reference is {reference}.', text: 'مرجعك {reference}.', status: 'translated' as const, origin: 'translator' as const, translator: 'L.', reviewer: null, date: '2026-12-01', sourceHash: null }] };
    const merged = mergeImport(source, arabic, file);
    expect(merged.pack.phrases[1]?.sourceHash).toBe(sourceHash('Your reference is {reference}.'));
    expect(checkPack(source, merged.pack).filter((each) => each.severity === 'failure').map((each) => each.message)).toEqual([expect.stringContaining('The English has changed')]);
  });

  it('refuses a file for another language', () => {
    expect(() => mergeImport(source, arabic, { language: 'ti', phrases: [] })).toThrow(/for "ti" but the pack is "ar"/);
  });
});

describe('every shipped pack', async () => {
  const shipped = await loadPhraseLibrary(path.resolve(import.meta.dirname, '../../../resources'));
  it.each([...shipped.packs.values()].map((pack) => [pack.language, pack] as const))('%s survives CSV and XLIFF unchanged', (_, pack) => {
    expect(mergeImport(shipped.source, pack, csvToImport(packToCsv(shipped.source, pack))).pack).toEqual(pack);
    expect(mergeImport(shipped.source, pack, xliffToImport(packToXliff(shipped.source, pack))).pack).toEqual(pack);
  });
});
