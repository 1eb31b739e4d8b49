/** What a request's Prefer header asks for (RFC 7240), as far as the stand-in honours it. */
export interface Preferences {
  maxPageSize?: number;
  includeAnnotations?: string;
  trackChanges: boolean;
  /** return=representation: a write answers with the row as it now is. */
  returnRepresentation: boolean;
  /** odata.continue-on-error: a $batch goes on after an operation fails. */
  continueOnError: boolean;
}

/** Preferences are comma-separated; a quoted value may itself hold commas. */
export function parsePreferences(header: string | undefined): Preferences {
  const preferences: Preferences = { trackChanges: false, returnRepresentation: false, continueOnError: false };
  for (const match of (header ?? '').matchAll(/([A-Za-z][\w.-]*)\s*(?:=\s*(?:"([^"]*)"|([^,\s]*)))?/g)) {
    const [, name, quoted, bare] = match;
    const value = quoted ?? bare;
    if (name === 'odata.maxpagesize' && value && /^\d+$/.test(value)) preferences.maxPageSize = Number(value);
    if (name === 'odata.include-annotations' && value !== undefined) preferences.includeAnnotations = value;
    if (name === 'odata.track-changes') preferences.trackChanges = true;
    if (name === 'return' && value === 'representation') preferences.returnRepresentation = true;
    if (name === 'odata.continue-on-error' && value !== 'false') preferences.continueOnError = true;
  }
  return preferences;
}
