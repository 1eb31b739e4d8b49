import { transformTree } from './pseudo';

/**
 * A right-to-left pseudo-locale, like Chromium's and Android's ar-XB: the staff interface laid
 * out right to left with every translated string shown mirrored. Each run of English is wrapped
 * in RIGHT-TO-LEFT MARK + RIGHT-TO-LEFT OVERRIDE … POP DIRECTIONAL FORMATTING + RIGHT-TO-LEFT
 * MARK, so it reads backwards on screen ("hcraeS"): text that skipped i18next is the text that
 * still reads forwards, and the test finds it by the missing override. Placeholders ({{name}})
 * and <Trans> tags stay outside the override, so names and numbers from data are not reversed.
 */
export const RTL_PSEUDO_LOCALE = 'ar-XB';

export const RLM = '\u200f';
export const RLO = '\u202e';
export const PDF = '\u202c';

const KEPT = /(\{\{[^}]+\}\}|<\/?[A-Za-z0-9]+\s*\/?>)/;

export function pseudoMirror(text: string): string {
  return text
    .split(KEPT)
    .map((part) => (part === '' || part.startsWith('{{') || part.startsWith('<') || !/\S/.test(part) ? part : `${RLM}${RLO}${part}${PDF}${RLM}`))
    .join('');
}

type Tree = { [key: string]: string | Tree };

export function pseudoMirrorTree(tree: Tree): Tree {
  return transformTree(tree, pseudoMirror);
}
