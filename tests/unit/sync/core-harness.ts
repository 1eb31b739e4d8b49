import 'fake-indexeddb/auto';
import { createApiBridge } from '../../../shared/contract/api-bridge';
import { callNames } from '../../../shared/contract/calls';
import type { Outcome } from '../../../shared/contract/outcome';
import type { StaffUser } from '../../../shared/domain/staff';
import { createDataverseBackOffice } from '../../../main/core/back-office/dataverse/dataverse-back-office';
import { httpsFetch } from '../../../main/core/back-office/https-fetch';
import { createCaseService } from '../../../main/core/cases/case-service';
import { createContactService } from '../../../main/core/contacts/contact-service';
import { createRouter, NotPossible, type Handlers } from '../../../main/core/ipc/router';
import { entraTokens } from '../support/entra-tokens';
import { startDataverseStandIn, type DataverseStandIn, type StandInOptions } from '../../../main/core/training/dataverse/stand-in';
import { TRAINING_ANONYMOUS_CONTACT_ID } from '../../../main/core/training/dataverse/rows-people';
import { generateTrainingData } from '../../../main/core/training/generator';
import { bridgeFacade, type BackOfficeFacade } from '../../../renderer/sync/sync-loop';

export interface CoreHarness {
  standIn: DataverseStandIn;
  /** The loop's view of the back office: the real bridge over the real router. */
  backOffice: BackOfficeFacade;
  /** Contact ids the stand-in knows, for cases about a resident. */
  contactIds: string[];
  /** Transport trouble between renderer and main: 'down' answers not-connected, 'hang' never answers. */
  transport: { state: 'up' | 'down' | 'hang' };
  /** How many calls crossed the transport, by name. */
  calls: Map<string, number>;
  close(): Promise<void>;
}

/** The officer signed in to the harness: contacts are recorded as theirs. */
export const staff: StaffUser = { id: 'staff-bench', displayName: 'Sam Sync', email: 'sam.sync@example.org', role: 'agent', team: 'Contact centre' };

/**
 * The real main/core path for cases, in this process: the router checking each call against
 * the contract, the case service, the Dataverse adapter over https, and the training stand-in.
 * Calls go through createApiBridge as the renderer's do, with their input sent as JSON.
 */
export async function startCore(options: { residents?: number; limits?: StandInOptions['limits']; modelledMsPerOperation?: number } = {}): Promise<CoreHarness> {
  const dataset = generateTrainingData({ residents: options.residents ?? 200 });
  const tokens = entraTokens();
  const standIn = await startDataverseStandIn({ dataset, limits: options.limits, modelledMsPerOperation: options.modelledMsPerOperation, verifyAccessToken: tokens.verifyAccessToken });
  const fetch = httpsFetch(standIn.ca);
  const office = createDataverseBackOffice({ dataverseUrl: standIn.url, getAccessToken: () => Promise.resolve(tokens.app(standIn.url)), fetch, anonymousContactId: TRAINING_ANONYMOUS_CONTACT_ID });
  const cases = createCaseService({ caseOffice: () => Promise.resolve(office), user: () => staff, maxAttachmentBytes: 10 * 1024 * 1024 });
  const contacts = createContactService({ contactOffice: () => Promise.resolve(office), user: () => staff, queueServices: { Waste: ['waste'] }, trueResolutionDays: 7 });
  const router = createRouter(
    { ...everyOtherCallRefused(), 'cases.submit': ({ cases: submissions }) => cases.submit(submissions), 'cases.update': (update) => cases.update(update),
      'contacts.save': ({ contacts: submissions }) => contacts.save(submissions), 'backOffice.reachability': () => cases.reachability() },
    { error: (message, details) => console.error(message, details) },
  );
  const transport: CoreHarness['transport'] = { state: 'up' };
  const calls = new Map<string, number>();
  const bridge = createApiBridge({
    invoke(name, input) {
      calls.set(name, (calls.get(name) ?? 0) + 1);
      if (transport.state === 'down') return Promise.resolve<Outcome<unknown>>({ ok: false, error: { code: 'not-connected', message: 'CivicDesk has lost its connection.' } });
      if (transport.state === 'hang') return new Promise(() => {});
      return router.dispatch(name, JSON.parse(JSON.stringify(input)) as unknown, { transport: 'ipc' });
    },
    subscribe: () => () => {},
  });
  const contactIds = standIn.rows('contacts').map((row) => String(row['contactid']));
  return {
    standIn,
    backOffice: bridgeFacade(bridge),
    contactIds,
    transport,
    calls,
    async close() {
      fetch.close();
      await standIn.close();
    },
  };
}

/** How many incidents the stand-in holds with each of these ids. */
export function incidentCounts(standIn: DataverseStandIn, ids: readonly string[]): Map<string, number> {
  const wanted = new Set(ids.map((id) => id.toLowerCase()));
  const counts = new Map<string, number>(ids.map((id) => [id.toLowerCase(), 0]));
  for (const row of standIn.rows('incidents')) {
    const id = String(row['incidentid']).toLowerCase();
    if (wanted.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** Handlers for every call that refuse it: a harness adds the few its loop needs, which must never need the rest. */
export function everyOtherCallRefused(): Handlers {
  return Object.fromEntries(
    callNames.map((name) => [
      name,
      () => {
        throw new NotPossible(`${name} is not part of this harness.`);
      },
    ]),
  ) as unknown as Handlers;
}
