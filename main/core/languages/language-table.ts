import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { LanguageTable } from '../../../shared/languages/language-table';

export const LANGUAGE_TABLE_FILE_NAME = 'languages.json';

const languageEntry = z.strictObject({
  code: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/),
  englishName: z.string().min(1),
  cldrEnglishName: z.string().min(1).nullable(),
  autonym: z.string().min(1).nullable(),
  autonymSource: z.enum(['cldr', 'council']).nullable(),
  script: z.string().regex(/^[A-Z][a-z]{3}$/),
  direction: z.enum(['ltr', 'rtl']),
  region: z.enum(['africa', 'americas', 'asia', 'europe', 'middle-east', 'oceania', 'sign-languages']),
  aliases: z.array(z.string().min(1)),
  supplierNames: z.record(z.string(), z.string().min(1)),
});

/** resources/languages.json as `npm run languages:build` writes it. */
export const languageTableSchema: z.ZodType<LanguageTable> = z
  .strictObject({
    builtFrom: z.strictObject({ cldr: z.string().min(1), builtOn: z.iso.date() }),
    languages: z.array(languageEntry).min(1),
  })
  .superRefine((table, context) => {
    const seen = new Set<string>();
    table.languages.forEach((entry, index) => {
      if (seen.has(entry.code)) context.addIssue({ code: 'custom', path: ['languages', index, 'code'], message: `"${entry.code}" is listed twice` });
      seen.add(entry.code);
      if ((entry.autonym === null) !== (entry.autonymSource === null)) {
        context.addIssue({ code: 'custom', path: ['languages', index, 'autonymSource'], message: 'an autonym needs its source, and only an autonym has one' });
      }
    });
  });

/** Checks a parsed languages.json; throws an error that names the file and each problem. */
export function parseLanguageTable(source: unknown, file: string): LanguageTable {
  const parsed = languageTableSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`The language table ${file} is broken; rebuild it with npm run languages:build.\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** Reads and checks a languages.json file. */
export async function readLanguageTable(file: string): Promise<LanguageTable> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`The language table ${file} could not be read (${error instanceof Error ? error.message : String(error)}); it is built by npm run languages:build.`, { cause: error });
  }
  let source: unknown;
  try {
    source = JSON.parse(text);
  } catch (error) {
    throw new Error(`The language table ${file} is not JSON (${error instanceof Error ? error.message : String(error)}); rebuild it with npm run languages:build.`, { cause: error });
  }
  return parseLanguageTable(source, file);
}

const loaded = new Map<string, Promise<LanguageTable>>();

/**
 * The shipped language table from the resources folder, read and checked once and then kept
 * (it changes only with a new build). A failed read is not kept, so the next call tries again.
 */
export function loadLanguageTable(resourcesDir: string): Promise<LanguageTable> {
  const file = path.join(resourcesDir, LANGUAGE_TABLE_FILE_NAME);
  let table = loaded.get(file);
  if (!table) {
    table = readLanguageTable(file);
    loaded.set(file, table);
    table.catch(() => loaded.delete(file));
  }
  return table;
}
