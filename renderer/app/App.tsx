import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import type { i18n } from 'i18next';
import { useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { ApiBridge } from '../../shared/contract/api-bridge';
import { BridgeProvider } from '../bridge/bridge-context';
import { createCivicTheme } from '../theme/theme';
import { SessionGate } from './SessionGate';

const CONTRAST_KEY = 'civicdesk.highContrast';

function initialContrast(): boolean {
  const saved = window.localStorage.getItem(CONTRAST_KEY);
  if (saved !== null) return saved === 'true';
  return window.matchMedia?.('(prefers-contrast: more)').matches ?? false;
}

/** Everything the workstation needs around it: text, the bridge, the theme. */
export function App({ bridge, i18n }: { bridge: ApiBridge; i18n: i18n }) {
  const [highContrast, setHighContrast] = useState(initialContrast);
  const theme = useMemo(() => createCivicTheme({ highContrast }), [highContrast]);
  const toggleContrast = () =>
    setHighContrast((current) => {
      window.localStorage.setItem(CONTRAST_KEY, String(!current));
      return !current;
    });

  return (
    <I18nextProvider i18n={i18n}>
      <BridgeProvider bridge={bridge}>
        <ThemeProvider theme={theme}>
          <CssBaseline />
          <SessionGate highContrast={highContrast} onToggleContrast={toggleContrast} />
        </ThemeProvider>
      </BridgeProvider>
    </I18nextProvider>
  );
}
