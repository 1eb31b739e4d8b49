import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CallName } from '../../../shared/contract/calls';
import type { Outcome } from '../../../shared/contract/outcome';
import type { DirectorySlice, ResidentView } from '../../../shared/contract/residents';
import type { CallerCard, SessionInfo } from '../../../shared/contract/session';
import type { DirectoryEntry } from '../../../shared/domain/directory';
import { loadDeploymentConfig } from '../../../main/core/config/deployment-config';
import { createCore, type Core } from '../../../main/core/create-core';
import { createAppLog } from '../../../main/core/log';
import type { DataverseStandIn } from '../../../main/core/training/dataverse/stand-in';
import type { TrainingMicrosoft365 } from '../../../main/core/training/microsoft365';

/**
 * What a data protection officer asks of the log: it holds nothing about the residents the
 * officer dealt with, and nothing that signs anyone in. This drives a whole training call
 * through the router, as the renderer's transport does, with the app's own log (stderr and
 * the rotating file, here in a temporary folder): the call arrives, the resident is found
 * by their number, opened, checked (a wrong answer first), a script's look-ups run, a case
 * is raised (one refused for a missing summary first), the officer signs in to Microsoft 365
 * (refused once), asks about colleagues (presence fails), escalates to the service's Teams
 * channel (the connection drops once), records the contact, an offline read is audited while
 * the council's system refuses it, the sign-in cannot be renewed (revoked), and the officer
 * signs out. Then it looks in every line
 * for the resident's details, in every form the record and the caller gave them, and for
 * every token the identity stand-in issued.
 */
