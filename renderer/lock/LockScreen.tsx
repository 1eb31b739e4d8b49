import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import type { ButtonBaseActions as ButtonActions } from '@mui/material/ButtonBase';
import Button from '@mui/material/Button';
import GlobalStyles from '@mui/material/GlobalStyles';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { SessionInfo, SessionLock } from '../../shared/contract/session';
import { useBridge } from '../bridge/bridge-context';

/** The lock screen's own element, a child of <body>: everything else in <body> is hidden while it is there. */
export const LOCK_HOST_ID = 'civicdesk-lock';

/**
 * The lock screen. Everything else on the page (the workstation, and dialogs MUI draws in
 * <body> of their own, such as wrap-up) is hidden with display: none, so no resident is on
 * screen, in the page's text or in what a screen reader can reach, while it all stays as it
 * was: the same officer resumes to the draft, the call and the place exactly as they left them.
 * Tab goes round the lock screen's own controls only.
 */
export function LockScreen({ session, lock }: { session: SessionInfo; lock: SessionLock }) {
  const host = useLockHost();
  useCoveredPage();
  return (
    <>
      {/* display: none for everything in <body> but the lock screen (MUI's dialogs included); emotion's styles, so the CSP allows them. */}
      <GlobalStyles styles={{ [`body > *:not(#${LOCK_HOST_ID})`]: { display: 'none !important' } }} />
      {createPortal(<LockPanel session={session} lock={lock} />, host)}
    </>
  );
}

function LockPanel({ session, lock }: { session: SessionInfo; lock: SessionLock }) {
  const bridge = useBridge();
  const { t, i18n } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const others = session.trainingStaff.filter((each) => each.id !== lock.staffId);
  const [next, setNext] = useState(others[0]?.id ?? '');
  const panel = useRef<HTMLElement>(null);
  const resumeActions = useRef<ButtonActions>(null);
  // On Resume, with its ring showing, once the lock screen is in the page.
  useEffect(() => resumeActions.current?.focusVisible(), []);
  const live = session.mode === 'live';
  const since = new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }).format(new Date(lock.since));

  const act = async (work: () => ReturnType<typeof bridge.session.resume>) => {
    setBusy(true);
    setProblem(null);
    const outcome = await work();
    setBusy(false);
    // On success main tells every window (session.changed) and the lock screen goes. Refused:
    // the reason is read out, and the focus (lost while the buttons were busy) is back on Resume.
    if (!outcome.ok) {
      setProblem(outcome.error.message);
      requestAnimationFrame(() => resumeActions.current?.focusVisible());
    }
  };
  const resume = () => act(() => bridge.session.resume(live ? {} : { staffId: lock.staffId }));
  const switchOfficer = () => act(() => bridge.session.switchOfficer(live ? {} : { staffId: next }));

  // Tab and Shift+Tab go round the lock screen's controls, never out of it.
  const keepFocusIn = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || !panel.current) return;
    const stops = [...panel.current.querySelectorAll<HTMLElement>('button:not([disabled]), select:not([disabled])')];
    const first = stops[0];
    const last = stops.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <Box
      component="main"
      ref={panel}
      onKeyDown={keepFocusIn}
      aria-labelledby="lock-title"
      data-testid="lock-screen"
      sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', p: 3, bgcolor: 'background.default', color: 'text.primary' }}
    >
      <Box sx={{ maxWidth: '36rem', width: '100%' }}>
        {session.mode === 'training' && (
          <Typography component="p" sx={{ fontWeight: 700, mb: 2 }}>
            {t('training.bannerLabel')}
          </Typography>
        )}
        <Typography component="h1" variant="h4" id="lock-title" gutterBottom>
          {t('lock.title')}
        </Typography>
        <Typography component="p" sx={{ mb: 1 }} data-testid="lock-who">
          {t('lock.lockedFor', { name: lock.officerName, time: since })}
        </Typography>
        <Typography component="p" sx={{ mb: 1 }}>
          {t(`lock.reason.${lock.reason}`)}
        </Typography>
        <Typography component="p" sx={{ mb: 3 }}>
          {t('lock.safe')}
        </Typography>
        {problem && (
          <Alert severity="error" sx={{ mb: 2 }} role="alert">
            {problem}
          </Alert>
        )}
        <Button variant="contained" size="large" action={resumeActions} disabled={busy} onClick={() => void resume()} data-testid="lock-resume">
          {t('lock.resumeAs', { name: lock.officerName })}
        </Button>
        {live && (
          <Typography component="p" variant="body2" sx={{ mt: 1 }}>
            {t('lock.resumeLive')}
          </Typography>
        )}
        <Box component="section" aria-labelledby="lock-switch-title" sx={{ mt: 4, display: 'flex', flexDirection: 'column', gap: 2, alignItems: 'flex-start' }}>
          <Typography component="h2" variant="h6" id="lock-switch-title">
            {t('lock.switchTitle')}
          </Typography>
          <Typography component="p">{t(live ? 'lock.switchLive' : 'lock.switchTraining', { name: lock.officerName })}</Typography>
          {!live && (
            <TextField select size="small" label={t('lock.whoIsNext')} value={next} onChange={(event) => setNext(event.target.value)} slotProps={{ select: { native: true } }} sx={{ minWidth: '16rem' }}>
              {others.map((staff) => (
                <option key={staff.id} value={staff.id}>
                  {t('training.staffOption', { name: staff.displayName, role: t(`training.role.${staff.role}`), team: staff.team })}
                </option>
              ))}
            </TextField>
          )}
          <Button variant="outlined" disabled={busy || (!live && next === '')} onClick={() => void switchOfficer()} data-testid="lock-switch">
            {t('lock.switch')}
          </Button>
        </Box>
      </Box>
    </Box>
  );
}

/** The lock screen's own child of <body>, made while it is shown. */
function useLockHost(): HTMLElement {
  const [host] = useState(() => Object.assign(document.createElement('div'), { id: LOCK_HOST_ID }));
  useLayoutEffect(() => {
    document.body.append(host);
    return () => host.remove();
  }, [host]);
  return host;
}

/**
 * While locked: the rest of <body> hidden and inert, a title that names nobody; afterwards the
 * title back and the focus where the officer left it (the field they were typing in).
 */
function useCoveredPage() {
  const { t } = useTranslation();
  // Taken while drawing, before the page is hidden (hiding it takes the focus away).
  const [focused] = useState(() => (document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null));
  useLayoutEffect(() => {
    const title = document.title;
    const covered = [...document.body.children].filter((each): each is HTMLElement => each instanceof HTMLElement && each.id !== LOCK_HOST_ID);
    for (const element of covered) element.inert = true;
    document.title = t('lock.documentTitle');
    return () => {
      for (const element of covered) element.inert = false;
      document.title = title;
      if (focused?.isConnected) requestAnimationFrame(() => focused.focus({ preventScroll: false }));
    };
  }, [focused, t]);
}
