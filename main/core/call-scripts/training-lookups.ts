import type { LookupResult } from '../../../shared/call-scripts/engine';
import { normalisePostcode } from '../../../shared/call-scripts/answers';
import type { TrainingDataset } from '../training/generator';

export interface LookupRequest {
  query: 'wasteCollectionDay' | 'councilTaxBalance' | 'openCasesForService';
  residentId: string | null;
  postcode: string | null;
  service: string | null;
}

const unavailable: LookupResult = { available: false };

/**
 * Back-office look-ups for call scripts, answered from the training data. A look-up that
 * cannot be answered says so, and the script takes its "unavailable" branch: never a guess.
 */
export function createTrainingLookups(dataset: TrainingDataset) {
  const householdsByPostcode = new Map(dataset.households.map((household) => [household.address.postcode, household]));
  const councilTaxByResident = new Map(dataset.councilTaxAccounts.map((account) => [account.liableResidentId, account]));
  return (request: LookupRequest): LookupResult => {
    switch (request.query) {
      case 'wasteCollectionDay': {
        const household = request.postcode ? householdsByPostcode.get(normalisePostcode(request.postcode)) : undefined;
        return household ? { available: true, value: household.wasteCollection.day } : unavailable;
      }
      case 'councilTaxBalance': {
        const account = request.residentId ? councilTaxByResident.get(request.residentId) : undefined;
        if (!account) return unavailable;
        const pounds = (Math.abs(account.balancePence) / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        return { available: true, value: account.balancePence >= 0 ? `£${pounds} owed` : `£${pounds} in credit` };
      }
      case 'openCasesForService': {
        if (!request.residentId || !request.service) return unavailable;
        const open = dataset.cases.filter((each) => each.residentId === request.residentId && each.service === request.service && each.status === 'open');
        return { available: true, value: open.length };
      }
    }
  };
}
