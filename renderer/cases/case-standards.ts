import type { CaseCategory, CasePriority } from '../../shared/domain/case';
import { isCaseCategory } from '../../shared/domain/case-validation';

/**
 * The service standard a case is measured against, from its type and priority. Housing repairs
 * and pest control have emergency timescales of their own; everything else has one standard.
 * The ids are the council's (shared/service-standards/standards.ts).
 */
const STANDARD_OF_CATEGORY: Readonly<Record<CaseCategory, string | Readonly<Record<CasePriority, string>>>> = {
  'missed-bin': 'missed-bin',
  'bulky-waste': 'bulky-waste',
  'housing-repair': { emergency: 'housing-repair-emergency', urgent: 'housing-repair-urgent', routine: 'housing-repair-routine' },
  'pest-control': { emergency: 'pest-control-emergency', urgent: 'pest-control', routine: 'pest-control' },
  'council-tax': 'council-tax-enquiry',
  parking: 'parking-permit',
  'noise-nuisance': 'noise-nuisance',
  'complaint-stage-1': 'complaint-stage-1',
  'complaint-stage-2': 'complaint-stage-2',
  'foi-request': 'foi-eir',
  'subject-access-request': 'subject-access-request',
  'member-enquiry': 'member-enquiry',
  'community-hub': 'community-hub-support',
};

/** The standard's id, or '' while the type of case is not chosen yet. */
export function standardForCategory(category: string, priority: CasePriority): string {
  if (!isCaseCategory(category)) return '';
  const standard = STANDARD_OF_CATEGORY[category];
  return typeof standard === 'string' ? standard : standard[priority];
}
