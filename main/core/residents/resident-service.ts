import { randomUUID } from 'node:crypto';
import type { SnapshotRead } from '../../../shared/contract/calls';
import type { ContactHistorySlice, DirectorySlice, ResidentView } from '../../../shared/contract/residents';
import type { CaseHistory } from '../../../shared/domain/case-history';
import type { ContactChannel } from '../../../shared/domain/contact';
import type { ResidentFlag } from '../../../shared/domain/flag';
import { canListAccesses, flagsForRole } from '../../../shared/domain/flag-visibility';
import { checkIdentity, DEFAULT_IDENTITY_POLICY, policyMet, questionsOf, type IdentityAnswers, type IdentityPolicy } from '../../../shared/domain/identity-check';
import type { AccessReason, IdentityCheckResult, Resident360, ResidentAccess } from '../../../shared/domain/resident-360';
import type { StaffUser } from '../../../shared/domain/staff';
import type { BackOffice, ContactHistoryPage, LanguageConsent } from '../back-office/port';
import { NotPossible } from '../ipc/router';
import type { AuditTrail } from './audit-trail';
import { createDirectoryReads } from './directory-reads';
import { repeatContact } from './repeat-contact';
import { createScreenPops } from './screen-pop';

/** What an open reads from the back office, before anyone sees it. */
interface OpenRead {
  record: Resident360 | null;
  recent: ContactHistoryPage['contacts'];
}

interface OpenRecord {
  residentId: string;
  reason: AccessReason;
  record: Resident360;
  identity: IdentityCheckResult;
  staff: StaffUser;
  repeat: ResidentView['repeatContact'];
}

export interface ResidentServiceDeps {
  /** The back office, or null while nobody is signed in (live mode). */
  backOffice: () => Promise<BackOffice | null>;
  user: () => StaffUser | null;
  audit: AuditTrail;
  now: () => Date;
  /** The council's rule for the identity check (the deployment file's identityPolicy). */
  identityPolicy?: IdentityPolicy;
  log?: { warn(message: string, details?: Record<string, unknown>): void };
}

/**
 * The officers' names the record may show: the cases' owners and whoever raised a flag the
 * role sees. Who raised a hidden staff-safety marker is as hidden as the marker, since the name
 * says one exists and who to ask about it.
 */
function namesBehind(record: Resident360, visibleFlags: readonly ResidentFlag[]): Record<string, string> {
  const ids = new Set([...record.cases.map((each) => each.ownerStaffId), ...visibleFlags.map((flag) => flag.raisedByStaffId)]);
  return Object.fromEntries(Object.entries(record.staffNames).filter(([id]) => ids.has(id)));
}

/**
 * The longest this computer keeps a copy of a resident's record (the renderer's
 * SNAPSHOT_MAX_AGE_MS, which a test holds this to): no copy can have been read earlier than this.
 */
export const COPY_KEPT_AT_MOST_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * When the renderer says the copy was read, if that can be true: not after main was told,
 * and not before the oldest copy this computer could still hold. Null otherwise: the read is
 * still recorded (an audit record is never dropped), at main's time, without the renderer's.
 */
function copyReadTime(read: SnapshotRead, told: Date): string | null {
  const at = new Date(read.at).getTime();
  if (Number.isNaN(at) || at > told.getTime() || at < told.getTime() - COPY_KEPT_AT_MOST_MS) return null;
  return new Date(at).toISOString();
}

/**
 * Finding and opening residents: the directory for offline search, the 360 record behind
 * the identity check, contact history, and the audit of every open.
 */
