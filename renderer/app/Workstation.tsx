import Box from '@mui/material/Box';
import { useCallback, useState } from 'react';
import type { SessionInfo } from '../../shared/contract/session';
import { CaseLinks, CaseNavigationProvider } from '../cases/case-navigation';
import { ContactHeader } from '../contact/ContactHeader';
import { useContactGeneration } from '../contact/contact-context';
import { useNavigation } from '../navigation/navigation-context';
import { placesFor } from '../navigation/places';
import { PlaceView } from '../places/PlaceView';
import { TeamsSenderProvider, useTeamsSender } from '../teams/teams-sender-context';
import { MessageSenderProvider, useMessageSender } from '../messages/message-sender-context';
import { CallbacksProvider } from '../callbacks/callbacks-context';
import { CallbackReminder } from '../callbacks/CallbackReminder';
import { MailOutboxProvider } from '../email/mail-outbox-runner';
import { GlobalShortcuts } from './GlobalShortcuts';
import { HelpOverlay } from './HelpOverlay';
import { PlacesNav } from './PlacesNav';
import { SkipLink } from './SkipLink';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';
import { TrainingBanner } from './TrainingBanner';

/**
 * A window tall enough to keep the training banner and the status bar in view: between them,
 * only the work area scrolls, so neither bar ever lies over a button or a field (WCAG 2.2,
 * 2.4.11 and 2.5.8). Shorter (zoomed to 200%, say), the whole page scrolls, bars and all, so the
 * bars take no room from the work.
 */
const TALL_WINDOW = '@media (min-height: 37.5em)';

/**
 * The frame every place sits in: banner, top bar, the contact in hand, places, the place itself,
 * status bar. The banner, top bar, status bar and help are memoised where they are defined: a
 * screen-pop changes the place, and drawing them again each time added to every pop.
 */
export function Workstation({ session, highContrast, onToggleContrast }: { session: SessionInfo; highContrast: boolean; onToggleContrast: () => void }) {
  const [helpOpen, setHelpOpen] = useState(false);
  // Questions to experts and escalations waiting on this computer go from here, whatever place is open.
  const teamsSender = useTeamsSender();
  // Texts and emails to residents likewise.
  const messageSender = useMessageSender();
  const navigation = useNavigation();
  const generation = useContactGeneration();
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const closeHelp = useCallback(() => setHelpOpen(false), []);

  if (!navigation) return null;
  return (
    <TeamsSenderProvider value={teamsSender}>
      <MessageSenderProvider value={messageSender}>
        <CallbacksProvider staffId={session.user?.id ?? null}>
        <MailOutboxProvider staffId={session.user?.id ?? null}>
        <CaseNavigationProvider>
          <CaseLinks />
          <GlobalShortcuts onHelp={openHelp} onToggleContrast={onToggleContrast} />
          <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: '100vh', [TALL_WINDOW]: { height: '100vh' } }}>
            <SkipLink />
            {session.mode === 'training' && <TrainingBanner highContrast={highContrast} />}
            <Box data-testid="work-area" sx={{ display: 'flex', flexDirection: 'column', flex: 1, [TALL_WINDOW]: { minHeight: 0, overflowY: 'auto' } }}>
              <Box component="header">
                <TopBar session={session} highContrast={highContrast} onToggleContrast={onToggleContrast} onOpenHelp={openHelp} />
              </Box>
              <ContactHeader />
              <CallbackReminder />
              <Box sx={{ display: 'flex', flex: 1, flexDirection: { xs: 'column', md: 'row' } }}>
                <PlacesNav places={placesFor(session.user?.role ?? null)} current={navigation.place} onChoose={navigation.goTo} />
                <Box component="main" id="main" tabIndex={-1} sx={{ flex: 1, minWidth: 0, p: { xs: 2, md: 3 }, outline: 'none' }}>
                  {/* Drawn afresh for each contact: nothing a place held for the last one survives. */}
                  <PlaceView key={generation} place={navigation.place} session={session} headingRef={navigation.headingRef} />
                </Box>
              </Box>
            </Box>
            <StatusBar session={session} />
            <HelpOverlay open={helpOpen} onClose={closeHelp} />
          </Box>
        </CaseNavigationProvider>
        </MailOutboxProvider>
        </CallbacksProvider>
      </MessageSenderProvider>
    </TeamsSenderProvider>
  );
}
