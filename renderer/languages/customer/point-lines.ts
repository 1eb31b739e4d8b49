import type { WritingDirection } from '../../../shared/languages/language-table';

/**
 * "Point to your language" above the picker, in English and a few of the borough's most
 * spoken languages, like a council's "I speak" card. Short and plain on purpose; the council's
 * translators should check these lines like any phrase. Each entry in the picker below is in
 * its own script, so no other text on the screen needs translating.
 */
export const POINT_LINES: readonly { lang: string; dir: WritingDirection; script: string; text: string }[] = [
  { lang: 'es', dir: 'ltr', script: 'Latn', text: 'Señale su idioma.' },
  { lang: 'pt', dir: 'ltr', script: 'Latn', text: 'Aponte para o seu idioma.' },
  { lang: 'fr', dir: 'ltr', script: 'Latn', text: 'Montrez votre langue.' },
  { lang: 'pl', dir: 'ltr', script: 'Latn', text: 'Wskaż swój język.' },
  { lang: 'ar', dir: 'rtl', script: 'Arab', text: 'أشر إلى لغتك.' },
  { lang: 'zh-Hans', dir: 'ltr', script: 'Hans', text: '请指出您的语言。' },
];
