import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { DeepLink } from '../../shared/contract/deep-link';
import type { Interaction, ScriptOutcomeRecord, WrapUp } from '../../shared/domain/interaction';
import type { InterpreterSession } from '../../shared/languages/interpreting';
import { useDeepLinks } from '../app/deep-links';
import { caseDatabase } from '../storage/case-database';
import { newId, nowIso } from '../storage/ids';

export interface ContactApi {
  /** The contact in progress or waiting for wrap-up, if any. */
  current: Interaction | null;
  startCall(link: Extract<DeepLink, { kind: 'call' }>): Promise<void>;
  endCall(): Promise<void>;
  /** Records where a script run ended, replacing what that run recorded before. */
  recordOutcome(outcome: ScriptOutcomeRecord): Promise<void>;
  clearOutcome(runId: string): Promise<void>;
  saveWrapUp(wrapUp: WrapUp): Promise<void>;
  /** Starts a face-to-face contact (a visit) when none is in hand; resolves to the contact in hand. */
  startVisit(residentId: string | null): Promise<Interaction>;
  /**
   * Records an interpreted conversation on the contact in hand, replacing what the same
   * session (by id) recorded before, so "joined" then "left" leave one record.
   */
  recordInterpreter(session: InterpreterSession): Promise<void>;
}

const ContactContext = createContext<ContactApi | null>(null);

/**
 * The contact in hand, kept in IndexedDB from the moment the call is answered, so a reload
 * mid-call or mid-wrap-up comes back to exactly where the agent was.
 */
export function ContactProvider({ staffId, children }: { staffId: string | null; children: ReactNode }) {
  const db = caseDatabase();
  const current = useLiveQuery(() => db.interactions.where('status').anyOf('in-progress', 'wrap-up').first(), [db]) ?? null;

  const startCall = useCallback(
    async (link: Extract<DeepLink, { kind: 'call' }>) => {
      await db.transaction('rw', db.interactions, async () => {
        // A new call while one is open: the open one goes to wrap-up, never lost.
        const open = await db.interactions.where('status').equals('in-progress').toArray();
        for (const each of open) await db.interactions.update(each.id, { status: 'wrap-up', endedAt: nowIso() });
        await db.interactions.add({
          id: newId(),
          channel: 'phone',
          callerNumber: link.callerNumber,
          queue: link.queue,
          waitedSeconds: link.waitedSeconds,
          answeredAt: nowIso(),
          endedAt: null,
          staffId,
          residentId: null,
          outcomes: [],
          wrapUp: null,
          status: 'in-progress',
        });
      });
    },
    [db, staffId],
  );

  const startVisit = useCallback(
    async (residentId: string | null): Promise<Interaction> =>
      db.transaction('rw', db.interactions, async () => {
        // The contact in hand, if any, is the one this belongs to: no second contact.
        const open = await db.interactions.where('status').anyOf('in-progress', 'wrap-up').first();
        if (open) return open;
        const visit: Interaction = {
          id: newId(),
          channel: 'face-to-face',
          callerNumber: null,
          queue: null,
          waitedSeconds: null,
          answeredAt: nowIso(),
          endedAt: null,
          staffId,
          residentId,
          outcomes: [],
          wrapUp: null,
          status: 'in-progress',
        };
        await db.interactions.add(visit);
        return visit;
      }),
    [db, staffId],
  );

  useDeepLinks(useCallback((link) => void (link.kind === 'call' && startCall(link)), [startCall]));

  const api = useMemo<ContactApi>(
    () => ({
      current,
      startCall,
      async endCall() {
        if (current?.status === 'in-progress') await db.interactions.update(current.id, { status: 'wrap-up', endedAt: nowIso() });
      },
      async recordOutcome(outcome) {
        if (!current) return;
        // Modify in place, inside IndexedDB, so two quick outcomes cannot overwrite each other.
        await db.interactions.where('id').equals(current.id).modify((interaction) => {
          interaction.outcomes = [...interaction.outcomes.filter((each) => each.runId !== outcome.runId), outcome];
        });
      },
      async clearOutcome(runId) {
        if (!current) return;
        await db.interactions.where('id').equals(current.id).modify((interaction) => {
          interaction.outcomes = interaction.outcomes.filter((each) => each.runId !== runId);
        });
      },
      async saveWrapUp(wrapUp) {
        if (current) await db.interactions.update(current.id, { wrapUp, status: 'done' });
      },
      startVisit,
      async recordInterpreter(session) {
        // The contact in hand as IndexedDB has it now (a visit may have just been started for this).
        const target = current ?? (await db.interactions.where('status').anyOf('in-progress', 'wrap-up').first());
        if (!target) return;
        await db.interactions.where('id').equals(target.id).modify((interaction) => {
          interaction.interpreterSessions = [...(interaction.interpreterSessions ?? []).filter((each) => each.id !== session.id), session];
        });
      },
    }),
    [current, db, startCall, startVisit],
  );
  return <ContactContext.Provider value={api}>{children}</ContactContext.Provider>;
}

/** The contact API, or null where there is no ContactProvider (a view shown on its own). */
export function useContactIfAny(): ContactApi | null {
  return useContext(ContactContext);
}

export function useContact(): ContactApi {
  const api = useContext(ContactContext);
  if (!api) throw new Error('useContact must be used inside <ContactProvider>');
  return api;
}
