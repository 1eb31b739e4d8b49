import { useCallback } from 'react';
import type { CaseDraft } from '../../shared/domain/case-draft';
import { howToHearBack } from '../../shared/domain/case-draft';
import { identifiedResident, useContactIfAny, type ContactApi } from '../contact/contact-context';
import { useSessionIfAny } from '../session/session-context';
import { saveDraft } from '../sync/case-store';
import { caseDatabase } from '../storage/case-database';
import { useCaseNavigation } from './case-navigation';
import { newCaseDraft } from './new-case-draft';

/**
 * A new case for the contact in hand, typed once: the resident identified on the contact is
 * its resident, how they told the council they want to hear back fills "how to hear back",
 * and it is tied to the call or visit. What a script captured comes in `prefill`.
 */
export function draftForContact(contact: Pick<ContactApi, 'about' | 'current'> | null, staffId: string | null, prefill: Partial<CaseDraft> = {}): CaseDraft {
  const resident = contact ? identifiedResident(contact) : null;
  const draft = newCaseDraft({ staffId, residentId: resident?.residentId ?? null, residentName: resident?.name ?? null, interactionId: contact?.current?.id ?? null });
  const record = resident?.record?.resident;
  return { ...draft, contactPreference: record ? howToHearBack(record) : '', ...prefill };
}

/** Raises a case for the contact in hand and opens it in the case form. */
export function useRaiseCase(): () => Promise<void> {
  const contact = useContactIfAny();
  const staffId = useSessionIfAny()?.user?.id ?? null;
  const navigation = useCaseNavigation();
  return useCallback(async () => {
    const draft = draftForContact(contact, staffId);
    await saveDraft(caseDatabase(), draft, null);
    navigation?.openDraft(draft.id);
  }, [contact, navigation, staffId]);
}
