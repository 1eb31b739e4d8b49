import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { NoBridge } from './app/NoBridge';
import { chooseBridge } from './bridge/choose-bridge';
import { keepOfflineShell } from './bridge/offline-shell';
import { createI18n } from './i18n/i18n';
import { PSEUDO_LOCALE } from './i18n/pseudo';

// `?lang=en-XA` shows the pseudo-locale, for spotting text that skipped translation.
const language = new URLSearchParams(window.location.search).get('lang') === PSEUDO_LOCALE ? PSEUDO_LOCALE : 'en-GB';
const i18n = await createI18n(language);
const choice = chooseBridge();
keepOfflineShell();
const root = createRoot(document.getElementById('root') as HTMLElement);
root.render(choice.ok ? <App bridge={choice.bridge} i18n={i18n} /> : <NoBridge i18n={i18n} />);
