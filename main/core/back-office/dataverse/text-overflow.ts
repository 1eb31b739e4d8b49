/**
 * Text longer than its Dataverse column is never refused or cut off: the column keeps the
 * first part with a marker saying where the rest is, and the rest goes into a note (an
 * annotation, whose notetext holds 100,000) written in the same change set.
 */
export interface FittedText {
  /** What the column holds: all of it, or the first part and the marker. */
  column: string;
  /** The rest, for the note; null when it all fits. */
  rest: string | null;
}

export const continuedMarker = (noteSubject: string): string => `\n(continued in the note ‘${noteSubject}’)`;

/**
 * Fits text to a column of maxLength UTF-16 code units (how Dataverse counts, see
 * column-lengths.ts). Never splits a surrogate pair, so no character is broken in two.
 */
export function fitToColumn(text: string, maxLength: number, noteSubject: string): FittedText {
  if (text.length <= maxLength) return { column: text, rest: null };
  const marker = continuedMarker(noteSubject);
  let cut = Math.max(0, maxLength - marker.length);
  // A high surrogate at the end would leave half an emoji in the column and half in the note.
  const last = text.charCodeAt(cut - 1);
  if (cut > 0 && last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return { column: `${text.slice(0, cut)}${marker}`, rest: text.slice(cut) };
}
