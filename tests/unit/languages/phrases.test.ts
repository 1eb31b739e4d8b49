import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDeploymentConfig } from '../../../main/core/config/deployment-config';
import { createCore } from '../../../main/core/create-core';
import { checkPack, checkSource, reconcile, sourceHash } from '../../../main/core/languages/phrase-check';
import { loadPhraseLibrary, phraseBook } from '../../../main/core/languages/phrase-library';
import type { PhraseBook, PhrasePack, PhraseSource, PhraseTranslation } from '../../../shared/languages/phrases';

const RESOURCES = path.resolve(import.meta.dirname, '../../../resources');

const source: PhraseSource = {
  phrases: [
    { id: 'getting-interpreter', english: 'Please wait, I am getting an interpreter. It is free.', use: 'both', placeholders: [] },
    { id: 'reference-number', english: 'Your reference number is {reference}.', use: 'both', placeholders: ['{reference}'] },
    { id: 'thank-you', english: 'Thank you.', use: 'both', placeholders: [] },
  ],
};

function translation(id: string, text: string, changes: Partial<PhraseTranslation> = {}): PhraseTranslation {
  const english = source.phrases.find((each) => each.id === id)?.english ?? '';
  return { id, text, status: 'machine', origin: 'machine', translator: null, reviewer: null, date: '2026-11-26', sourceHash: sourceHash(english), ...changes };
}

const tigrinya: PhrasePack = {
  language: 'ti',
  script: 'Ethi',
  direction: 'ltr',
  phrases: [
    translation('getting-interpreter', 'በጃኹም ተጸበዩ፡ ተርጓሚ የምጽኣልኩም ኣለኹ። ብነጻ እዩ።', { status: 'reviewed', origin: 'translator', translator: 'A. Tesfay', reviewer: 'M. Gebre' }),
    translation('reference-number', 'ናይ መወከሲ ቁጽርኹም {reference} እዩ።'),
    translation('thank-you', 'የቐንየለይ።', { status: 'withdrawn' }),
  ],
};

const failures = (problems: ReturnType<typeof checkPack>) => problems.filter((each) => each.severity === 'failure');

describe('checking a pack', () => {
  it('hashes the English exactly (SHA-256, hex)', () => {
    expect(sourceHash('Thank you.')).toBe('8569efc4ed5a6273140c2b6ec0ab8d99f4398210808fbb7c0cbbae4fbcc21350');
    expect(sourceHash('Thank you.')).not.toBe(sourceHash('Thank you. '));
  });

  it('passes a good pack', () => {
    expect(checkSource(source)).toEqual([]);
    expect(checkPack(source, tigrinya)).toEqual([]);
  });

  it('fails a translation that lost a placeholder, or has one the English does not', () => {
    const lost = { ...tigrinya, phrases: [translation('reference-number', 'ናይ መወከሲ ቁጽርኹም እዩ።')] };
    expect(failures(checkPack(source, lost))).toEqual([expect.objectContaining({ phraseId: 'reference-number', message: expect.stringContaining('lost {reference}') })]);
    const renamed = { ...tigrinya, phrases: [translation('reference-number', 'ናይ መወከሲ ቁጽርኹም {referance} እዩ።')] };
    expect(failures(checkPack(source, renamed)).map((each) => each.message).join(' ')).toMatch(/lost \{reference\}.*has \{referance\}/);
  });

  it('fails unknown ids and statuses, empty text, and reviewed phrases with no reviewer', () => {
    const pack: PhrasePack = {
      ...tigrinya,
      phrases: [
        translation('no-such-phrase', 'x'),
        translation('thank-you', 'x', { status: 'checked' as never }),
        translation('getting-interpreter', '  '),
        translation('reference-number', '{reference}', { status: 'approved' }),
      ],
    };
    const found = failures(checkPack(source, pack)).map((each) => `${each.phraseId}: ${each.message}`);
    expect(found).toEqual([
      expect.stringMatching(/^no-such-phrase: No phrase in en.json/),
      expect.stringMatching(/^thank-you: Unknown status "checked"/),
      expect.stringMatching(/^getting-interpreter: The translation is empty/),
      expect.stringMatching(/^reference-number: Marked approved but no reviewer is named/),
    ]);
  });

  it('compares script and direction with the language table when there is one', () => {
    const table = { builtFrom: { cldr: '48', builtOn: '2026-11-26' }, languages: [{ code: 'ti', englishName: 'Tigrinya', cldrEnglishName: null, autonym: 'ትግርኛ', autonymSource: 'cldr' as const, script: 'Ethi', direction: 'ltr' as const, region: 'africa' as const, aliases: [], supplierNames: {} }] };
    expect(checkPack(source, tigrinya, table)).toEqual([]);
    expect(failures(checkPack(source, { ...tigrinya, direction: 'rtl' }, table))).toEqual([expect.objectContaining({ phraseId: null, message: expect.stringContaining('says ti is ltr') })]);
    expect(checkPack(source, { ...tigrinya, language: 'tig' }, table)).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('no "tig"') })]);
    expect(checkPack(source, tigrinya, null)).toEqual([]);
  });
});

