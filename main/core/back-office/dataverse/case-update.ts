import type { CaseUpdate, CaseUpdateResult, CaseVersion } from '../../../../shared/contract/cases';
import { BackOfficeError, isBackOfficeError } from '../errors';
import { errorOf } from './case-batch';
import { CONTACT_PREFERENCE } from './choices';
import type { AdapterContext } from './context';
import { isGuid, text, type Row } from './row';
import { INCIDENTS } from './tables/incident';
import { sendChangeSet, type ChangeSetWrite } from './change-set';
import { ANNOTATIONS, CONTINUED } from './tables/case-write';
import { stableId } from './stable-id';
import { fitToColumn } from './text-overflow';

const TELL_IT = 'if it keeps happening, tell the IT service desk';

function versionColumns(context: AdapterContext): string[] {
  const c = context.names.custom;
  return ['title', 'description', c('location'), c('postcode'), c('contactpreference')];
}

function caseVersion(context: AdapterContext, row: Row): CaseVersion {
  const c = context.names.custom;
  const preference = row[c('contactpreference')];
  return {
    summary: text(row, 'title') ?? '',
    description: text(row, 'description') ?? '',
    location: text(row, c('location')) ?? '',
    postcode: text(row, c('postcode')) ?? '',
    contactPreference: (typeof preference === 'number' ? CONTACT_PREFERENCE.fromValue(preference) : undefined) ?? '',
  };
}

/**
 * Changes a sent case with optimistic concurrency: PATCH with If-Match (the version the
 * person started from, or * to overwrite after they have seen a conflict). A 412 means
 * someone changed it meanwhile: the case as it is now comes back for the person to compare.
 */
export async function updateCase(context: AdapterContext, update: CaseUpdate): Promise<CaseUpdateResult> {
  if (!isGuid(update.id)) return { result: 'rejected', problem: 'That case has no proper id, so it cannot be changed.', code: null };
  const c = context.names.custom;
  const { changes } = update;
  const body: Record<string, unknown> = {};
  if (changes.summary !== undefined) body.title = changes.summary;
  const notes: ChangeSetWrite[] = [];
  if (changes.description !== undefined) {
    // Longer than the tenant's column: the rest goes into the case's note 'Case description,
    // continued' (the same note, by id, as when the case was sent), written with the change.
    const description = fitToColumn(changes.description, (await context.columnLengths()).caseDescription, CONTINUED.description);
    body.description = description.column;
    if (description.rest !== null) {
      notes.push({
        path: `${ANNOTATIONS}(${stableId(`${update.id}:description-continued`)})`,
        // An upsert: it replaces what the note held, so a second change or a resend leaves one note.
        headers: {},
        body: { subject: CONTINUED.description, notetext: description.rest, isdocument: false, 'objectid_incident@odata.bind': `/${INCIDENTS}(${update.id.toLowerCase()})` },
      });
    }
  }
  if (changes.location !== undefined) body[c('location')] = changes.location;
  if (changes.postcode !== undefined) body[c('postcode')] = changes.postcode;
  if (changes.contactPreference !== undefined) {
    const value = CONTACT_PREFERENCE.codes.find((code) => code === changes.contactPreference);
    if (value === undefined) return { result: 'rejected', problem: `“${changes.contactPreference}” is not a way of contacting residents the council’s system knows.`, code: null };
    body[c('contactpreference')] = CONTACT_PREFERENCE.value(value);
  }
  const path = `${INCIDENTS}(${update.id.toLowerCase()})`;
  try {
    const headers = { 'If-Match': update.etag ?? '*', Prefer: 'return=representation' };
    // With a note, the case and its note go in one change set: both kept, or neither.
    const response =
      notes.length > 0
        ? await sendChangeSet(context.client, [{ path: `${path}?$select=incidentid`, headers, body }, ...notes])
        : await context.client.sendOnce('PATCH', `${path}?$select=incidentid`, { headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) });
    const answer = await response.text();
    if (response.status === 200 || response.status === 204) {
      let etag = response.headers.get('etag');
      try {
        const row = JSON.parse(answer) as Record<string, unknown>;
        if (typeof row['@odata.etag'] === 'string') etag = row['@odata.etag'];
      } catch {
        // 204 without a body: the ETag header, if any, is all there is.
      }
      return { result: 'updated', etag };
    }
    const { code, message } = errorOf(answer);
    if (response.status === 412) {
      const row = await context.client.readRow(`${path}?$select=${versionColumns(context).join(',')}`);
      if (!row) return { result: 'rejected', problem: new BackOfficeError('not-found').message, code };
      return { result: 'conflict', theirs: caseVersion(context, row), etag: typeof row['@odata.etag'] === 'string' ? row['@odata.etag'] : null };
    }
    if (response.status === 429) {
      const seconds = Number(response.headers.get('retry-after'));
      return { result: 'retry', afterMs: Number.isFinite(seconds) ? Math.ceil(seconds * 1000) : 5_000, problem: new BackOfficeError('busy').message };
    }
    if (response.status >= 500) return { result: 'retry', afterMs: 5_000, problem: new BackOfficeError('unavailable').message };
    if (response.status === 401) return { result: 'retry', afterMs: 5_000, problem: new BackOfficeError('sign-in').message };
    if (response.status === 404) return { result: 'rejected', problem: 'The council’s system has no such case. It may have been removed; search for it again.', code };
    return { result: 'rejected', problem: `The council’s system turned down the change${message ? `: “${message}”` : ''}. Check it, correct it and save again; ${TELL_IT}.`, code };
  } catch (error) {
    return { result: 'retry', afterMs: 5_000, problem: (isBackOfficeError(error) ? error : new BackOfficeError('unreachable')).message };
  }
}
