/** Roles decide what a user may see: only some roles see vulnerability and safety flags. */
export const STAFF_ROLES = ['agent', 'service-point-officer', 'team-leader'] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffUser {
  id: string;
  /** Staff give their name and own the problem, so the name shown is the one they use. */
  displayName: string;
  email: string;
  role: StaffRole;
  team: string;
}
