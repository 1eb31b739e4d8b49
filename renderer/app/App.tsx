import createCache from '@emotion/cache';
import { CacheProvider } from '@emotion/react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import type { i18n } from 'i18next';
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import stylisRtl from 'stylis-plugin-rtl';
import type { ApiBridge } from '../../shared/contract/api-bridge';
import { BridgeProvider } from '../bridge/bridge-context';
import { staffDirection } from '../i18n/i18n';
import type { SessionFollower } from '../session/follow-session';
import { createCivicTheme } from '../theme/theme';
import { installFocusClearOfBars } from './focus-clear-of-bars';
import { SessionGate } from './SessionGate';

const CONTRAST_KEY = 'civicdesk.highContrast';

function initialContrast(): boolean {
  const saved = window.localStorage.getItem(CONTRAST_KEY);
  if (saved !== null) return saved === 'true';
  return window.matchMedia?.('(prefers-contrast: more)').matches ?? false;
}

/**
 * Emotion's styles mirrored for a right-to-left staff language (left becomes right, margins and
 * padding swap), as MUI asks: its components are written left to right. Made once, when needed.
 */
let rtlCache: ReturnType<typeof createCache> | null = null;
function rtlStyleCache() {
  rtlCache ??= createCache({ key: 'civic-rtl', stylisPlugins: [stylisRtl] });
  return rtlCache;
}

/** `<html lang dir>` follows the staff language, so the browser, MUI and screen readers agree on it. */
function useDocumentLanguage(i18n: i18n): 'ltr' | 'rtl' {
  const [direction, setDirection] = useState(() => staffDirection(i18n));
  useLayoutEffect(() => {
    const apply = () => {
      const next = staffDirection(i18n);
      document.documentElement.lang = i18n.resolvedLanguage ?? i18n.language;
      document.documentElement.dir = next;
      setDirection(next);
    };
    apply();
    i18n.on('languageChanged', apply);
    return () => i18n.off('languageChanged', apply);
  }, [i18n]);
  return direction;
}

/** Everything the workstation needs around it: text, the bridge, the theme. */
export function App({ bridge, i18n, follower }: { bridge: ApiBridge; i18n: i18n; follower?: SessionFollower }) {
  const [highContrast, setHighContrast] = useState(initialContrast);
  const direction = useDocumentLanguage(i18n);
  useEffect(() => installFocusClearOfBars(), []);
  const theme = useMemo(() => createCivicTheme({ highContrast, direction }), [highContrast, direction]);
  const toggleContrast = () =>
    setHighContrast((current) => {
      window.localStorage.setItem(CONTRAST_KEY, String(!current));
      return !current;
    });

  const workstation = (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <SessionGate follower={follower} highContrast={highContrast} onToggleContrast={toggleContrast} />
    </ThemeProvider>
  );
  return (
    <I18nextProvider i18n={i18n}>
      <BridgeProvider bridge={bridge}>{direction === 'rtl' ? <CacheProvider value={rtlStyleCache()}>{workstation}</CacheProvider> : workstation}</BridgeProvider>
    </I18nextProvider>
  );
}
