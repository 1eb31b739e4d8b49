import { describe, expect, it } from 'vitest';
import { buildGraphSeed } from '../../../main/core/training/graph/seed';
import { trainingStaff } from '../../../main/core/training/staff';
import { residents, TODAY } from './fixture';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the training Microsoft 365 seed', () => {
  const staff = trainingStaff(1);
  const build = (seed: number) => buildGraphSeed({ staff, residents, today: TODAY, seed });

  it('is the same for the same seed and differs for another', () => {
    expect(JSON.stringify(build(3))).toBe(JSON.stringify(build(3)));
    expect(JSON.stringify(build(4))).not.toBe(JSON.stringify(build(3)));
  });

  it('has an account for every staff member and four experts per service team, all at example.org', () => {
    const seed = build(3);
    for (const member of staff) expect(seed.users.find((user) => user.staffId === member.id)?.mail).toBe(member.email);
    expect(seed.users).toHaveLength(staff.length + 4 * seed.teams.length);
    for (const user of seed.users) {
      expect(user.id).toMatch(GUID);
      expect(user.mail).toMatch(/@example\.org$/);
    }
    expect(new Set(seed.users.map((user) => user.id)).size).toBe(seed.users.length);
  });

  it('derives the settings from the teams, with one service left without a channel', () => {
    const seed = build(3);
    expect(Object.keys(seed.settings.expertTeams)).toHaveLength(seed.teams.length);
    expect(Object.keys(seed.settings.escalationChannels)).toHaveLength(seed.teams.length - 1);
    for (const channel of Object.values(seed.settings.escalationChannels)) expect(channel.channelId).toMatch(/^19:[0-9a-f]+@thread\.tacv2$/);
  });

  it('books about twelve appointments at each service point between 9:00 and 16:30 with the resident id', () => {
    const seed = build(3);
    expect(seed.appointments).toHaveLength(24);
    for (const appointment of seed.appointments) {
      const start = new Date(appointment.startDateTime.dateTime);
      const end = new Date(appointment.endDateTime.dateTime);
      expect(start.getTime()).toBeGreaterThanOrEqual(Date.parse(`${TODAY}T09:00:00Z`));
      expect(end.getTime()).toBeLessThanOrEqual(Date.parse(`${TODAY}T16:30:00Z`));
      const answer = appointment.customers?.[0]?.customQuestionAnswers?.[0];
      expect(answer?.questionId).toBe(seed.residentQuestionId);
      expect(residents.map((resident) => resident.id)).toContain(answer?.answer);
    }
    expect(seed.appointments.some((appointment) => appointment.joinWebUrl)).toBe(true);
  });
});
