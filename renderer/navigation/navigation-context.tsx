import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { Place } from './places';

interface Navigation {
  place: Place;
  goTo(place: Place): void;
  /** Puts the focus back on the open place's heading (after the place was drawn afresh). */
  refocus(): void;
  /** The open place's h1: it takes the focus after a move, so screen readers announce the place. */
  headingRef: RefObject<HTMLHeadingElement | null>;
}

const NavigationContext = createContext<Navigation | null>(null);

/**
 * Which place is open, and moving between places. After a move the place's heading takes the
 * focus, so the keyboard and a screen reader are never left on the page itself.
 */
export function NavigationProvider({ children }: { children: ReactNode }) {
  const [place, setPlace] = useState<Place>('dashboard');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moves = useRef(0);
  const [moved, setMoved] = useState(0);
  const refocus = useCallback(() => {
    moves.current += 1;
    setMoved(moves.current);
  }, []);
  const goTo = useCallback(
    (next: Place) => {
      setPlace(next);
      refocus();
    },
    [refocus],
  );

  // After every move, even to the place already open (a second call's screen-pop); before the
  // browser paints, so there is no moment with the focus on the page itself.
  useLayoutEffect(() => {
    if (moved > 0) headingRef.current?.focus();
  }, [moved]);

  const value = useMemo(() => ({ place, goTo, refocus, headingRef }), [place, goTo, refocus]);
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

/** Null outside the workstation (a place rendered on its own in a test): moving is then not possible. */
export const useNavigation = (): Navigation | null => useContext(NavigationContext);
