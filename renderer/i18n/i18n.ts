import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import enGB from './en-GB.json';
import { PSEUDO_LOCALE, pseudoLocaliseTree } from './pseudo';

/**
 * Staff-facing text. British English is the council's working language; the pseudo-locale
 * exists to catch text that bypasses translation. Residents' languages are handled
 * separately, by phrase packs.
 */
export async function createI18n(language: string = 'en-GB'): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en-GB',
    supportedLngs: ['en-GB', PSEUDO_LOCALE],
    resources: {
      'en-GB': { translation: enGB },
      [PSEUDO_LOCALE]: { translation: pseudoLocaliseTree(enGB) },
    },
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  return instance;
}
