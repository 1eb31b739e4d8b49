import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { NoBridge } from './app/NoBridge';
import { chooseBridge } from './bridge/choose-bridge';
import { keepOfflineShell } from './bridge/offline-shell';
import { createI18n, staffLanguageFrom } from './i18n/i18n';
import { startSearchWorkerEarly } from './residents/use-resident-search';
import { followSession } from './session/follow-session';

const root = createRoot(document.getElementById('root') as HTMLElement);
if (new URLSearchParams(window.location.search).get('view') === 'customer') {
  // The resident's screen (renderer/languages/customer/): everything it shows comes from the
  // officer's page over a BroadcastChannel. It never uses the bridge, so it drops the copy of
  // the officer's tab storage (the loopback secret) that window.open handed it.
  window.sessionStorage.clear();
  const [{ CustomerApp }, i18n] = await Promise.all([import('./languages/customer/CustomerApp'), createI18n('en-GB')]);
  root.render(<CustomerApp i18n={i18n} />);
} else {
  // `?lang=en-XA` shows the pseudo-locale, for spotting text that skipped translation; `?lang=ar-XB` the right-to-left one.
  startSearchWorkerEarly();
  const choice = chooseBridge();
  // Who is signed in decides everything drawn next: asked now, while the text loads and the first frame is drawn.
  const follower = choice.ok ? followSession(choice.bridge) : undefined;
  const language = staffLanguageFrom(window.location.search);
  const i18n = await createI18n(language);
  keepOfflineShell();
  root.render(choice.ok ? <App bridge={choice.bridge} i18n={i18n} follower={follower} /> : <NoBridge i18n={i18n} />);
}
