import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseDraft, DraftFocus } from '../../shared/domain/case-draft';
import { saveDraft } from '../sync/case-store';
import type { CaseDatabase } from '../storage/case-database';
import { nowIso } from '../storage/ids';

/** Long enough to save once per pause in typing, short enough to stay well inside 300 ms of the last key. */
export const AUTOSAVE_DELAY_MS = 150;
/** However fast someone types without pausing, what is on screen is never more than this behind what is on disk. */
export const MOST_BEHIND_MS = 300;

/**
 * How long to wait before writing, given when the oldest unwritten change was made: a short
 * pause after each key, but never so long that the write starts more than MOST_BEHIND_MS
 * (less a margin for the write itself) after that change, however fast the typing.
 */
export function nextSaveDelay(unsavedSince: number, now: number): number {
  return Math.max(0, Math.min(AUTOSAVE_DELAY_MS, unsavedSince + MOST_BEHIND_MS - now - AUTOSAVE_DELAY_MS / 3));
}

export interface SaveState {
  saving: boolean;
  savedAt: string | null;
  /** Plain words from the browser when a save failed; the form keeps what was typed and tries again on the next change. */
  failed: string | null;
}

/**
 * The draft as the form holds it, written to IndexedDB shortly after every change and at once
 * when the person leaves a field, hides the window or closes it. Writes go one after another,
 * each taking the draft as it is when it runs, so an older write can never land after a newer one.
 */
export function useDraftAutosave(db: CaseDatabase, initial: CaseDraft) {
  const [draft, setDraft] = useState(initial);
  const [saveState, setSaveState] = useState<SaveState>({ saving: false, savedAt: initial.updatedAt, failed: null });
  const latest = useRef(initial);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // When the oldest change not yet written was made: a save is never put off past MOST_BEHIND_MS from it.
  const unsavedSince = useRef<number | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  // Once the draft has been submitted or deleted, a late save must not bring it back.
  const retired = useRef(false);

  // A write queued before the form closed still lands; only its "Saved" has nowhere to show.
  const shown = useRef(true);
  useEffect(() => {
    shown.current = true;
    return () => {
      shown.current = false;
    };
  }, []);
  const show = useCallback((next: SaveState | ((state: SaveState) => SaveState)) => {
    if (shown.current) setSaveState(next);
  }, []);

  const enqueue = useCallback(
    (task: () => Promise<void>): Promise<void> => {
      const next = queue.current.then(async () => {
        if (retired.current) return;
        show((state) => ({ ...state, saving: true }));
        try {
          await task();
          // Still "Saving…" if more was typed while this write ran.
          show({ saving: timer.current !== null, savedAt: nowIso(), failed: null });
        } catch (error) {
          show((state) => ({ ...state, saving: false, failed: error instanceof Error ? error.message : String(error) }));
        }
      });
      queue.current = next;
      return next;
    },
    [show],
  );

  const writeNow = useCallback((): Promise<void> => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    unsavedSince.current = null;
    return enqueue(() => saveDraft(db, latest.current));
  }, [db, enqueue]);

  /** Saves what is waiting now (leaving a field, submitting), and waits for every earlier save. */
  const flush = useCallback((): Promise<void> => (timer.current !== null ? writeNow() : queue.current), [writeNow]);

  const schedule = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    const now = performance.now();
    unsavedSince.current ??= now;
    // "Saving…" from the first unsaved keystroke, so "Saved" on screen always means on disk.
    setSaveState((state) => (state.saving ? state : { ...state, saving: true }));
    timer.current = setTimeout(() => void writeNow(), nextSaveDelay(unsavedSince.current, now));
  }, [writeNow]);

  const change = useCallback(
    (patch: Partial<CaseDraft>, focus?: DraftFocus | null) => {
      latest.current = { ...latest.current, ...patch, ...(focus !== undefined ? { focus } : {}) };
      setDraft(latest.current);
      schedule();
    },
    [schedule],
  );

  /** The cursor moved without a change: remembered with the next save, so a reload puts it back. */
  const noteFocus = useCallback(
    (focus: DraftFocus) => {
      const before = latest.current.focus;
      if (before && before.field === focus.field && before.selectionStart === focus.selectionStart && before.selectionEnd === focus.selectionEnd) return;
      latest.current = { ...latest.current, focus };
      schedule();
    },
    [schedule],
  );

  /**
   * A change that writes its own transaction (adding or removing evidence): it runs in turn
   * with the saves, on the draft as it is then, and its result becomes the draft.
   */
  const runInTurn = useCallback(
    async (task: (current: CaseDraft) => Promise<CaseDraft>): Promise<void> => {
      await flush();
      await enqueue(async () => {
        const saved = await task(latest.current);
        latest.current = { ...latest.current, attachmentIds: saved.attachmentIds };
        setDraft(latest.current);
      });
    },
    [enqueue, flush],
  );

  // Hidden, closed or gone: save now, rather than trust a timer that may never fire.
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
      void flush();
    };
  }, [flush]);

  /** No more saves: the draft is leaving the drafts table. */
  const retire = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    retired.current = true;
  }, []);

  return { draft, saveState, change, noteFocus, flush, runInTurn, retire, current: () => latest.current };
}