export function createResidentService(deps: ResidentServiceDeps) {
  const policy = deps.identityPolicy ?? DEFAULT_IDENTITY_POLICY;
  const questions = questionsOf(policy);
  const open = new Map<string, OpenRecord>();

  const backOffice = async () => {
    const office = await deps.backOffice();
    if (!office) throw new NotPossible('Sign in to see residents.');
    return office;
  };
  const user = () => {
    const staff = deps.user();
    if (!staff) throw new NotPossible('Sign in to see residents.');
    return staff;
  };
  const directory = createDirectoryReads({ backOffice });
  // What opening a resident reads: both at once, so a screen-pop waits on the slower, not their
  // sum. A screen-pop's lookup by number may have started the record already.
  const readForOpen = async (residentId: string, started?: Promise<Resident360 | null>): Promise<OpenRead> => {
    const office = await backOffice();
    const [record, recent] = await Promise.all([started ?? office.resident360(residentId), office.contactHistory(residentId, { pageSize: 50, cursor: null })]);
    return { record, recent: recent.contacts };
  };
  const openFrom = (staff: StaffUser, residentId: string, reason: AccessReason, { record, recent }: OpenRead): ResidentView => {
    if (!record) throw new NotPossible('That resident is not in the council’s records any more. Search again.');
    const entry: OpenRecord = { residentId, reason, record, identity: 'not-done', staff, repeat: repeatContact(recent, record.cases, deps.now()) };
    const accessId = randomUUID();
    open.set(accessId, entry);
    audit(accessId, entry);
    return view(accessId, entry);
  };
  const pops = createScreenPops<OpenRead>({
    staffId: () => deps.user()?.id ?? null,
    callerWithPhone: async (number) => {
      const office = await backOffice();
      if (!office.callerWithPhone) return { residentIds: [], reading: null };
      const { residentIds, record } = await office.callerWithPhone(number);
      const [only] = residentIds;
      return { residentIds, reading: record && only ? readForOpen(only, record) : null };
    },
    read: readForOpen,
    now: () => deps.now().getTime(),
    log: deps.log,
  });
  const opened = (accessId: string) => {
    const entry = open.get(accessId);
    if (!entry || entry.staff.id !== deps.user()?.id) throw new NotPossible('That record is no longer open. Open the resident again from Search.');
    return entry;
  };

  const view = (accessId: string, entry: OpenRecord): ResidentView => {
    const { visible, hiddenStaffSafety } = flagsForRole(entry.record.flags, entry.staff.role);
    const revealed = entry.identity !== 'not-done';
    const { resident } = entry.record;
    return {
      accessId,
      residentId: entry.residentId,
      name: `${resident.givenName} ${resident.familyName}`,
      identity: { status: entry.identity, questions: [...questions], required: [...policy.required], oneOf: [...policy.oneOf] },
      flags: visible,
      // Hidden here by role, or already withheld by the back office's own security role.
      hiddenStaffSafety: hiddenStaffSafety + (entry.record.withheldStaffSafety ?? 0),
      communication: { language: resident.language, accessibilityNeeds: resident.accessibilityNeeds },
      record: revealed ? { ...entry.record, flags: visible, staffNames: namesBehind(entry.record, visible) } : null,
      repeatContact: revealed ? entry.repeat : null,
    };
  };

  const audit = (accessId: string, entry: OpenRecord, overrideReason?: string) => {
    const access: ResidentAccess = {
      id: accessId,
      residentId: entry.residentId,
      staffId: entry.staff.id,
      staffName: entry.staff.displayName,
      at: deps.now().toISOString(),
      reason: entry.reason,
      identityCheck: entry.identity,
      ...(overrideReason ? { overrideReason } : {}),
    };
    deps.audit.record(access);
  };

  return {
    /** A slice of the directory for the page's search; see directory-reads.ts. */
    directorySlice(deltaToken: string | null, offset: number, read?: string): Promise<DirectorySlice> {
      return directory.slice(deltaToken, offset, read);
    },

    /** Every open is audited, even one that stops at the identity check. */
    async open(residentId: string, reason: AccessReason): Promise<ResidentView> {
      const staff = user();
      return openFrom(staff, residentId, reason, await readForOpen(residentId));
    },

    /** A call has arrived: its caller's record starts being read now (screen-pop.ts). */
    ring(callerNumber: string | null): void {
      pops.ring(callerNumber);
    },

    /**
     * The screen-pop: the one resident with the caller's number, opened for the call (and
     * audited as any open is), or null when nobody or more than one resident has it.
     */
    async openCaller(callerNumber: string): Promise<ResidentView | null> {
      const staff = user();
      const caller = await pops.take(callerNumber, staff.id);
      return caller ? openFrom(staff, caller.residentId, 'call', caller.read) : null;
    },

    /** The record behind an open, once its identity check has passed or was gone past; null before. */
    revealedRecord(accessId: string): Resident360 | null {
      const entry = opened(accessId);
      return entry.identity === 'not-done' ? null : entry.record;
    },

    /** The contact ended: these opens are forgotten. Only the signed-in officer's own. */
    close(accessIds: readonly string[]): { closed: number } {
      const staffId = deps.user()?.id;
      let closed = 0;
      for (const accessId of accessIds) {
        if (open.get(accessId)?.staff.id === staffId && open.delete(accessId)) closed += 1;
      }
      return { closed };
    },

    /** Another officer at the computer, or nobody: every open record is forgotten. */
    closeAll(): void {
      open.clear();
      pops.forget();
      directory.clear();
    },

    checkIdentity(accessId: string, answers: IdentityAnswers) {
      const entry = opened(accessId);
      const results = checkIdentity(questions, answers, entry.record.resident, entry.record.household);
      if (policyMet(policy, results) && entry.identity === 'not-done') {
        entry.identity = 'passed';
        // The full record is shown from here: a second audited read.
        audit(randomUUID(), entry);
      }
      return { results, view: view(accessId, entry) };
    },

    overrideIdentity(accessId: string, reason: string): ResidentView {
      const entry = opened(accessId);
      if (entry.identity === 'not-done') {
        entry.identity = 'overridden';
        audit(randomUUID(), entry, reason);
      }
      return view(accessId, entry);
    },

    /** One of the open resident's cases in full, after the identity check: the case and its story. */
    async caseHistory(accessId: string, caseId: string): Promise<CaseHistory> {
      const entry = opened(accessId);
      if (entry.identity === 'not-done') throw new NotPossible('Complete the identity check first.');
      const history = await (await backOffice()).caseHistory(entry.residentId, caseId);
      if (!history) throw new NotPossible('That case is not on this resident’s record. It may have been moved to someone else; search for it by its reference.');
      return history;
    },

    async contactHistory(accessId: string, cursor: string | null, channels: ContactChannel[]): Promise<ContactHistorySlice> {
      const entry = opened(accessId);
      if (entry.identity === 'not-done') throw new NotPossible('Complete the identity check first.');
      return (await backOffice()).contactHistory(entry.residentId, { pageSize: 25, cursor, channels });
    },

    /**
     * Reads of this computer's copy of a record, made while the back office could not be
     * reached, handed to the audit trail like any other open. Only the signed-in member of
     * staff's own reads: the renderer cannot put words in someone else's audit. No identity
     * check ran for such a read, so it is recorded as 'not-done'. The record's time is main's
     * (when it was told); the renderer's is kept only as when the copy was read, and only if the
     * copy could have been read then. Resolves to the ids main is done with (in the back office,
     * or set aside with a reason); the rest stay queued here and the renderer keeps them to send again.
     */
    async recordSnapshotReads(reads: SnapshotRead[]): Promise<{ recorded: string[] }> {
      const staff = user();
      if (reads.some((read) => read.staffId !== staff.id)) throw new NotPossible('Only the signed-in member of staff’s own reads can be recorded.');
      const told = deps.now();
      for (const read of reads) {
        const copyReadAt = copyReadTime(read, told);
        if (copyReadAt === null) deps.log?.warn('snapshot read time left out', { accessId: read.id.toLowerCase() });
        deps.audit.record({
          id: read.id.toLowerCase(),
          residentId: read.residentId,
          staffId: staff.id,
          staffName: staff.displayName,
          at: told.toISOString(),
          ...(copyReadAt === null ? {} : { copyReadAt }),
          reason: read.reason,
          identityCheck: 'not-done',
          source: 'snapshot',
        });
      }
      await deps.audit.flush();
      const waiting = new Set(deps.audit.waiting().map((access) => access.id));
      return { recorded: reads.map((read) => read.id).filter((id) => !waiting.has(id.toLowerCase())) };
    },

    /**
     * Records the resident's preferred language, with how they agreed, on their record. Only
     * on an open record whose identity check was passed or overridden. The record is read
     * again afterwards (an audited read) and shown under the same role rules as any other.
     */
    async setLanguage(accessId: string, language: string, interpreterNeeded: boolean, consent: { how: LanguageConsent['how']; note: string }): Promise<ResidentView> {
      const entry = opened(accessId);
      if (entry.identity === 'not-done') throw new NotPossible('Complete the identity check (or override it with a reason) before changing the resident’s language.');
      const office = await backOffice();
      if (!office.setLanguage) throw new NotPossible('The council’s system cannot record a preferred language from CivicDesk. Ask your team leader.');
      await office.setLanguage(entry.residentId, language, interpreterNeeded, { ...consent, recordedOn: deps.now().toISOString().slice(0, 10), staffName: entry.staff.displayName });
      const record = await office.resident360(entry.residentId);
      if (!record) throw new NotPossible('That resident is not in the council’s records any more. Search again.');
      entry.record = record;
      audit(randomUUID(), entry);
      return view(accessId, entry);
    },

    async accesses(residentId: string): Promise<ResidentAccess[]> {
      if (!canListAccesses(user().role)) throw new NotPossible('Only team leaders can see who has opened a resident’s record.');
      const recorded = await (await backOffice()).listAccesses(residentId);
      // Those still on this computer too: waiting to be sent, or set aside because the back office refused them.
      const kept = [...deps.audit.waiting(), ...deps.audit.setAside().map((each) => each.access)];
      const waiting = kept.filter((access) => access.residentId === residentId && !recorded.some((each) => each.id === access.id));
      return [...waiting, ...recorded].sort((a, b) => b.at.localeCompare(a.at));
    },
  };
}
