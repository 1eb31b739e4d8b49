/**
 * A font stack for each script residents' languages are written in: the Noto font CivicDesk
 * ships (renderer/languages/shipped-fonts.ts, weight 400 only), then the fonts Windows and
 * other systems usually have for it, then the theme's own. Applied to the element that also
 * carries the text's `lang` and `dir`.
 */
const BASE = '"Segoe UI", system-ui, -apple-system, "Noto Sans", "DejaVu Sans", Arial, sans-serif';

const BY_SCRIPT: Readonly<Record<string, string>> = {
  Ethi: '"Noto Sans Ethiopic", "Nyala", "Ebrima"',
  Beng: '"Noto Sans Bengali", "Nirmala UI", "Vrinda"',
  Thaa: '"Noto Sans Thaana", "MV Boli"',
  Arab: '"Noto Sans Arabic", "Segoe UI", "Tahoma"',
  Guru: '"Noto Sans Gurmukhi", "Nirmala UI", "Raavi"',
  Taml: '"Noto Sans Tamil", "Nirmala UI", "Latha"',
  Hans: '"Noto Sans SC", "Microsoft YaHei"',
  Hant: '"Noto Sans TC", "Microsoft JhengHei", "Noto Sans SC"',
  Hani: '"Noto Sans SC", "Microsoft YaHei"',
  Deva: '"Nirmala UI", "Mangal"',
  Gujr: '"Nirmala UI", "Shruti"',
  Sinh: '"Nirmala UI", "Iskoola Pota"',
  Hebr: '"Segoe UI", "David"',
  Thai: '"Leelawadee UI", "Tahoma"',
  Jpan: '"Yu Gothic UI", "Meiryo"',
  Kore: '"Malgun Gothic"',
  Geor: '"Sylfaen"',
  Armn: '"Sylfaen"',
};

/** The CSS font-family for text in this ISO 15924 script ('Ethi', 'Arab'); the theme's stack for others. */
export function fontFamilyFor(script: string): string {
  const own = BY_SCRIPT[script];
  return own ? `${own}, ${BASE}` : BASE;
}

/** Scripts CivicDesk ships a font for, so a fresh Windows machine still shows them. */
export const SHIPPED_FONT_SCRIPTS = ['Ethi', 'Beng', 'Thaa', 'Arab', 'Guru', 'Taml', 'Hans', 'Hant'] as const;
