/**
 * A pseudo-locale: every translated string comes out accented and bracketed, ⟦Ŝéåŕçĥ⟧, so a
 * visible string that skipped i18next stands out on screen and in the pseudo-locale test.
 * Interpolation placeholders ({{count}}) and <Trans> tags (<language/>) are left untouched.
 */
export const PSEUDO_LOCALE = 'en-XA';

const ACCENTED: Record<string, string> = {
  a: 'å', c: 'ç', e: 'é', i: 'î', n: 'ñ', o: 'ö', s: 'ŝ', u: 'û', y: 'ý',
  A: 'Å', C: 'Ç', E: 'É', I: 'Î', N: 'Ñ', O: 'Ö', S: 'Ŝ', U: 'Û', Y: 'Ý',
};

export const pseudoOpen = '⟦';
export const pseudoClose = '⟧';

/** Placeholders and <Trans> component tags: never transformed, or they would stop working. */
const KEPT = /(\{\{[^}]+\}\}|<\/?[A-Za-z0-9]+\s*\/?>)/;
const isKept = (part: string) => part.startsWith('{{') || part.startsWith('<');

export function pseudoLocalise(text: string): string {
  const parts = text.split(KEPT);
  const body = parts.map((part) => (isKept(part) ? part : part.replace(/[a-zA-Z]/g, (letter) => ACCENTED[letter] ?? letter))).join('');
  return `${pseudoOpen}${body}${pseudoClose}`;
}

type Tree = { [key: string]: string | Tree };

export function transformTree(tree: Tree, transform: (text: string) => string): Tree {
  return Object.fromEntries(Object.entries(tree).map(([key, value]) => [key, typeof value === 'string' ? transform(value) : transformTree(value, transform)]));
}

export function pseudoLocaliseTree(tree: Tree): Tree {
  return transformTree(tree, pseudoLocalise);
}
