import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadQualityForm } from '../../../main/core/quality/quality-form-file';
import { checkQualityForm, criteriaOf, type QualityFormSource } from '../../../shared/quality/quality-form';

const RESOURCES = path.resolve(import.meta.dirname, '../../../resources');

/** A small sound form; each test breaks one thing in a fresh copy of it. */
const sound = (): QualityFormSource => ({
  id: 'test-form',
  version: 1,
  title: 'Test form',
  passMark: 80,
  sections: [
    {
      id: 'opening',
      title: 'Opening',
      criteria: [
        { id: 'greeting', question: 'Greeted the resident', guidance: 'Gave the council greeting.', weight: 1, critical: false, notApplicableAllowed: false },
        { id: 'identity-checked', question: 'Checked identity', guidance: 'Asked the policy questions first.', weight: 3, critical: true, notApplicableAllowed: true },
      ],
    },
    {
      id: 'close',
      title: 'Close',
      criteria: [{ id: 'reference-given', question: 'Gave a reference', guidance: 'Read it out.', weight: 2, critical: false, notApplicableAllowed: true }],
    },
  ],
});

const problemsOf = (form: unknown) => checkQualityForm(form).problems;

describe('the shipped contact quality form', () => {
  it('passes the checker', async () => {
    const loaded = await loadQualityForm(RESOURCES);
    expect(loaded.problems).toEqual([]);
    expect(loaded.form?.id).toBe('contact-quality');
  });

  it('fails a review that discusses personal details without an identity check', async () => {
    // Data protection: whatever else changes in the form, this must stay critical.
    const { form } = await loadQualityForm(RESOURCES);
    const identity = criteriaOf(form ?? { sections: [] }).find((criterion) => criterion.id === 'identity-checked');
    expect(identity?.critical).toBe(true);
  });
});

describe('the quality form checker', () => {
  it('accepts a sound form and gives it back', () => {
    const result = checkQualityForm(sound());
    expect(result.problems).toEqual([]);
    expect(result.form?.sections.map((section) => section.id)).toEqual(['opening', 'close']);
  });

  it('finds a section id used twice', () => {
    const form = sound();
    form.sections[1]!.id = 'opening';
    expect(problemsOf(form)).toEqual(['section "opening": This section id is used twice.']);
  });

  it('finds a criterion id used twice, even in different sections', () => {
    const form = sound();
    form.sections[1]!.criteria[0]!.id = 'greeting';
    expect(problemsOf(form)).toEqual(['section "close", criterion "greeting": This criterion id is used twice; criterion ids must be unique across the whole form.']);
  });

  it('needs at least one critical criterion', () => {
    const form = sound();
    form.sections[0]!.criteria[1]!.critical = false;
    expect(problemsOf(form)).toEqual(['(whole form): No criterion is critical; the form needs at least one (for example, the identity check).']);
  });

  it.each([0, -2, 1.5, '2'])('refuses a weight of %j', (weight) => {
    const form = sound() as { sections: { criteria: Record<string, unknown>[] }[] };
    form.sections[0]!.criteria[0]!.weight = weight;
    const problems = problemsOf(form);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^section "opening", criterion "greeting", weight: /);
  });

  it.each([0, 101, 79.5])('refuses a pass mark of %j', (passMark) => {
    expect(problemsOf({ ...sound(), passMark })).toEqual([`passMark: ${Number.isInteger(passMark) ? 'The pass mark must be a whole percent from 1 to 100.' : 'Must be a whole number.'}`]);
  });

  it('accepts the pass marks at either end of the range', () => {
    expect(problemsOf({ ...sound(), passMark: 1 })).toEqual([]);
    expect(problemsOf({ ...sound(), passMark: 100 })).toEqual([]);
  });

  it.each([0, 2.5])('refuses a version of %j', (version) => {
    expect(problemsOf({ ...sound(), version })).toHaveLength(1);
    expect(problemsOf({ ...sound(), version })[0]).toMatch(/^version: /);
  });

  it('reports a missing field by where it is', () => {
    const form = sound();
    delete (form.sections[1]!.criteria[0] as Partial<(typeof form.sections)[number]['criteria'][number]>).guidance;
    expect(problemsOf(form)).toEqual(['section "close", criterion "reference-given", guidance: Required.']);
    const { passMark: _passMark, ...noPassMark } = sound();
    expect(problemsOf(noPassMark)).toEqual(['passMark: Required.']);
  });

  it('names a criterion by its id, or by its position when it has none', () => {
    const form = sound();
    form.sections[0]!.criteria[1]!.id = 'Identity Check';
    expect(problemsOf(form)).toEqual(['section "opening", criterion "Identity Check", id: Use lower-case words joined by hyphens (kebab-case), starting with a letter.']);
    delete (form.sections[0]!.criteria[1] as { id?: string }).id;
    expect(problemsOf(form)).toEqual(['section "opening", criterion 2, id: Required.']);
  });

  it('refuses over-long questions and guidance, and allows them at the limit', () => {
    const form = sound();
    form.sections[0]!.criteria[0]!.question = 'q'.repeat(200);
    form.sections[0]!.criteria[0]!.guidance = 'g'.repeat(400);
    expect(problemsOf(form)).toEqual([]);
    form.sections[0]!.criteria[0]!.question = 'q'.repeat(201);
    form.sections[0]!.criteria[0]!.guidance = 'g'.repeat(401);
    expect(problemsOf(form)).toEqual([
      'section "opening", criterion "greeting", question: Must be 200 characters or fewer.',
      'section "opening", criterion "greeting", guidance: Must be 400 characters or fewer.',
    ]);
  });

  it('refuses empty and blank text', () => {
    const form = sound();
    form.title = '';
    form.sections[1]!.criteria[0]!.question = '   ';
    expect(problemsOf(form)).toEqual(['title: Must not be empty.', 'section "close", criterion "reference-given", question: Must not be empty.']);
  });

  it('needs a section, and a criterion in every section', () => {
    expect(problemsOf({ ...sound(), sections: [] })).toEqual(['sections: The form needs at least one section.']);
    const form = sound();
    form.sections[1]!.criteria = [];
    expect(problemsOf(form)).toEqual(['section "close", criteria: A section needs at least one criterion.']);
  });

  it('refuses fields it does not know, so a misspelt one is not silently ignored', () => {
    const form = sound() as { sections: { criteria: Record<string, unknown>[] }[] };
    form.sections[0]!.criteria[0]!.notApplicableAlowed = true;
    expect(problemsOf(form)).toEqual(['section "opening", criterion "greeting": Unknown field "notApplicableAlowed".']);
  });

  it('refuses something that is not a form at all', () => {
    expect(problemsOf(null)).toEqual(['(whole form): Must be a form (id, version, title, passMark and sections).']);
    expect(checkQualityForm('contact-quality').form).toBeNull();
  });
});

