import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { RunState } from '../../shared/call-scripts/engine';
import type { DeepLink } from '../../shared/contract/deep-link';
import type { CallError } from '../../shared/contract/outcome';
import type { ResidentView } from '../../shared/contract/residents';
import type { CallerCard } from '../../shared/contract/session';
import type { Interaction, ScriptOutcomeRecord, WrapUp, WrapUpDraft } from '../../shared/domain/interaction';
import type { AccessReason } from '../../shared/domain/resident-360';
import type { InterpreterSession } from '../../shared/languages/interpreting';
import { useBridge } from '../bridge/bridge-context';
import { useDeepLinks } from '../navigation/deep-links';
import { useNavigation } from '../navigation/navigation-context';
import { caseDatabase } from '../storage/case-database';
import * as record from './contact-record';
import { holdSends } from '../sync/screen-pop-quiet';
import { keepCopy, openResident, type OpenedResident } from './open-resident';

export type { OpenedResident } from './open-resident';

/** A call script part-way through, kept with the contact so leaving the Scripts place loses nothing. */
export interface ScriptInProgress {
  scriptId: string;
  state: RunState;
  runId: string;
  /** The case draft the run made, if it reached "create a case". */
  caseDraftId: string | null;
}

/** What the contact holds only in memory: cleared, all of it, when the contact ends. */
interface ContactMemory {
  /** Residents opened during the contact, in order. */
  residents: OpenedResident[];
  /** The resident on screen. */
  shownId: string | null;
  /** Who the contact is about (the first resident opened, unless the officer says otherwise). */
  aboutId: string | null;
  /** A second resident opened during a call: is the call now about them? Asked until answered. */
  askAbout: string | null;
  error: CallError | null;
}

const NOTHING: ContactMemory = { residents: [], shownId: null, aboutId: null, askAbout: null, error: null };

export interface ContactApi {
  /** This officer's call, visit or email in hand (or waiting for wrap-up), if any. */
  current: Interaction | null;
  /** The resident on screen. */
  resident: OpenedResident | null;
  /** Who the contact is about; the resident a case from it is for. */
  about: OpenedResident | null;
  residents: readonly OpenedResident[];
  /** A resident opened during a call about someone else, waiting for "is the call now about them?". */
  askingAbout: OpenedResident | null;
  error: CallError | null;
  callerCard: CallerCard | null;
  /** The call's number, until it has found its resident: the search starts from it, once. */
  screenPop: { callerNumber: string; autoOpen: boolean } | null;

  openResident(residentId: string, reason: AccessReason): Promise<boolean>;
  /** The officer's answer: the call is now about the resident just opened, or still about the first. */
  answerAbout(nowAboutThem: boolean): Promise<void>;
  showResident(residentId: string): void;
  /** A fresh view of a resident already open (after the identity check, a language change). */
  updateResident(view: ResidentView): void;
  /** Opens the shown copy's resident again from the back office; the copy stays if that fails. */
  refreshFromBackOffice(): Promise<void>;
  screenPopUsed(): void;
  setCallerCard(card: CallerCard): void;

  /** What the Search place's box held, and what a script had reached: kept for the contact only. */
  searchText(): string;
  rememberSearchText(text: string): void;
  scriptInProgress(): ScriptInProgress | null;
  rememberScript(run: ScriptInProgress | null): void;

  startCall(link: Extract<DeepLink, { kind: 'call' }>): Promise<void>;
  /** Calls a resident back: an outgoing call in hand, with their 360 view opened for it. */
  startCallback(callback: { id: string; number: string; residentId: string }): Promise<void>;
  /** Ends the contact in hand, a call, a visit or an email: it goes to wrap-up. */
  endCall(): Promise<void>;
  recordOutcome(outcome: ScriptOutcomeRecord): Promise<void>;
  clearOutcome(runId: string): Promise<void>;
  /** Saves the wrap-up, which ends the contact. */
  saveWrapUp(wrapUp: WrapUp): Promise<void>;
  /** Keeps the wrap-up as it is being typed. */
  saveWrapUpDraft(draft: WrapUpDraft): Promise<void>;
  /** Starts a face-to-face contact (a visit) when none is in hand; resolves to the contact in hand. */
  startVisit(residentId: string | null): Promise<Interaction>;
  /**
   * Starts an email contact for an email the officer has taken, written to IndexedDB first;
   * refused (an Error saying to finish it first) while another contact is in hand. A resident
   * already known to have sent it is opened for it (recorded as opened for an email) and is
   * whom it is about, without leaving the place on screen. It ends as a call does: `endCall`.
   */
  startEmail(email: { emailId: string; from: string; subject: string; receivedAt: string; residentId: string | null }): Promise<Interaction>;
  recordInterpreter(session: InterpreterSession): Promise<void>;
  /**
   * Ends the contact on screen without a wrap-up: case work with no call, or the officer
   * leaving the computer (sign-out, another officer, the lock). A call or visit still in hand
   * stays in IndexedDB under its officer, to be wrapped up when they come back.
   */
  clear(): void;
}

