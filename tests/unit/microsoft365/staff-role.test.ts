import { describe, expect, it } from 'vitest';
import { staffRoleFor } from '../../../main/core/smart-working';

describe('what a signed-in officer may see, from their Entra app roles', () => {
  it('gives the team leader and service-point roles, and agent to anyone else', () => {
    expect(staffRoleFor(['CivicDesk.TeamLeader'])).toBe('team-leader');
    expect(staffRoleFor(['CivicDesk.ServicePointOfficer', 'CivicDesk.TeamLeader'])).toBe('team-leader');
    expect(staffRoleFor(['CivicDesk.ServicePointOfficer'])).toBe('service-point-officer');
    expect(staffRoleFor([])).toBe('agent');
    expect(staffRoleFor(['TeamLeader'])).toBe('agent');
  });
});
