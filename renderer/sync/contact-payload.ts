import { contactSubmission, type ContactSubmission } from '../../shared/contract/contacts';
import { caseReference } from '../../shared/domain/case-reference';
import type { Interaction } from '../../shared/domain/interaction';
import type { CaseDatabase } from '../storage/case-database';

/** What a contact item needs before it goes. */
export type PreparedContact =
  | { kind: 'ready'; payload: ContactSubmission }
  /** Not this officer's: it waits for them. Or wrapped up while a case it raised is still on its way: it goes once the case has. */
  | { kind: 'wait' }
  | { kind: 'invalid'; problem: string }
  | { kind: 'missing' };

const STATE = { 'in-progress': 'in-progress', 'wrap-up': 'wrap-up', done: 'completed' } as const;

const minutesBetween = (from: string, to: string | null) => (to ? Math.max(0, Math.ceil((Date.parse(to) - Date.parse(from)) / 60_000)) : 0);

/** The interpreting on the contact: its language, supplier and interpreter, and the minutes in all. */
function interpreterOf(interaction: Interaction): ContactSubmission['interpreter'] {
  const sessions = (interaction.interpreterSessions ?? []).filter((each) => each.startedAt);
  const [first] = sessions;
  if (!first) return null;
  return { language: first.language, supplierId: first.supplierId, interpreterId: first.interpreterId, minutes: sessions.reduce((sum, each) => sum + minutesBetween(each.startedAt, each.endedAt), 0) };
}

/**
 * A contact as it goes to main, read as it is now: its state, times, what it came to, the
 * wrap-up, interpreting, and the cases raised on it. A finished contact names the cases the
 * council's system has; while one it raised is still waiting to send, the contact waits too,
 * so its record carries the case (a case that needs a person goes without).
 */
export async function prepareContact(db: CaseDatabase, id: string, staffId: string | null): Promise<PreparedContact> {
  const interaction = await db.interactions.get(id);
  if (!interaction) return { kind: 'missing' };
  if (interaction.staffId === null || interaction.staffId !== staffId) return { kind: 'wait' };
  const raisedIds = new Set(interaction.outcomes.flatMap((outcome) => (outcome.caseDraftId ? [outcome.caseDraftId] : [])));
  const raised = await db.cases.filter((each) => each.content.interactionId === id || raisedIds.has(each.id)).toArray();
  const state = STATE[interaction.status];
  if (state === 'completed' && raised.some((each) => each.syncState === 'waiting')) return { kind: 'wait' };
  const wrapUp = interaction.wrapUp;
  const email = interaction.channel === 'email';
  const candidate = {
    id,
    channel: interaction.channel,
    state,
    staffId: interaction.staffId,
    queue: interaction.queue,
    callerNumber: interaction.callerNumber,
    callbackId: interaction.callbackId ?? null,
    emailId: email ? (interaction.emailId ?? null) : null,
    emailFrom: email ? (interaction.emailFrom ?? '').slice(0, 320) : null,
    emailSubject: email ? (interaction.emailSubject ?? '').slice(0, 400) : null,
    residentId: interaction.residentId,
    service: interaction.outcomes.find((outcome) => outcome.service)?.service ?? null,
    // A call was offered when it joined the queue; an email when the mailbox received it.
    offeredAt: email ? (interaction.emailReceivedAt ?? null) : interaction.waitedSeconds === null ? null : new Date(Date.parse(interaction.answeredAt) - interaction.waitedSeconds * 1000).toISOString(),
    answeredAt: interaction.answeredAt,
    endedAt: interaction.endedAt,
    waitedSeconds: interaction.waitedSeconds,
    afterCallWorkSeconds: wrapUp?.afterCallWorkSeconds ?? null,
    outcomes: interaction.outcomes.map((outcome) => outcome.kind),
    outcomeSummary: interaction.outcomes.map((outcome) => outcome.summary).join('; ').slice(0, 2000),
    disposition: wrapUp?.disposition || null,
    // An incomplete wrap-up did not say: nothing is claimed for it.
    resolvedAtFirstContact: wrapUp && wrapUp.incompleteReason === null ? wrapUp.resolvedAtFirstContact : null,
    couldHaveBeenOnline: wrapUp && wrapUp.incompleteReason === null ? wrapUp.couldHaveBeenOnline : null,
    onlineRouteOffered: wrapUp && wrapUp.incompleteReason === null ? wrapUp.onlineRouteOffered : null,
    feedback: wrapUp?.feedback ?? null,
    caseIds: raised.filter((each) => each.syncState === 'sent' || each.sentAt !== null).map((each) => each.id),
    caseReferences: raised.map((each) => each.reference ?? caseReference(each.id, each.content.receivedOn)),
    interpreter: interpreterOf(interaction),
    notes: (wrapUp?.notes ?? '').slice(0, 2000),
    incompleteReason: wrapUp?.incompleteReason ?? null,
  };
  const parsed = contactSubmission.safeParse(candidate);
  if (!parsed.success) return { kind: 'invalid', problem: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
  return { kind: 'ready', payload: parsed.data };
}
