import { phoneDigits } from '../../../../shared/search/normalise';
import type { AdapterContext } from './context';
import { anyOf, query, quoted, select } from './odata';
import { CONTACTS } from './tables/contact';
import { readResident360, resident360Columns } from './resident-360';
import type { CallerWithPhone } from '../port';

/** Two is enough: one resident means the screen-pop can open them, two that it cannot choose. */
const ENOUGH_TO_KNOW = 2;

/**
 * The ways a UK number is written in a phone column: as the softphone gave it, and its
 * national digits plain, grouped the usual ways (07700 900123, 020 7946 0123, 0161 496 0123,
 * 01632 960123) and international. Dataverse compares text exactly, so a number stored in a
 * form not listed is not found here: the screen-pop then falls back to the page's own search,
 * which compares digits.
 */
export function phoneForms(number: string): string[] {
  const digits = phoneDigits(number);
  const forms = new Set([number.trim()]);
  if (/^0\d{9,10}$/.test(digits)) {
    forms.add(digits);
    forms.add(`+44${digits.slice(1)}`);
    if (/^0[27]/.test(digits) && digits.length === 11) forms.add(digits.startsWith('02') ? `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}` : `${digits.slice(0, 5)} ${digits.slice(5)}`);
    if (/^01/.test(digits)) {
      forms.add(`${digits.slice(0, 5)} ${digits.slice(5)}`);
      forms.add(`${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`);
    }
    if (/^0[389]/.test(digits)) forms.add(`${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`);
  }
  return [...forms];
}

/**
 * The active residents whose mobile or landline is this number, at most two, by id: one
 * request, so the screen-pop can start reading the caller's record as the call arrives. The
 * lookup asks for the columns the 360 view is read from, so when only one resident has the
 * number their record is read on from that row: everything else in one wave, no second read
 * of the row first (a round trip less for every call).
 */
export async function readCallerWithPhone(context: AdapterContext, number: string): Promise<CallerWithPhone> {
  const forms = phoneForms(number);
  const clauses = forms.flatMap((form) => [`mobilephone eq ${quoted(form)}`, `telephone1 eq ${quoted(form)}`]);
  const page = await context.client.readPage(query(CONTACTS, { $select: select(resident360Columns(context.names)), $filter: `${anyOf(clauses)} and statecode eq 0`, $top: String(ENOUGH_TO_KNOW) }));
  const residentIds = page.rows.map((row) => String(row.contactid).toLowerCase());
  const only = page.rows.length === 1 ? page.rows[0] : undefined;
  return { residentIds, record: only ? readResident360(context, residentIds[0]!, only) : null };
}