describe('loading the form file', () => {
  const folders: string[] = [];
  afterEach(async () => {
    await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
  });
  const resourcesWith = async (yaml: string | null) => {
    const folder = await mkdtemp(path.join(tmpdir(), 'civicdesk-quality-'));
    folders.push(folder);
    await mkdir(path.join(folder, 'quality'));
    if (yaml !== null) await writeFile(path.join(folder, 'quality', 'contact-quality.yaml'), yaml, 'utf8');
    return folder;
  };

  it('reports a missing file', async () => {
    const loaded = await loadQualityForm(await resourcesWith(null));
    expect(loaded.form).toBeNull();
    expect(loaded.problems).toEqual([expect.stringMatching(/is missing\.$/)]);
  });

  it('reports a file that is not YAML', async () => {
    const loaded = await loadQualityForm(await resourcesWith('id: [unclosed'));
    expect(loaded.form).toBeNull();
    expect(loaded.problems).toEqual([expect.stringMatching(/^The form file could not be read as YAML: /)]);
  });

  it('passes on the checker\'s problems', async () => {
    const loaded = await loadQualityForm(await resourcesWith('id: contact-quality\nversion: 1\ntitle: Form\npassMark: 120\nsections: []\n'));
    expect(loaded.form).toBeNull();
    expect(loaded.problems).toEqual(['passMark: The pass mark must be a whole percent from 1 to 100.', 'sections: The form needs at least one section.']);
  });

  it('needs the form id to match the file name', async () => {
    const { form } = checkQualityForm(sound());
    const loaded = await loadQualityForm(await resourcesWith(JSON.stringify(form)));
    expect(loaded.form).toBeNull();
    expect(loaded.problems).toEqual(['The form id must be "contact-quality", to match its file name, not "test-form".']);
    const renamed = await loadQualityForm(await resourcesWith(JSON.stringify({ ...form, id: 'contact-quality' })));
    expect(renamed.problems).toEqual([]);
  });
});