describe('the log of a whole training call', () => {
  let folder: string;
  const stderr: string[] = [];
  let appLog: ReturnType<typeof createAppLog>;
  let core: Core;
  let standIn: DataverseStandIn;
  let microsoft365: TrainingMicrosoft365;
  // The core's clock, moved on later so the sign-in must be renewed.
  let later = 0;

  const call = async <T>(name: CallName, input: unknown): Promise<Outcome<T>> => (await core.router.dispatch(name, JSON.parse(JSON.stringify(input)) as unknown, { transport: 'ipc' })) as Outcome<T>;
  const value = async <T>(name: CallName, input: unknown): Promise<T> => {
    const outcome = await call<T>(name, input);
    if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`);
    return outcome.value;
  };

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'civicdesk-call-logs-'));
    appLog = createAppLog({ folder, stderr: (line) => stderr.push(line) });
    core = createCore({ config: loadDeploymentConfig(undefined, ''), appVersion: 't', log: appLog.log, resourcesDir: 'resources', training: { residents: 120 }, now: () => new Date(Date.now() + later) });
    standIn = (await core.trainingStandIn()) as DataverseStandIn;
    microsoft365 = (await core.trainingMicrosoft365()) as TrainingMicrosoft365;
  }, 60_000);

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  async function wholeDirectory(): Promise<DirectoryEntry[]> {
    const entries: DirectoryEntry[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const slice: DirectorySlice = await value<DirectorySlice>('directory.changes', { deltaToken: null, offset });
      entries.push(...slice.entries);
      offset = slice.nextOffset;
    }
    return entries;
  }

  it('holds no resident name, phone, email, address, date of birth or token in any line', async () => {
    const officer = (await value<SessionInfo>('session.get', {})).user;
    expect(officer).not.toBeNull();

    // The call arrives; the resident is found by the caller's number, as the screen-pop does.
    const { card, link } = await value<{ card: CallerCard; link: { queue: string | null; waitedSeconds: number | null } }>('training.simulateCall', {});
    await value('deepLink.take', {});
    const digits = (text: string) => text.replace(/\D/g, '');
    const directory = await wholeDirectory();
    const entry = directory.find((each) => each.phones.some((phone) => digits(phone) === digits(card.callerNumber)) && `${each.givenName} ${each.familyName}` === card.name);
    if (!entry) throw new Error(`nobody in the directory for the simulated caller ${card.name}`);

    const opened = await value<ResidentView>('residents.open', { residentId: entry.residentId, reason: 'call' });
    const wrong = await value<{ results: { matched: boolean }[] }>('residents.checkIdentity', { accessId: opened.accessId, answers: { name: card.says.name, dateOfBirth: '1/1/1901' } });
    expect(wrong.results.some((each) => !each.matched)).toBe(true);
    const checked = await value<{ view: ResidentView }>('residents.checkIdentity', { accessId: opened.accessId, answers: card.says });
    const record = checked.view.record;
    if (!record) throw new Error('the identity check did not pass with what the caller says');
    await value('residents.contactHistory', { accessId: opened.accessId, cursor: null, channels: [] });
    const resident = record.resident;
    const address = record.household?.address;
    if (!address) throw new Error('the resident has no household address');

    // The script's look-ups: the bin day by the postcode the caller gives, the balance from the record.
    await value('scripts.list', {});
    await call('scripts.lookup', { query: 'wasteCollectionDay', accessId: null, postcode: address.postcode, service: null });
    await call('scripts.lookup', { query: 'councilTaxBalance', accessId: opened.accessId, postcode: null, service: null });

    // A case, as the officer types it, with the resident's words in it; the first try misses its summary.
    const today = new Date().toISOString().slice(0, 10);
    const theCase = {
      id: randomUUID(), residentId: entry.residentId, anonymous: false, service: 'waste', category: 'missed-bin', priority: 'routine', serviceStandard: 'missed-bin-2wd',
      receivedOn: today, dueOn: today, summary: 'Green bin missed', description: `${resident.givenName} ${resident.familyName} says the green bin was missed again; call back on ${resident.contact.phones[0]?.number ?? card.callerNumber} or ${resident.contact.email ?? 'by letter'}.`,
      location: `${address.line1}, ${address.postcode}`, postcode: address.postcode, contactPreference: 'phone', fields: [{ name: 'bin', question: 'Which bin?', answer: 'Green' }], capturedAt: new Date().toISOString(), attachments: [],
    };
    expect(await call('cases.submit', { cases: [{ ...theCase, summary: '' }] })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const sent = await value<{ result: string; reference: string | null }[]>('cases.submit', { cases: [theCase] });
    expect(sent[0]?.result).toBe('created');

    // Microsoft 365: the first sign-in is turned down at the provider, the second goes through.
    microsoft365.identity.failNextAuthorize('access_denied');
    expect(await call('account.signIn', {})).toMatchObject({ ok: false });
    expect(await value('account.signIn', {})).toMatchObject({ signedIn: true });
    microsoft365.graph.faults.fail({ status: 500, times: 1, path: '/communications/getPresencesByUserId' });
    await value('teams.searchPeople', { query: 'an' });

    // Escalation to the service's channel: the connection drops once, the resend posts it.
    const teams = await value<{ service: string; canEscalate: boolean }[]>('teams.serviceTeams', {});
    const service = teams.find((each) => each.canEscalate)?.service;
    if (!service) throw new Error('no service team to escalate to in training');
    const escalation = {
      messageId: randomUUID(), writtenAt: new Date().toISOString(), service, note: `Third missed collection for ${resident.familyName}`,
      case: { caseId: theCase.id, reference: sent[0]?.reference ?? null, service, serviceName: 'Waste and recycling', category: 'Missed bin collection', priority: 'routine', dueOn: today, summary: theCase.summary, description: theCase.description, residentReference: null },
    };
    microsoft365.graph.faults.dropConnection({ times: 1 });
    await value('teams.escalate', escalation);
    expect(await value('teams.escalate', escalation)).toMatchObject({ status: 'sent' });

    // The contact is recorded; a read of the resident's copy made offline is audited while the council's system refuses it.
    const answeredAt = new Date(Date.now() - 300_000).toISOString();
    const saved = await value<{ result: string }[]>('contacts.save', {
      contacts: [{
        id: randomUUID(), channel: 'phone', state: 'completed', staffId: officer?.id, queue: link.queue, callerNumber: card.callerNumber, residentId: entry.residentId, service: 'waste',
        offeredAt: answeredAt, answeredAt, endedAt: new Date().toISOString(), waitedSeconds: 0, afterCallWorkSeconds: 30, outcomes: ['create-case'], outcomeSummary: 'Missed bin case raised',
        disposition: null, resolvedAtFirstContact: false, couldHaveBeenOnline: true, onlineRouteOffered: true, feedback: 'good', caseIds: [theCase.id], caseReferences: sent[0]?.reference ? [sent[0].reference] : [],
        interpreter: null, notes: `Spoke to ${card.name} at ${address.line1}`, incompleteReason: null,
      }],
    });
    expect(saved[0]?.result).toBe('saved');
    standIn.faults.failAlways({ status: 403 });
    await value('audit.recordSnapshotReads', { reads: [{ id: randomUUID(), residentId: entry.residentId, staffId: officer?.id, reason: 'call', at: new Date().toISOString(), source: 'snapshot' }] });
    standIn.faults.clear();
    await value('residents.close', { accessIds: [opened.accessId] });
    // Later the sign-in needs renewing, but the council has revoked it.
    microsoft365.identity.revokeRefreshTokens();
    later = 56 * 60_000;
    expect(await call('teams.me', {})).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Sign in to Microsoft 365 again/) } });
    await value('account.signOut', {});
    await core.close();
    await appLog.close();

    // There were lines, from every part of the call that logs, and the file has each of them.
    const messages = stderr.map((line) => (JSON.parse(line) as { message: string }).message);
    expect(messages).toEqual(expect.arrayContaining(['Microsoft 365 sign-in did not finish', 'signed in to Microsoft 365', 'Presence for the people found could not be read.', 'Case escalated in Teams', expect.stringMatching(/^audit record (waiting to send|set aside)$/), 'Microsoft 365 sign-in needs renewing', 'signed out of Microsoft 365']));
    const files = readdirSync(folder).filter((name) => name.startsWith('civicdesk'));
    const fileLines = files.flatMap((name) => readFileSync(path.join(folder, name), 'utf8').split('\n').filter(Boolean));
    expect(fileLines).toEqual(stderr);
    const everything = stderr.join('\n');

    // The resident, in every form the record and the caller gave.
    const dob = resident.dateOfBirth;
    const [year, month, day] = dob.split('-');
    const spoken = [
      `${resident.givenName} ${resident.familyName}`, card.name, card.says.name, resident.familyName,
      ...resident.contact.phones.flatMap((phone) => [phone.number, digits(phone.number)]), card.callerNumber,
      ...(resident.contact.email ? [resident.contact.email] : []),
      address.line1, ...(address.line2 ? [address.line2] : []), card.says.addressLine1, address.postcode, address.postcode.replace(' ', ''), card.says.postcode,
      dob, `${day}/${month}/${year}`, card.says.dateOfBirth,
    ];
    // Each is a real value of this call: they were in what came back to the renderer.
    expect(JSON.stringify(record)).toContain(resident.familyName);
    for (const each of [resident.contact.phones[0]?.number, address.line1, address.postcode, dob]) expect(JSON.stringify(record)).toContain(each);
    for (const each of spoken) {
      const words = new RegExp(`(^|[^\\p{L}\\d])${each.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\d])`, 'iu');
      expect(everything, `"${each}" is in the log`).not.toMatch(words);
    }

    // Every token the sign-in produced, and a token's signature on its own.
    const issued = microsoft365.identity.issued();
    const tokens = [...issued.accessTokens, ...issued.refreshTokens, ...issued.idTokens, ...issued.codes];
    expect(issued.accessTokens.length).toBeGreaterThan(0);
    expect(issued.refreshTokens.length).toBeGreaterThan(0);
    for (const token of tokens) {
      for (const part of [token, token.split('.').at(-1) ?? token]) expect(everything.toLowerCase().includes(part.toLowerCase()), 'a token is in the log').toBe(false);
    }
    expect(everything).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
  }, 120_000);
});
