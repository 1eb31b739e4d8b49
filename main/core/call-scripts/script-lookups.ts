import type { LookupResult } from '../../../shared/call-scripts/engine';
import { normalisePostcode } from '../../../shared/call-scripts/answers';
import type { ParsedCallInput } from '../../../shared/contract/calls';
import { pounds } from '../../../shared/domain/account';
import type { Resident360 } from '../../../shared/domain/resident-360';
import type { BackOffice } from '../back-office/port';

const unavailable: LookupResult = { available: false };

export interface ScriptLookupDeps {
  backOffice: () => Promise<BackOffice | null>;
  /**
   * The record opened on this contact, once its identity check has passed or was gone past
   * (null before); throws when the open is not this officer's or has ended.
   */
  revealedRecord: (accessId: string) => Resident360 | null;
}

/**
 * Call scripts' look-ups, the same in training and live mode: the bin day by postcode through
 * the back-office adapter (Dataverse, or training's stand-in of it), and the resident's own
 * figures from the record main opened for the contact, so the script and the 360 view give
 * the same figure. A look-up that cannot be answered says so, and the script takes its
 * "unavailable" branch: never a guess.
 */
export function createScriptLookups(deps: ScriptLookupDeps) {
  return async (request: ParsedCallInput<'scripts.lookup'>): Promise<LookupResult> => {
    switch (request.query) {
      case 'wasteCollectionDay': {
        const office = await deps.backOffice();
        if (!office || !request.postcode) return unavailable;
        const day = await office.collectionDay(normalisePostcode(request.postcode));
        return day ? { available: true, value: day } : unavailable;
      }
      case 'councilTaxBalance': {
        const account = (request.accessId ? deps.revealedRecord(request.accessId) : null)?.councilTaxAccount;
        if (!account) return unavailable;
        return { available: true, value: account.balancePence > 0 ? `${pounds(account.balancePence)} owed` : `${pounds(account.balancePence)} in credit` };
      }
      case 'openCasesForService': {
        const record = request.accessId ? deps.revealedRecord(request.accessId) : null;
        if (!record || !request.service) return unavailable;
        return { available: true, value: record.cases.filter((each) => each.status === 'open' && each.service === request.service).length };
      }
    }
  };
}
