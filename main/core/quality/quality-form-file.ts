import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { checkQualityForm, type QualityForm } from '../../../shared/quality/quality-form';

/** The form's id, which is also its file name, as with call scripts. */
const FORM_ID = 'contact-quality';

/**
 * Reads and checks resources/quality/contact-quality.yaml, given the resources folder. Used by
 * `npm run quality:check` and by the app, so both apply exactly the same checks. A form with
 * any problem comes back as null, so no review is scored against a broken form.
 */
export async function loadQualityForm(resourcesDir: string): Promise<{ form: QualityForm | null; problems: string[] }> {
  const file = path.join(resourcesDir, 'quality', `${FORM_ID}.yaml`);
  let source: unknown;
  try {
    source = parse(await readFile(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { form: null, problems: [missing ? `The form file ${file} is missing.` : `The form file could not be read as YAML: ${reason}`] };
  }
  const checked = checkQualityForm(source);
  if (checked.form && checked.form.id !== FORM_ID) return { form: null, problems: [`The form id must be "${FORM_ID}", to match its file name, not "${checked.form.id}".`] };
  return checked;
}
