import type { SearchHit } from '../../../shared/domain/directory';
import type { StaffUser } from '../../../shared/domain/staff';
import type { BackOffice } from '../back-office/port';
import { NotPossible } from '../ipc/router';

/**
 * Search in the council's system (Dataverse search) for the renderer while its copy of the
 * directory is still arriving. Not audited as a read of a record: a hit carries only the
 * directory's columns (name, year and date of birth, address line, postcode, phones, email,
 * references), the same ones every officer's computer already holds for every resident and
 * searches without an audit entry. Opening a hit is an open like any other, and that is
 * audited (residents.open).
 */
export function createOnlineSearch(deps: { backOffice: () => Promise<BackOffice | null>; user: () => StaffUser | null }) {
  return {
    async search(text: string, top: number): Promise<{ hits: SearchHit[] }> {
      if (!deps.user()) throw new NotPossible('Sign in to search for residents.');
      const office = await deps.backOffice();
      if (!office) throw new NotPossible('Sign in to search for residents.');
      // A back office without a search of its own: the local copy is all there is.
      if (!office.searchResidents) return { hits: [] };
      return { hits: await office.searchResidents(text, top) };
    },
  };
}
