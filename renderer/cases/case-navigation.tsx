import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useDeepLinks } from '../navigation/deep-links';
import { useNavigation } from '../navigation/navigation-context';

/** The parts of the Cases place another place can send staff to. */
export type CaseSection = 'drafts' | 'waiting' | 'sent' | 'attention';

export type CasesRequest =
  | { kind: 'open-draft'; draftId: string; at: number }
  | { kind: 'section'; section: CaseSection; at: number }
  /** A `civicdesk://case/<id>` link, from a Teams message about the case. */
  | { kind: 'open-case'; caseId: string; at: number };

interface CaseNavigation {
  /** What the Cases place has been asked to show, until it has shown it. */
  request: CasesRequest | null;
  openDraft(draftId: string): void;
  showSection(section: CaseSection): void;
  openCase(caseId: string): void;
  done(): void;
}

const CaseNavigationContext = createContext<CaseNavigation | null>(null);

/**
 * Lets the 360 view, a script's outcome and the status bar send staff to a case: it records
 * what to show and moves to the Cases place, which shows it when it opens.
 */
export function CaseNavigationProvider({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<CasesRequest | null>(null);
  const goTo = useNavigation()?.goTo;
  const onGoToCases = useCallback(() => goTo?.('cases'), [goTo]);
  const openDraft = useCallback(
    (draftId: string) => {
      setRequest({ kind: 'open-draft', draftId, at: Date.now() });
      onGoToCases();
    },
    [onGoToCases],
  );
  const showSection = useCallback(
    (section: CaseSection) => {
      setRequest({ kind: 'section', section, at: Date.now() });
      onGoToCases();
    },
    [onGoToCases],
  );
  const openCase = useCallback(
    (caseId: string) => {
      setRequest({ kind: 'open-case', caseId, at: Date.now() });
      onGoToCases();
    },
    [onGoToCases],
  );
  const done = useCallback(() => setRequest(null), []);
  const value = useMemo(() => ({ request, openDraft, showSection, openCase, done }), [request, openDraft, showSection, openCase, done]);
  return <CaseNavigationContext.Provider value={value}>{children}</CaseNavigationContext.Provider>;
}

/** Null outside the workstation (a component rendered on its own in a test): the links are then not shown. */
export const useCaseNavigation = (): CaseNavigation | null => useContext(CaseNavigationContext);

/**
 * Opens the case a `civicdesk://case/<id>` link names (the link in a Teams message about a
 * case, clicked on this computer). Mounted once, inside the workstation's navigation.
 */
export function CaseLinks() {
  const navigation = useCaseNavigation();
  useDeepLinks(
    useCallback(
      (link) => {
        if (link.kind === 'case') navigation?.openCase(link.caseId);
      },
      [navigation],
    ),
  );
  return null;
}
