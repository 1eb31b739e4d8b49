/**
 * `npm run dev:browser` (and Playwright's web server): CivicDesk in a browser, against the
 * same main/core the desktop app runs, in training mode unless CIVICDESK_CONFIG names a file.
 *
 *   --dev            serve the renderer through Vite with hot reload (default for dev:browser)
 *   --port N         port on 127.0.0.1 (default 5199)
 *   --residents N    size of the synthetic borough (default: quick start)
 *   --logs FOLDER    also write the log to rotating files in FOLDER (default: stderr only)
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { configFileCandidates, readDeploymentConfig } from '../core/config/config-file';
import { createCore } from '../core/create-core';
import { createAppLog } from '../core/log';
import { startLoopbackHost } from './host';
import { INTEGRATION_APP_ID, INTEGRATION_APP_OBJECT_ID } from '../core/training/dataverse/security-roles';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    dev: { type: 'boolean', default: false },
    port: { type: 'string', default: '5199' },
    residents: { type: 'string' },
    logs: { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be a whole number from 0 to 65535');
const residents = values.residents === undefined ? undefined : Number(values.residents);

// A fresh secret per run unless the test runner passes one it can give the browser.
const secret = process.env.CIVICDESK_LOOPBACK_SECRET || randomBytes(24).toString('base64url');
// A development and test tool: its log goes to stderr, and to files only when asked (the desktop app always keeps them).
const { log, close: closeLog } = createAppLog({ folder: values.logs ? path.resolve(values.logs) : null });
const config = await readDeploymentConfig(configFileCandidates(process.platform, process.env).filter((file) => process.env.CIVICDESK_CONFIG || existsSync(file)));
const appVersion = (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
// Progress goes to stdout from the first second, a line at most every second (and the last
// one), so a borough-scale start is seen to move; "is ready" comes after them, which the
// e2e web server and the benchmarks wait for.
const started = performance.now();
const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const count = (n: number) => n.toLocaleString('en-GB');
let lastSaid = -Infinity;
const onProgress = (done: number, total: number) => {
  if (done < total && performance.now() - lastSaid < 1000) return;
  lastSaid = performance.now();
  console.log(`Building the training borough: ${count(done)} of ${count(total)} residents (${seconds()})`);
};
if (config.mode === 'training') console.log(`Starting CivicDesk in training mode${residents === undefined ? '' : ` with ${count(residents)} residents`}…`);
// Passed as a variable: createCore hands its training options on to the generator whole, and
// onProgress is one of the generator's own options (training/options.ts).
const training = residents === undefined ? { onProgress } : { residents, onProgress };
const core = createCore({ config, appVersion, log, resourcesDir: path.join(projectRoot, 'resources'), training });
// createCore has set training's back office going (its identity, certificate and tables).
if (config.mode === 'training') console.log(`Starting the training back office (the Dataverse stand-in) (${seconds()})`);
// The back office makes its tables in long synchronous stretches on this thread, when nothing
// here can print; a small thread of its own says every second that it is still at it, straight
// to stdout, until the back office is up.
const stillStarting = config.mode === 'training' ? sayStillStarting(started) : null;

let devMiddleware: Parameters<typeof startLoopbackHost>[0]['devMiddleware'];
let attachDevServer: ((server: Server) => Promise<void>) | undefined;
const staticRoot = path.join(projectRoot, 'out/renderer');
if (values.dev) {
  const { createServer } = await import('vite');
  const { rendererConfig } = await import('../../vite.renderer.config');
  let vite: Awaited<ReturnType<typeof createServer>> | undefined;
  devMiddleware = (request, response, next) => (vite ? vite.middlewares(request, response, next) : next());
  attachDevServer = async (server) => {
    vite = await createServer({ ...rendererConfig, configFile: false, appType: 'spa', server: { middlewareMode: true, hmr: { server } } });
  };
} else if (!existsSync(path.join(staticRoot, 'index.html'))) {
  console.error('The renderer has not been built. Run `npm run build` first, or `npm run dev:browser` for the development server.');
  process.exit(1);
}

// Training's Dataverse stand-in (loaded only in training) builds its tables before the host
// says it is ready, so a page asked for meanwhile never waits on it with nothing said.
await core.trainingStandIn();
await stillStarting?.stop();
if (config.mode === 'training') console.log(`The training back office is up (${seconds()})`);
// What the first page asks for as it opens, read before it can ask (the scripts, the message
// templates). Not waited for: a live tenant's templates come from GOV.UK Notify over the network.
void core.readAhead();
const host = await startLoopbackHost({ core, secret, port, devMiddleware, staticRoot });
await attachDevServer?.(host.server);
// End-to-end tests look inside training mode's Dataverse stand-in, over https like any client,
// to check what reached the back office; they name a file for its address and certificate.
const standInFile = process.env.CIVICDESK_STAND_IN_FILE;
const standIn = standInFile ? await core.trainingStandIn() : null;
const microsoft365 = standInFile ? await core.trainingMicrosoft365() : null;
const notify = standInFile ? await core.trainingNotify() : null;
// The first-start e2e searches while the directory is still arriving: one training officer's
// directory pages come slowly ('20000:stf-032'), nobody else's (tests/e2e/first-start.spec.ts).
const slowDirectory = /^(\d+):(stf-\d{3})$/.exec(process.env.CIVICDESK_TRAINING_SLOW_DIRECTORY ?? '');
if (standIn && slowDirectory) standIn.slowDirectory({ delayMs: Number(slowDirectory[1]), staffId: slowDirectory[2] });
if (standInFile && standIn) {
  const m365 = microsoft365 && { authority: microsoft365.identity.authority, identityCa: microsoft365.identity.ca, graphUrl: microsoft365.graph.url, graphCa: microsoft365.graph.ca, clientId: microsoft365.clientId, escalationChannels: microsoft365.settings.escalationChannels };
  // The tests read Dataverse as the council's integration application would: with an app-only
  // token the training identity signs for the stand-in (an hour: longer than the suite runs).
  const token = microsoft365?.identity.mintAppTokenForTests({ appId: INTEGRATION_APP_ID, objectId: INTEGRATION_APP_OBJECT_ID, resource: standIn.url }) ?? null;
  // GOV.UK Notify's stand-in is read with Notify's own API and the training key, as Notify's client would.
  const notifyKey = notify ? (await import('../core/training/notify/stand-in')).TRAINING_NOTIFY_KEY : null;
  writeFileSync(standInFile, JSON.stringify({ url: standIn.url, ca: standIn.ca, token, microsoft365: m365, notify: notify && { url: notify.url, ca: notify.ca, key: notifyKey } }));
}
console.log(`CivicDesk (${config.mode} mode) is ready after ${seconds()}: ${host.origin}/#secret=${secret}`);
// The stand-in goes on making its casework and contact history while idle; the benchmarks
// wait for this line so that work is not in their figures (tests/bench/browser-host.ts).
void (await core.trainingStandIn())?.allRowsMade.then(() => console.log(`The training back office has made all its rows (${seconds()})`));

const stop = () => void Promise.all([host.close(), core.close()]).then(closeLog).then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

function sayStillStarting(since: number): { stop(): Promise<void> } {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const thread = new Worker(
    `const { writeSync } = require('node:fs');
    const { workerData } = require('node:worker_threads');
    const tick = () => {
      if (Atomics.load(workerData.done, 0) === 1) return;
      writeSync(1, 'Still starting the training back office (' + ((performance.timeOrigin + performance.now() - workerData.since) / 1000).toFixed(1) + ' s)\\n');
      setTimeout(tick, 1000);
    };
    setTimeout(tick, 1000);`,
    { eval: true, workerData: { done, since: performance.timeOrigin + since } },
  );
  thread.unref();
  return {
    async stop() {
      Atomics.store(done, 0, 1);
      await thread.terminate();
    },
  };
}