describe('an edit to the English', () => {
  const edited: PhraseSource = { phrases: source.phrases.map((each) => (each.id === 'getting-interpreter' ? { ...each, english: 'Please wait. I am getting an interpreter for you. It is free.' } : each)) };

  it('is a failure until reconciled', () => {
    expect(failures(checkPack(edited, tigrinya))).toEqual([expect.objectContaining({ phraseId: 'getting-interpreter', message: expect.stringContaining('phrases:reconcile') })]);
  });

  it('resets the status to draft with the new hash, keeping the old text; then it is a warning, not a failure', () => {
    const { pack, reset } = reconcile(edited, tigrinya, '2026-12-01');
    expect(reset).toEqual(['getting-interpreter']);
    expect(pack.phrases[0]).toEqual({ ...tigrinya.phrases[0], status: 'draft', reviewer: null, date: '2026-12-01', sourceHash: sourceHash(edited.phrases[0]?.english ?? '') });
    expect(pack.phrases.slice(1)).toEqual(tigrinya.phrases.slice(1));
    expect(checkPack(edited, pack)).toEqual([expect.objectContaining({ severity: 'warning', phraseId: 'getting-interpreter', message: expect.stringContaining('needs translating') })]);
    expect(reconcile(edited, pack, '2026-12-02').reset).toEqual([]);
  });
});

describe('the phrase book a resident is shown', () => {
  const library = { source, packs: new Map([['ti', tigrinya]]), files: new Map(), problems: checkPack(source, tigrinya), checkedAgainstTable: false };

  it('merges each phrase with its English, and leaves withdrawn phrases out', () => {
    const book = phraseBook(library, 'ti', true);
    expect(book).toEqual({
      language: 'ti',
      script: 'Ethi',
      direction: 'ltr',
      showUnreviewed: true,
      phrases: [
        { id: 'getting-interpreter', english: source.phrases[0]?.english, text: tigrinya.phrases[0]?.text, reviewed: true, status: 'reviewed' },
        { id: 'reference-number', english: 'Your reference number is {reference}.', text: 'ናይ መወከሲ ቁጽርኹም {reference} እዩ።', reviewed: false, status: 'machine' },
      ],
    });
  });

  it('leaves unreviewed phrases out when the council says so', () => {
    expect(phraseBook(library, 'ti', false).phrases.map((each) => each.id)).toEqual(['getting-interpreter']);
  });

  it('leaves out drafts and phrases that fail the check, and gives an empty book for a language with no pack', () => {
    const broken: PhrasePack = { ...tigrinya, phrases: [translation('getting-interpreter', 'x', { status: 'draft' }), translation('reference-number', 'no placeholder')] };
    const brokenLibrary = { ...library, packs: new Map([['ti', broken]]), problems: checkPack(source, broken) };
    expect(phraseBook(brokenLibrary, 'ti', true).phrases).toEqual([]);
    expect(phraseBook(library, 'xx', true)).toEqual({ language: 'xx', script: 'Zyyy', direction: 'ltr', phrases: [], showUnreviewed: true });
    const withTable = { ...library, writing: new Map([['dv', { script: 'Thaa', direction: 'rtl' as const }]]) };
    expect(phraseBook(withTable, 'dv', true)).toEqual({ language: 'dv', script: 'Thaa', direction: 'rtl', phrases: [], showUnreviewed: true });
  });
});

