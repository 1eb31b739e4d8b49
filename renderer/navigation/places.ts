/**
 * The places in the workstation frame, in the order of a contact: the numbers are their
 * Alt+number shortcuts. Appointments came later and goes last, so Alt+1 to Alt+7 keep their places.
 */
export const PLACES = ['dashboard', 'search', 'resident', 'scripts', 'cases', 'colleagues', 'languages', 'appointments'] as const;

export type Place = (typeof PLACES)[number];
