/**
 * Fills {variables} in what an agent reads out. `{name|fallback}` gives words to use when the
 * value is not known (for example `{resident.firstName|there}` for a caller not yet found).
 */
export const VARIABLE = /\{([a-zA-Z]+(?:\.[a-zA-Z]+)?)(?:\|([^}]*))?\}/g;

export function variablesIn(text: string): { name: string; hasFallback: boolean }[] {
  return [...text.matchAll(VARIABLE)].map((match) => ({ name: match[1] ?? '', hasFallback: match[2] !== undefined }));
}

export function interpolate(text: string, lookup: (name: string) => string | undefined): string {
  return text.replace(VARIABLE, (_whole, name: string, fallback: string | undefined) => lookup(name) ?? fallback ?? '');
}
