import type { StaffRole } from '../../shared/domain/staff';

/**
 * The places in the workstation frame, in the order of a contact: the numbers are their
 * Alt+number shortcuts. Places that came later go last, so the earlier numbers keep their places.
 */
export const PLACES = ['dashboard', 'search', 'resident', 'scripts', 'cases', 'colleagues', 'languages', 'appointments', 'team'] as const;

export type Place = (typeof PLACES)[number];

/** The places a role works in: the Team place is for team leaders (main refuses its figures to anyone else too). */
export function placesFor(role: StaffRole | null): Place[] {
  return PLACES.filter((place) => place !== 'team' || role === 'team-leader');
}
