/** What a request's Prefer header asks for (RFC 7240), as far as the stand-in honours it. */
export interface Preferences {
  maxPageSize?: number;
  includeAnnotations?: string;
  trackChanges: boolean;
}

/** Preferences are comma-separated; a quoted value may itself hold commas. */
export function parsePreferences(header: string | undefined): Preferences {
  const preferences: Preferences = { trackChanges: false };
  for (const match of (header ?? '').matchAll(/([A-Za-z][\w.-]*)\s*(?:=\s*(?:"([^"]*)"|([^,\s]*)))?/g)) {
    const [, name, quoted, bare] = match;
    const value = quoted ?? bare;
    if (name === 'odata.maxpagesize' && value && /^\d+$/.test(value)) preferences.maxPageSize = Number(value);
    if (name === 'odata.include-annotations' && value !== undefined) preferences.includeAnnotations = value;
    if (name === 'odata.track-changes') preferences.trackChanges = true;
  }
  return preferences;
}
