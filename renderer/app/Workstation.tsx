import Box from '@mui/material/Box';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeepLink } from '../../shared/contract/deep-link';
import type { SessionInfo } from '../../shared/contract/session';
import { CaseLinks, CaseNavigationProvider } from '../cases/case-navigation';
import { CallPanel } from '../contact/CallPanel';
import { PlaceView } from '../places/PlaceView';
import { TeamsSenderProvider, useTeamsSender } from '../teams/teams-sender-context';
import { HelpOverlay } from './HelpOverlay';
import { PlacesNav } from './PlacesNav';
import type { Place } from './places';
import { findShortcut } from './shortcuts';
import { SkipLink } from './SkipLink';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';
import { TrainingBanner } from './TrainingBanner';
import { useDeepLinks } from './deep-links';

/**
 * A screen-pop, stamped with when it arrived (so a second call from the same number is new),
 * and whether it may still open the caller's record by itself (only the first time).
 */
export type IncomingCall = Extract<DeepLink, { kind: 'call' }> & { at: number; autoOpen: boolean };

/** The frame every place sits in: banner, top bar, places, the place itself, status bar. */
export function Workstation({ session, highContrast, onToggleContrast }: { session: SessionInfo; highContrast: boolean; onToggleContrast: () => void }) {
  const [place, setPlace] = useState<Place>('dashboard');
  const [helpOpen, setHelpOpen] = useState(false);
  const [incomingCall, setIncomingCall] = useState<IncomingCall | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Questions to experts and escalations waiting on this computer go from here, whatever place is open.
  const teamsSender = useTeamsSender();
  const moved = useRef(false);

  const screenPopUsed = useCallback(() => setIncomingCall((call) => call && { ...call, autoOpen: false }), []);
  const goTo = useCallback((next: Place) => {
    moved.current = true;
    setPlace(next);
  }, []);
  const goToCases = useCallback(() => goTo('cases'), [goTo]);

  // After moving to another place, focus its heading so screen readers announce it.
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [place]);

  useDeepLinks(
    useCallback(
      (link) => {
        if (link.kind === 'call') {
          setIncomingCall({ ...link, at: Date.now(), autoOpen: true });
          goTo('search');
        }
      },
      [goTo],
    ),
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = findShortcut(event);
      if (!shortcut) return;
      event.preventDefault();
      const { command } = shortcut;
      if (command.kind === 'help') setHelpOpen(true);
      else if (command.kind === 'contrast') onToggleContrast();
      else goTo(command.place);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [goTo, onToggleContrast]);

  return (
    <TeamsSenderProvider value={teamsSender}>
      <CaseNavigationProvider onGoToCases={goToCases}>
      <CaseLinks />
        <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: '100vh' }}>
          <SkipLink />
          {session.mode === 'training' && <TrainingBanner highContrast={highContrast} />}
          <Box component="header">
            <TopBar session={session} highContrast={highContrast} onToggleContrast={onToggleContrast} onOpenHelp={() => setHelpOpen(true)} />
          </Box>
          <CallPanel />
          <Box sx={{ display: 'flex', flex: 1, flexDirection: { xs: 'column', md: 'row' } }}>
            <PlacesNav current={place} onChoose={goTo} />
            <Box component="main" id="main" tabIndex={-1} sx={{ flex: 1, minWidth: 0, p: { xs: 2, md: 3 }, outline: 'none' }}>
              <PlaceView place={place} session={session} headingRef={headingRef} incomingCall={incomingCall} onResidentOpened={() => goTo('resident')} onScreenPopUsed={screenPopUsed} />
            </Box>
          </Box>
          <StatusBar session={session} />
          <HelpOverlay open={helpOpen} onClose={() => setHelpOpen(false)} />
        </Box>
      </CaseNavigationProvider>
    </TeamsSenderProvider>
  );
}
