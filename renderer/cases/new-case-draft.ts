import type { CaseDraft } from '../../shared/domain/case-draft';
import { isoDateInLondon } from '../../shared/service-standards';
import { newId, nowIso } from '../storage/ids';

export interface CaseStart {
  /** The officer writing it. */
  staffId: string | null;
  residentId: string | null;
  residentName: string | null;
  interactionId?: string | null;
}

/** An empty case for the form, received today; it is saved at once so nothing typed into it can be lost. */
export function newCaseDraft({ staffId, residentId, residentName, interactionId = null }: CaseStart): CaseDraft {
  const today = isoDateInLondon(new Date());
  const at = nowIso();
  return {
    id: newId(),
    staffId,
    interactionId,
    residentId,
    residentName,
    anonymous: false,
    service: '',
    category: '',
    priority: 'routine',
    serviceStandard: '',
    receivedOn: today,
    // No standard yet: due the day it came in, until a type of case gives it a standard.
    dueOn: today,
    summary: '',
    description: '',
    location: '',
    postcode: '',
    contactPreference: '',
    fields: [],
    attachmentIds: [],
    source: null,
    focus: null,
    status: 'draft',
    createdAt: at,
    updatedAt: at,
  };
}