describe('the shipped packs', async () => {
  const shipped = await loadPhraseLibrary(RESOURCES);

  it('has at least the 31 languages most likely in the borough', () => {
    const wanted = 'es pt pl ro bg lt it fr tr ar so ti am yo ig tw bn syl ur pa gu ta fa prs ps ckb zh yue vi sq ln'.split(' ');
    expect(wanted.filter((code) => !shipped.packs.has(code))).toEqual([]);
  });

  it('every pack passes checkPack against en.json (and the language table, when it is there)', () => {
    expect(shipped.problems.filter((each) => each.severity === 'failure')).toEqual([]);
    // The only warnings: a phrase not translated into a language yet, which residents then see in English.
    for (const warning of shipped.problems) expect(warning).toMatchObject({ severity: 'warning', phraseId: expect.any(String), message: 'Not translated yet: not shown in this language.' });
  });

  it('translates every phrase into the languages most asked for at the borough’s service points', () => {
    const everyPhrase = 'es pt fr it pl ro lt bg sq tr ar fa prs ur ps bn pa gu ta so am ti vi yue ckb'.split(' ');
    const untranslated = everyPhrase.flatMap((code) => {
      const ids = new Set(shipped.packs.get(code)?.phrases.map((phrase) => phrase.id));
      return shipped.source.phrases.filter((phrase) => !ids.has(phrase.id)).map((phrase) => `${code} ${phrase.id}`);
    });
    expect(untranslated).toEqual([]);
  });

  it('claims nothing it is not: every shipped translation is a machine draft, unreviewed', () => {
    for (const pack of shipped.packs.values()) {
      for (const phrase of pack.phrases) expect({ language: pack.language, ...phrase }).toMatchObject({ status: 'machine', origin: 'machine', translator: null, reviewer: null });
    }
  });

  it('writes right-to-left languages right to left, and Sylheti and the Ethiopic languages in their scripts', () => {
    const of = (code: string) => shipped.packs.get(code);
    for (const code of ['ar', 'ur', 'fa', 'prs', 'ps', 'ckb']) expect(of(code)).toMatchObject({ script: 'Arab', direction: 'rtl' });
    expect(of('syl')).toMatchObject({ script: 'Beng', direction: 'ltr', note: expect.stringContaining('Bengali script') });
    expect(of('ti')?.script).toBe('Ethi');
    expect(of('am')?.script).toBe('Ethi');
  });
});

describe("the core's languages.phrases call", () => {
  const folders: string[] = [];
  afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

  async function resources(): Promise<string> {
    const folder = await mkdtemp(path.join(tmpdir(), 'civicdesk-phrases-'));
    folders.push(folder);
    await mkdir(path.join(folder, 'phrases'));
    await mkdir(path.join(folder, 'scripts'));
    await writeFile(path.join(folder, 'bank-holidays.json'), await readFile(path.join(RESOURCES, 'bank-holidays.json')));
    await writeFile(path.join(folder, 'phrases', 'en.json'), JSON.stringify(source));
    await writeFile(path.join(folder, 'phrases', 'ti.json'), JSON.stringify(tigrinya));
    return folder;
  }
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const live = (extra: object) =>
    loadDeploymentConfig(JSON.stringify({ tenantId: '00000000-0000-4000-8000-000000000000', clientId: '00000000-0000-4000-8000-000000000001', dataverseUrl: 'https://example.crm11.dynamics.com', anonymousContactId: '6b1e2f0a-5c3d-4e8f-9a1b-2c3d4e5f6a7b', ...extra }), 'test');

  it('shows unreviewed phrases by default, and in training', async () => {
    expect(live({})).toMatchObject({ mode: 'live', config: { showUnreviewedPhrases: true } });
    const core = createCore({ config: loadDeploymentConfig(undefined, ''), appVersion: 't', log: quiet, resourcesDir: await resources(), training: { residents: 20 } });
    try {
      const answer = await core.router.dispatch('languages.phrases', { language: 'ti' }, { transport: 'loopback' });
      expect(answer).toMatchObject({ ok: true, value: { showUnreviewed: true } });
      expect((answer as { value: PhraseBook }).value.phrases.map((each) => each.id)).toEqual(['getting-interpreter', 'reference-number']);
    } finally {
      await core.close();
    }
  });

  it('leaves unreviewed phrases out when the deployment sets showUnreviewedPhrases to false', async () => {
    const config = live({ showUnreviewedPhrases: false });
    expect(config.mode).toBe('live');
    const core = createCore({ config, appVersion: 't', log: quiet, resourcesDir: await resources() });
    try {
      const answer = await core.router.dispatch('languages.phrases', { language: 'ti' }, { transport: 'loopback' });
      expect(answer).toMatchObject({ ok: true, value: { showUnreviewed: false, phrases: [{ id: 'getting-interpreter', reviewed: true }] } });
      expect((answer as { value: PhraseBook }).value.phrases).toHaveLength(1);
    } finally {
      await core.close();
    }
  });
});
