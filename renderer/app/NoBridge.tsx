import type { i18n } from 'i18next';

/** Shown in a browser opened without the host's secret: say exactly how to get in. */
export function NoBridge({ i18n }: { i18n: i18n }) {
  return (
    <main style={{ padding: '2rem', fontFamily: 'system-ui, sans-serif', maxWidth: '50rem' }}>
      <h1>{i18n.t('app.noBridgeTitle')}</h1>
      <p>{i18n.t('app.noBridgeBody')}</p>
    </main>
  );
}