const ContactContext = createContext<ContactApi | null>(null);
/**
 * Starts at 0 and goes up each time a contact ends: every place is drawn afresh for the next
 * contact, so nothing the last one typed or showed stays on screen or in memory. Apart from the
 * rest, so the frame around the places is not drawn again at each step of a contact (a
 * screen-pop changes the contact several times).
 */
const GenerationContext = createContext(0);

/**
 * The contact in hand, in one place: its call or visit (kept in IndexedDB from the moment it
 * starts), the residents opened for it with their identity checks, the search text, the script
 * part-way through and the training caller card (kept in memory only). All of it belongs to
 * the contact and goes when it ends: wrap-up saved, another officer at the computer,
 * sign-out, or the lock. An identity check passes for one contact only, because every open
 * is a new access in main, and main forgets the contact's accesses when it ends.
 */
export function ContactProvider({ staffId, children }: { staffId: string | null; children: ReactNode }) {
  const bridge = useBridge();
  const db = caseDatabase();
  const navigation = useNavigation();
  const current = useLiveQuery(() => record.contactInHand(db, staffId), [db, staffId]) ?? null;
  const [memory, setMemory] = useState<ContactMemory>(NOTHING);
  const [generation, setGeneration] = useState(0);
  const contactNumber = useRef(0);
  /** Ends the outbox's wait for the screen-pop in hand (renderer/sync/screen-pop-quiet.ts). */
  const popHold = useRef<(() => void) | null>(null);
  const searchText = useRef('');
  const script = useRef<ScriptInProgress | null>(null);
  const [poppedFor, setPoppedFor] = useState<string | null>(null);
  // Training's caller cards, by the number calling: the card can arrive before or after its call starts.
  const [cards, setCards] = useState<Record<string, CallerCard>>({});
  // The latest of each, for callbacks that must not change identity on every render.
  const latest = useRef({ memory, current, staffId });
  useEffect(() => {
    latest.current = { memory, current, staffId };
  });

  // A wrapped-up call leaves the screen when IndexedDB says so, its dialog with it: only then
  // can the place's heading take the focus (a dialog still open would keep it).
  const refocusWhenGone = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (refocusWhenGone.current === null || current?.id === refocusWhenGone.current) return;
    refocusWhenGone.current = null;
    navigation?.refocus();
  }, [current, navigation]);

  const clear = useCallback(() => {
    const accessIds = latest.current.memory.residents.map((each) => each.view.accessId);
    const ended = latest.current.current?.callerNumber;
    if (ended) setCards(({ [ended]: _gone, ...rest }) => rest);
    // Main forgets them too: nothing of this contact can be asked for again through the contract.
    if (accessIds.length > 0) void bridge.residents.close({ accessIds });
    searchText.current = '';
    script.current = null;
    setPoppedFor(null);
    setMemory(NOTHING);
    contactNumber.current += 1;
    setGeneration(contactNumber.current);
    // The place is drawn afresh: its heading takes the focus, never the page (after a wrap-up,
    // once its dialog has gone).
    if (refocusWhenGone.current === null) navigation?.refocus();
  }, [bridge, navigation]);

  // Another officer at the computer (or nobody): the last officer's contact goes from the screen.
  const seatedStaff = useRef(staffId);
  useEffect(() => {
    if (seatedStaff.current === staffId) return;
    seatedStaff.current = staffId;
    clear();
  }, [staffId, clear]);

  // The screen-pop in hand: until main answers, the Search place does not open the caller itself.
  const [popping, setPopping] = useState(false);
  const placeNow = useRef(navigation?.place);
  useEffect(() => {
    placeNow.current = navigation?.place;
  });
  /**
   * The screen-pop: main has been reading the caller's record since the call arrived, so it is
   * asked for at once, beside the call being written down, not after it. True when the caller
   * is on screen; false when the page's own search must find them (no single resident has the
   * number, or main could not say), which the Search place then does.
   */
  const popCaller = useCallback(
    async (callerNumber: string, startedIn: number, written: Promise<string>): Promise<boolean> => {
      const place = placeNow.current;
      const outcome = await bridge.residents.openCaller({ callerNumber });
      const view = outcome.ok ? outcome.value.view : null;
      if (!view) return false;
      // The contact ended while the record was coming: it belongs to no one on screen now.
      if (contactNumber.current !== startedIn) {
        void bridge.residents.close({ accessIds: [view.accessId] });
        return true;
      }
      keepCopy(latest.current.staffId, view);
      setMemory((now) => ({ ...now, error: null, residents: [...now.residents, { view, fromSnapshot: null }], shownId: view.residentId, aboutId: now.aboutId ?? view.residentId, askAbout: null }));
      // A screen-pop does not pull an officer back from somewhere they went meanwhile.
      if (placeNow.current === place) navigation?.goTo('resident');
      // Who the call is about goes on its record once that is written.
      void written.then((callId) => record.recordResident(db, callId, view.residentId, true));
      return true;
    },
    [bridge, db, navigation],
  );

  const startCall = useCallback(
    async (link: Extract<DeepLink, { kind: 'call' }>) => {
      // Whatever was on screen without a call gives way to the call; a call in hand goes to wrap-up first.
      const fresh = !latest.current.current;
      if (fresh) clear();
      // The outbox waits until the caller's record is on screen (two seconds at most).
      popHold.current?.();
      const hold = (popHold.current = holdSends());
      const startedIn = contactNumber.current;
      // Written to IndexedDB as the call arrives, as before (a reload or a crash keeps it), but
      // beside the screen-pop rather than in front of it.
      const written = record.startCall(db, latest.current.staffId, link);
      written.catch(() => undefined);
      let popped = false;
      if (fresh && link.callerNumber) {
        setPopping(true);
        popped = await popCaller(link.callerNumber, startedIn, written).finally(() => setPopping(false));
      }
      if (popped && popHold.current === hold) {
        popHold.current = null;
        setTimeout(hold, 0);
      }
      await written;
      if (!popped) navigation?.goTo('search');
    },
    [clear, db, navigation, popCaller],
  );
  useDeepLinks(useCallback((link) => void (link.kind === 'call' && startCall(link)), [startCall]));


  const recordOnContact = useCallback(
    async (residentId: string, about: boolean) => {
      const inHand = latest.current.current;
      if (inHand) await record.recordResident(db, inHand.id, residentId, about);
    },
    [db],
  );

  const open = useCallback(
    async (residentId: string, reason: AccessReason): Promise<boolean> => {
      const held = latest.current.memory;
      // Opened before in this contact: the same view, with its identity check, not a new open.
      if (held.residents.some((each) => each.view.residentId === residentId)) {
        setMemory((now) => ({ ...now, shownId: residentId, error: null }));
        return true;
      }
      const startedIn = contactNumber.current;
      const attempt = await openResident(bridge, latest.current.staffId, residentId, reason);
      // The caller's record is here: the outbox may go once it is drawn.
      const hold = popHold.current;
      popHold.current = null;
      if (hold) setTimeout(hold, 0);
      // The contact ended while the record was opening: it belongs to no one on screen now.
      if (contactNumber.current !== startedIn) {
        if (attempt.ok) void bridge.residents.close({ accessIds: [attempt.opened.view.accessId] });
        return false;
      }
      if (!attempt.ok) {
        setMemory((now) => ({ ...now, error: attempt.error }));
        return false;
      }
      const aboutSomeoneElse = held.aboutId !== null && latest.current.current !== null;
      setMemory((now) => ({
        ...now,
        error: null,
        residents: [...now.residents.filter((each) => each.view.residentId !== residentId), attempt.opened],
        shownId: residentId,
        aboutId: now.aboutId ?? residentId,
        askAbout: aboutSomeoneElse ? residentId : null,
      }));
      await recordOnContact(residentId, !aboutSomeoneElse);
      return true;
    },
    [bridge, recordOnContact],
  );

  const startCallback = useCallback(
    async (callback: { id: string; number: string; residentId: string }) => {
      // As a call arriving, except that CivicDesk knows whom it is for: their record opens at once.
      if (!latest.current.current) clear();
      await record.startCallback(db, latest.current.staffId, callback);
      if (await open(callback.residentId, 'call')) navigation?.goTo('resident');
    },
    [clear, db, navigation, open],
  );

  const startEmail = useCallback(
    async (email: record.EmailTaken): Promise<Interaction> => {
      const contact = await record.startEmail(db, latest.current.staffId, email);
      if (email.residentId === null) return contact;
      // Opened as any resident is (the access recorded, for an email), but the Email place stays
      // on screen: the officer goes to the 360 view when they choose. The email is about them.
      if (await open(email.residentId, 'email')) setMemory((now) => ({ ...now, aboutId: email.residentId, askAbout: null }));
      return contact;
    },
    [db, open],
  );

  const answerAbout = useCallback(
    async (nowAboutThem: boolean) => {
      const asked = latest.current.memory.askAbout;
      if (!asked) return;
      setMemory((now) => ({ ...now, askAbout: null, aboutId: nowAboutThem ? asked : now.aboutId }));
      if (nowAboutThem) await recordOnContact(asked, true);
    },
    [recordOnContact],
  );

  const updateResident = useCallback((view: ResidentView) => {
    keepCopy(latest.current.staffId, view);
    setMemory((now) => ({ ...now, residents: now.residents.map((each) => (each.view.residentId === view.residentId ? { view, fromSnapshot: null } : each)) }));
  }, []);

  const refreshFromBackOffice = useCallback(async () => {
    const held = latest.current.memory;
    const shown = held.residents.find((each) => each.view.residentId === held.shownId);
    if (!shown?.fromSnapshot) return;
    const outcome = await bridge.residents.open({ residentId: shown.view.residentId, reason: shown.fromSnapshot.reason });
    if (outcome.ok) updateResident(outcome.value);
  }, [bridge, updateResident]);

  const api = useMemo<ContactApi>(() => {
    const byId = (residentId: string | null) => memory.residents.find((each) => each.view.residentId === residentId) ?? null;
    const caller = current?.status === 'in-progress' || current?.status === 'wrap-up' ? current.callerNumber : null;
    // The screen-pop opens the caller once; a contact that has found its resident never pops again (after a reload too).
    const popped = current !== null && (poppedFor === current.id || (current.residentIds?.length ?? 0) > 0 || memory.residents.length > 0);
    return {
      current,
      resident: byId(memory.shownId),
      about: byId(memory.aboutId),
      residents: memory.residents,
      askingAbout: byId(memory.askAbout),
      error: memory.error,
      callerCard: current?.callerNumber ? (cards[current.callerNumber] ?? null) : null,
      screenPop: caller ? { callerNumber: caller, autoOpen: !popped && !popping } : null,
      openResident: open,
      answerAbout,
      showResident: (residentId) => setMemory((now) => ({ ...now, shownId: residentId })),
      updateResident,
      refreshFromBackOffice,
      screenPopUsed: () => setPoppedFor(current?.id ?? null),
      setCallerCard: (card) => setCards((now) => ({ ...now, [card.callerNumber]: card })),
      searchText: () => searchText.current,
      rememberSearchText: (text) => {
        searchText.current = text;
      },
      scriptInProgress: () => script.current,
      rememberScript: (run) => {
        script.current = run;
      },
      startCall,
      startCallback,
      async endCall() {
        if (current) await record.endCall(db, current);
      },
      async recordOutcome(outcome) {
        if (current) await record.recordOutcome(db, current.id, outcome);
      },
      async clearOutcome(runId) {
        if (current) await record.clearOutcome(db, current.id, runId);
      },
      async saveWrapUp(wrapUp) {
        if (!current) return;
        await record.saveWrapUp(db, current.id, wrapUp);
        refocusWhenGone.current = current.id;
        clear();
      },
      async saveWrapUpDraft(draft) {
        if (current) await record.saveWrapUpDraft(db, current.id, draft);
      },
      startVisit: (residentId) => record.startVisit(db, staffId, residentId),
      startEmail,
      async recordInterpreter(session) {
        // The contact in hand as IndexedDB has it now (a visit may have just been started for this).
        const target = current ?? (await record.contactInHand(db, staffId));
        if (target) await record.recordInterpreter(db, target.id, session);
      },
      clear,
    };
  }, [answerAbout, cards, clear, current, db, memory, open, poppedFor, popping, refreshFromBackOffice, staffId, startCall, startCallback, startEmail, updateResident]);
  return (
    <GenerationContext.Provider value={generation}>
      <ContactContext.Provider value={api}>{children}</ContactContext.Provider>
    </GenerationContext.Provider>
  );
}

/** How many contacts have ended here: a place keyed by it is drawn afresh for each contact. */
export function useContactGeneration(): number {
  return useContext(GenerationContext);
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

/**
 * The resident the contact is about, once the identity check has passed (or was gone past
 * with a reason): whose cases the contact raises, without a click.
 */
export function identifiedResident(contact: Pick<ContactApi, 'about'>): ResidentView | null {
  const view = contact.about?.view ?? null;
  return view && view.identity.status !== 'not-done' ? view : null;
}
