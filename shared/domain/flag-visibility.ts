import type { ResidentFlag } from './flag';
import type { StaffRole } from './staff';

/**
 * Which roles may see which flags. Everyone who talks to a resident sees vulnerability flags,
 * because they change how to help. Staff-safety markers go to those who meet residents or
 * supervise: an agent on the phone sees that some are hidden, not what they say.
 */
const SEES_STAFF_SAFETY: ReadonlySet<StaffRole> = new Set(['team-leader', 'service-point-officer']);

export function flagsForRole(flags: readonly ResidentFlag[], role: StaffRole | null): { visible: ResidentFlag[]; hiddenStaffSafety: number } {
  const seesSafety = role !== null && SEES_STAFF_SAFETY.has(role);
  const visible = flags.filter((flag) => flag.kind !== 'staff-safety' || seesSafety);
  return { visible, hiddenStaffSafety: flags.length - visible.length };
}

/** Only team leaders may list who has opened a resident's record. */
export const canListAccesses = (role: StaffRole | null): boolean => role === 'team-leader';
