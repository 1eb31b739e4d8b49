import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tableNames } from '../../back-office/dataverse/names';
import type { TrainingDataset } from '../generator';
import { makeLoopbackCertificate } from './certificate';
import { createFaults, type FaultControls } from './faults';
import { createRequestHandler } from './handler';
import type { StandInRow } from './rows-people';
import { contactRows, householdRows, systemUserRows } from './rows-people';
import { councilTaxAccountRows, parkingPermitRows, rentAccountRows } from './rows-accounts';
import { activityRows, incidentRows, residentFlagRows } from './rows-casework';
import { createStore } from './store';
import { tableDefinitions } from './tables';

export interface StandInOptions {
  dataset: TrainingDataset;
  /** The most rows in one page whatever a client asks; Dataverse's is 5,000. */
  maxPageSize?: number;
  publisherPrefix?: string;
  now?: () => Date;
}

export interface RecordedRequest {
  method: string;
  target: string;
  prefer: string | null;
}

export interface DataverseStandIn {
  /** The environment's address, as a council would configure dataverseUrl: 'https://127.0.0.1:PORT'. */
  url: string;
  /** The stand-in's certificate (PEM): the only thing a client should trust for it. */
  ca: string;
  close(): Promise<void>;
  faults: FaultControls;
  /** Changes made as if by someone else in the back office, for change tracking to report. */
  mutate: {
    update(entitySet: string, id: string, values: StandInRow): void;
    remove(entitySet: string, id: string): void;
  };
  /** Every request so far, oldest first. */
  requests(): readonly RecordedRequest[];
}

/** Bodies larger than this are refused: the app only ever sends one audit row. */
const LARGEST_BODY = 1024 * 1024;

/**
 * The training back office: the generated borough served as Dataverse rows over https on
 * 127.0.0.1, for the subset of the Web API the live adapter uses. Training mode and the tests
 * run the real adapter against it, so the code path is the live one.
 */
export async function startDataverseStandIn(options: StandInOptions): Promise<DataverseStandIn> {
  const { dataset } = options;
  const names = tableNames(options.publisherPrefix);
  const rows = new Map<string, StandInRow[]>([
    ['contacts', contactRows(dataset, names)],
    [names.custom('households'), householdRows(dataset, names)],
    ['systemusers', systemUserRows(dataset)],
    [names.custom('counciltaxaccounts'), councilTaxAccountRows(dataset, names)],
    [names.custom('rentaccounts'), rentAccountRows(dataset, names)],
    [names.custom('parkingpermits'), parkingPermitRows(dataset, names)],
    ['incidents', incidentRows(dataset, names)],
    [names.custom('residentflags'), residentFlagRows(dataset, names)],
    ...activityRows(dataset, names),
  ]);
  const store = createStore(tableDefinitions(names), rows);
  const faults = createFaults();
  const recorded: RecordedRequest[] = [];
  const certificate = await makeLoopbackCertificate();
  let origin = '';
  const handle = createRequestHandler({
    store,
    origin: () => origin,
    largestPage: Math.min(5000, Math.max(1, options.maxPageSize ?? 5000)),
    nextFault: faults.next,
    now: options.now ?? (() => new Date()),
  });

  const server = https.createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > LARGEST_BODY) request.destroy();
      else chunks.push(chunk);
    });
    request.on('end', () => {
      const header = (name: string) => {
        const value = request.headers[name];
        return Array.isArray(value) ? value.join(', ') : value;
      };
      recorded.push({ method: request.method ?? 'GET', target: request.url ?? '/', prefer: header('prefer') ?? null });
      const answer = handle({
        method: request.method ?? 'GET',
        target: request.url ?? '/',
        headers: { authorization: header('authorization'), prefer: header('prefer') },
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    ca: certificate.cert,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    faults: { failNext: faults.failNext, failAlways: faults.failAlways, clear: faults.clear },
    mutate: { update: store.update, remove: store.remove },
    requests: () => [...recorded],
  };
}
