import type { StaffRole } from '../../shared/domain/staff';

/**
 * The places in the workstation frame, in the order of a contact: the numbers are their
 * Alt+number shortcuts. Places that came later go last, so the earlier numbers keep their places.
 */
export const PLACES = ['dashboard', 'search', 'resident', 'scripts', 'cases', 'colleagues', 'languages', 'appointments', 'team', 'readiness', 'callbacks', 'email'] as const;

/** Alt+1 to Alt+9 go to the first nine places; later ones (Tenant readiness, Callbacks, Email) are chosen from the list. */
export const PLACES_WITH_SHORTCUTS = PLACES.slice(0, 9);

export type Place = (typeof PLACES)[number];

/**
 * The places a role works in: the Team place and Tenant readiness are for team leaders (main
 * refuses their calls to anyone else too; an administrator checking a tenant signs in as one).
 */
export function placesFor(role: StaffRole | null): Place[] {
  return PLACES.filter((place) => (place !== 'team' && place !== 'readiness') || role === 'team-leader');
}
