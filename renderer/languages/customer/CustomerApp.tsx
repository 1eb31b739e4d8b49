import '../shipped-fonts';
import CssBaseline from '@mui/material/CssBaseline';
import { createTheme, ThemeProvider } from '@mui/material/styles';
import type { i18n } from 'i18next';
import { useLayoutEffect, useMemo } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createCivicTheme } from '../../theme/theme';
import { CustomerView } from './CustomerView';
import type { OpenChannel } from './protocol';

/**
 * The customer-facing page (`?view=customer`): high contrast and large type whatever the
 * officer's own settings, English around the languages' own names. No bridge, no session.
 */
export function CustomerApp({ i18n, openChannel }: { i18n: i18n; openChannel?: OpenChannel }) {
  const theme = useMemo(() => createTheme(createCivicTheme({ highContrast: true }), { typography: { fontSize: 22 } }), []);
  useLayoutEffect(() => {
    document.documentElement.lang = 'en-GB';
    document.documentElement.dir = 'ltr';
    document.title = i18n.t('languages.customer.title');
  }, [i18n]);
  return (
    <I18nextProvider i18n={i18n}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <CustomerView openChannel={openChannel} />
      </ThemeProvider>
    </I18nextProvider>
  );
}
