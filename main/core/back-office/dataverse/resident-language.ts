import { randomUUID } from 'node:crypto';
import { BackOfficeError } from '../errors';
import type { LanguageConsent } from '../port';
import type { AdapterContext } from './context';
import { failureFrom } from './failures';
import { recordId } from './odata';
import { CONTACTS } from './tables/contact';

const HOW: Readonly<Record<LanguageConsent['how'], string>> = {
  'pointed-to-language': 'the resident pointed to their language',
  'told-staff': 'the resident told staff',
  'interpreter-confirmed': 'confirmed through an interpreter',
};

/** The note's words: what was recorded, how the resident agreed, by whom and when. */
export function languageNoteText(language: string, interpreterNeeded: boolean, consent: LanguageConsent): string {
  const note = consent.note.trim();
  return [
    `Preferred language: ${language}. Interpreter needed: ${interpreterNeeded ? 'yes' : 'no'}.`,
    `How the resident agreed: ${HOW[consent.how]}.`,
    note ? `Note: ${note}` : '',
    `Recorded by ${consent.staffName} on ${consent.recordedOn} in CivicDesk.`,
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * The resident's preferred language on their contact: a PATCH with If-Match: * (only an
 * update; a contact that has gone is a 404, never a new contact), then a note on the contact
 * saying how the resident agreed. The note has an id made here, so a resend cannot add a second.
 */
export async function setResidentLanguage(context: AdapterContext, residentId: string, language: string, interpreterNeeded: boolean, consent: LanguageConsent): Promise<void> {
  const id = recordId(residentId);
  const c = context.names.custom;
  let response;
  try {
    response = await context.client.sendOnce('PATCH', `${CONTACTS}(${id})`, {
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'If-Match': '*' },
      body: JSON.stringify({ [c('preferredlanguage')]: language, [c('interpreterneeded')]: interpreterNeeded, [c('preferencesrecordedon')]: consent.recordedOn }),
    });
  } catch (error) {
    throw error instanceof BackOfficeError ? error : new BackOfficeError('unreachable', { cause: error });
  }
  if (response.status >= 400) throw await failureFrom(response);
  await response.text().catch(() => '');
  try {
    await context.client.create('annotations', {
      annotationid: randomUUID(),
      subject: 'Language preference',
      notetext: languageNoteText(language, interpreterNeeded, consent),
      'objectid_contact@odata.bind': `/${CONTACTS}(${id})`,
    });
  } catch (error) {
    // 412: a row with this id exists, so an earlier send got through.
    if (error instanceof BackOfficeError && error.status === 412) return;
    throw error;
  }
}
