/**
 * The places in the workstation frame, in the order of a contact: the numbers are their
 * Alt+number shortcuts.
 */
export const PLACES = ['dashboard', 'search', 'resident', 'scripts', 'cases', 'colleagues', 'languages'] as const;

export type Place = (typeof PLACES)[number];
