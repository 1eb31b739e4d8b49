/**
 * `npm run quality:check`: the contact quality form in resources/quality parses, matches the
 * schema, has unique section and criterion ids and at least one critical criterion. The app
 * applies the same checks when it loads the form.
 */
import path from 'node:path';
import { loadQualityForm } from '../main/core/quality/quality-form-file';
import { criteriaOf } from '../shared/quality/quality-form';

const resources = path.resolve(import.meta.dirname, '../resources');
const { form, problems } = await loadQualityForm(resources);

if (form) console.log(`ok   ${form.id} (version ${form.version}, ${criteriaOf(form).length} criteria, pass mark ${form.passMark}%)`);
for (const problem of problems) console.log(`FAIL contact-quality: ${problem}`);
process.exitCode = problems.length > 0 || !form ? 1 : 0;
