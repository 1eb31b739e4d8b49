import type { ContactSaveResult, ContactSubmission } from '../../../shared/contract/contacts';
import type { StaffUser } from '../../../shared/domain/staff';
import type { ContactBackOffice } from '../back-office/port';
import { NotPossible } from '../ipc/router';

export interface ContactServiceDeps {
  /** The back office, or null while nobody is signed in (live mode). */
  contactOffice: () => Promise<ContactBackOffice | null>;
  /** Who is signed in: a contact is recorded as theirs, never as the renderer says. */
  user: () => StaffUser | null;
  /** A queue's services, for a contact whose script did not say which service it was about. */
  queueServices: Readonly<Record<string, readonly string[]>>;
  /** The council's true-resolution window in days. */
  trueResolutionDays: number;
}

/** Another officer's contact waits until they sign in here again: this often it is looked at. */
const NOT_YOURS_RETRY_MS = 60_000;

/**
 * Recording contacts from the renderer's outbox as activities in the council's system. Only
 * the signed-in officer's own: a contact another officer took on this computer waits for them.
 */
export function createContactService(deps: ContactServiceDeps) {
  return {
    async save(contacts: readonly ContactSubmission[]): Promise<ContactSaveResult[]> {
      const user = deps.user();
      if (!user) throw new NotPossible('Sign in to record contacts.');
      const office = await deps.contactOffice();
      if (!office) throw new NotPossible('Sign in to record contacts.');
      const mine = contacts.filter((contact) => contact.staffId === user.id);
      const waiting = contacts
        .filter((contact) => contact.staffId !== user.id)
        .map((contact): ContactSaveResult => ({ id: contact.id, result: 'retry', afterMs: NOT_YOURS_RETRY_MS, problem: 'This contact was taken by another officer: it is recorded when they next sign in on this computer.' }));
      // A contact with no script's service is about its queue's first service, where the council names one.
      const withService = mine.map((contact) => ({ ...contact, service: contact.service ?? (contact.queue ? (deps.queueServices[contact.queue]?.[0] ?? null) : null) }));
      const saved = withService.length > 0 ? await office.saveContacts(withService, { staffId: user.id, team: user.team, trueResolutionDays: deps.trueResolutionDays }) : [];
      return [...saved, ...waiting];
    },
  };
}
