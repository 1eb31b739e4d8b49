import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames, type CallName } from '../../../shared/contract/calls';
import type { SessionInfo } from '../../../shared/contract/session';
import type { StaffRole } from '../../../shared/domain/staff';
import { loadDeploymentConfig } from '../../../main/core/config/deployment-config';
import { createCore, type Core } from '../../../main/core/create-core';
import { CALL_ROLES, roleRefusal } from '../../../main/core/ipc/call-roles';
import { createRouter, type Handlers } from '../../../main/core/ipc/router';

const ROLES: StaffRole[] = ['agent', 'service-point-officer', 'team-leader'];
const context = { transport: 'loopback' as const };
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** What the table says for a role (null: nobody signed in). */
const allowed = (name: CallName, role: StaffRole | null) => CALL_ROLES[name].who === 'anyone' || (role !== null && (CALL_ROLES[name].who === 'officer' || role === 'team-leader'));

describe('the role table', () => {
  it('has a row for every call in the contract, and docs/roles.md says the same, call by call', () => {
    expect(Object.keys(CALL_ROLES).sort()).toEqual([...callNames].sort());
    const documented = new Map(
      readFileSync('docs/roles.md', 'utf8')
        .split('\n')
        .flatMap((line) => {
          const cells = /^\| `([a-zA-Z.]+)` \| ([^|]+) \|/.exec(line);
          return cells ? [[cells[1] as string, (cells[2] as string).trim()] as const] : [];
        }),
    );
    const words = { anyone: 'anyone, signed in or not', officer: 'every officer signed in', 'team-leader': 'team leaders only' };
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(callNames.map((name) => [name, words[CALL_ROLES[name].who]])));
  });

  it('refuses every call that needs an officer when nobody is signed in, before its handler runs', async () => {
    const ran: string[] = [];
    const handlers = Object.fromEntries(callNames.map((name) => [name, () => ran.push(name)])) as unknown as Handlers;
    const router = createRouter(handlers, quiet, (name) => roleRefusal(name, null));
    for (const name of callNames) {
      const outcome = await router.dispatch(name, {}, context);
      expect(outcome.ok === false && outcome.error.code === 'not-allowed', `${name} with nobody signed in`).toBe(!allowed(name, null));
    }
    expect(ran.every((name) => allowed(name as CallName, null))).toBe(true);
  });
});

describe('every call in the contract, as every role, through a training core', () => {
  const cores: Core[] = [];
  afterAll(() => Promise.all(cores.map((core) => core.close())));

  for (const role of ROLES) {
    describe(`as ${role}`, () => {
      let core: Core;
      beforeAll(async () => {
        core = createCore({ config: loadDeploymentConfig(undefined, ''), appVersion: 't', log: quiet, resourcesDir: 'resources', training: { residents: 120 } });
        cores.push(core);
        const session = (await core.router.dispatch('session.get', {}, context)) as { ok: true; value: SessionInfo };
        const someone = session.value.trainingStaff.find((staff) => staff.role === role);
        if (!someone) throw new Error(`no ${role} in training`);
        expect(await core.router.dispatch('session.actAsTrainingUser', { staffId: someone.id }, context)).toMatchObject({ ok: true, value: { user: { role } } });
      }, 60_000);

      it('is refused exactly the calls the table refuses it', async () => {
        const refused: string[] = [];
        for (const name of callNames) {
          // Any input: who may call is decided before the input is looked at.
          const outcome = await core.router.dispatch(name, {}, context);
          if (!outcome.ok && outcome.error.code === 'not-allowed') refused.push(name);
        }
        expect(refused).toEqual(callNames.filter((name) => !allowed(name, role)));
      }, 60_000);
    });
  }
});
