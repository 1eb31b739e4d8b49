import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import enGB from './en-GB.json';
import { PSEUDO_LOCALE, pseudoLocaliseTree } from './pseudo';
import { pseudoMirrorTree, RTL_PSEUDO_LOCALE } from './pseudo-rtl';

/** The staff interface's languages: British English, and the two pseudo-locales for testing. */
export const STAFF_LANGUAGES = ['en-GB', PSEUDO_LOCALE, RTL_PSEUDO_LOCALE] as const;

/** `?lang=en-XA` or `?lang=ar-XB` picks a pseudo-locale; anything else is British English. */
export function staffLanguageFrom(search: string): string {
  const asked = new URLSearchParams(search).get('lang');
  return STAFF_LANGUAGES.find((language) => language === asked) ?? 'en-GB';
}

/** Which way the staff interface runs for a staff language: i18next knows Arabic, Hebrew and the rest are right to left. */
export function staffDirection(instance: i18n): 'ltr' | 'rtl' {
  return instance.dir(instance.resolvedLanguage ?? instance.language);
}

/**
 * Staff-facing text. British English is the council's working language; the pseudo-locales
 * exist to catch text that bypasses translation and layout that breaks right to left.
 * Residents' languages are handled separately, by phrase packs.
 */
export async function createI18n(language: string = 'en-GB'): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en-GB',
    supportedLngs: [...STAFF_LANGUAGES],
    // A pseudo-locale's text is made only when it is the language asked for: making both at
    // every start took about 25 ms of the page's thread before anything was drawn.
    resources: {
      'en-GB': { translation: enGB },
      ...(language === PSEUDO_LOCALE && { [PSEUDO_LOCALE]: { translation: pseudoLocaliseTree(enGB) } }),
      ...(language === RTL_PSEUDO_LOCALE && { [RTL_PSEUDO_LOCALE]: { translation: pseudoMirrorTree(enGB) } }),
    },
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  return instance;
}
