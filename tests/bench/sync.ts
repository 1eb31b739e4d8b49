/**
 * npm run bench:sync — drains an outbox of 10,000 cases (SYNC_BENCH_CASES) with the real sync
 * loop through the real main/core case path (router, case service, Dataverse adapter over
 * https) into the training stand-in with Dataverse's service protection limits on.
 *
 * Dataverse counts a $batch as one request but meters the execution time of everything in it,
 * so for a client that batches, the limit that binds is 1,200,000 ms of execution per 300 s.
 * The stand-in's writes take microseconds, so it charges each operation a modelled cost
 * (SYNC_BENCH_MS_PER_OPERATION, default 10 ms, a plain create's order of magnitude). All the
 * limits are scaled together to a shorter window (SYNC_BENCH_WINDOW_MS, default 10 s) so the
 * run covers several windows in a minute or so. The most the limits allow is then
 * maxExecutionMs per window; `sync.limit_ratio` is the execution time achieved per second over
 * that allowance. The first window starts empty, so a short run can exceed 1 by up to one
 * window's allowance spread over the run; the note on stderr says by how much.
 * One JSON line per metric on stdout; notes on stderr.
 */
import 'fake-indexeddb/auto';
import { DATAVERSE_LIMITS, type ServiceProtectionLimits } from '../../main/core/training/dataverse/service-protection';
import type { OutboxItem, SubmittedCase } from '../../shared/domain/case-sync';
import { CaseDatabase } from '../../renderer/storage/case-database';
import { contentOf } from '../../renderer/sync/case-store';
import { inProcessLock } from '../../renderer/sync/leader-lock';
import { createSyncLoop } from '../../renderer/sync/sync-loop';
import { realTimers } from '../../renderer/sync/timers';
import { incidentCounts, startCore } from '../unit/sync/core-harness';
import { draft } from '../unit/sync/support';

const CASES = Number(process.env['SYNC_BENCH_CASES'] ?? 10_000);
const WINDOW_MS = Number(process.env['SYNC_BENCH_WINDOW_MS'] ?? 10_000);
const MS_PER_OPERATION = Number(process.env['SYNC_BENCH_MS_PER_OPERATION'] ?? 10);
const GIVE_UP_MS = Number(process.env['SYNC_BENCH_GIVE_UP_MS'] ?? 15 * 60_000);

const scale = WINDOW_MS / DATAVERSE_LIMITS.windowMs;
const limits: ServiceProtectionLimits = {
  windowMs: WINDOW_MS,
  maxRequests: Math.max(1, Math.round(DATAVERSE_LIMITS.maxRequests * scale)),
  maxExecutionMs: Math.round(DATAVERSE_LIMITS.maxExecutionMs * scale),
  maxConcurrent: DATAVERSE_LIMITS.maxConcurrent,
};

const note = (message: string) => process.stderr.write(`${message}\n`);
// One JSON line per figure on stdout, exactly {"metric","value"}; what explains it goes to stderr.
const metric = (name: string, value: number, extra: Record<string, unknown> = {}) => {
  console.log(JSON.stringify({ metric: name, value }));
  if (Object.keys(extra).length > 0) note(`  ${name}: ${JSON.stringify(extra)}`);
};

async function fill(db: CaseDatabase, contactIds: string[]): Promise<string[]> {
  const ids: string[] = [];
  const at = new Date().toISOString();
  for (let start = 0; start < CASES; start += 1000) {
    const cases: SubmittedCase[] = [];
    const items: OutboxItem[] = [];
    for (let index = start; index < Math.min(CASES, start + 1000); index += 1) {
      const resident = index % 2 === 0 ? { residentId: contactIds[index % contactIds.length] ?? null } : { residentId: null, anonymous: true };
      const made = draft({ ...resident, summary: `Bench case ${index}` });
      ids.push(made.id);
      cases.push({ id: made.id, content: contentOf(made), submittedAt: at, submittedBy: 'staff-bench', syncState: 'waiting', etag: null, reference: null, sentAt: null, problem: null, theirs: null, theirEtag: null });
      items.push({ id: made.id, operation: 'create', queuedAt: new Date(Date.parse(at) + index).toISOString(), attempts: 0, notBefore: null, held: false, lastError: null });
    }
    await db.transaction('rw', [db.cases, db.outbox], async () => {
      await db.cases.bulkPut(cases);
      await db.outbox.bulkPut(items);
    });
  }
  return ids;
}

async function main() {
  note(`sync bench: ${CASES} cases; Dataverse's limits scaled to a ${WINDOW_MS / 1000} s window (Dataverse: 300 s): ${limits.maxRequests} requests, ${limits.maxExecutionMs} ms execution, ${limits.maxConcurrent} at once; ${MS_PER_OPERATION} ms modelled per operation`);
  const core = await startCore({ limits, modelledMsPerOperation: MS_PER_OPERATION });
  // Sealed as the app runs it: every row AES-GCM under an officer's key.
  const db = new CaseDatabase(`sync-bench-${process.pid}`, await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));
  const incidentsBefore = core.standIn.rows('incidents').length;
  const ids = await fill(db, core.contactIds);
  const before = core.standIn.counters();

  const loop = createSyncLoop({ db, backOffice: core.backOffice, requestLock: inProcessLock(), now: Date.now, random: Math.random, timers: realTimers });
  const started = performance.now();
  loop.start();
  let last = 0;
  // After the first window the budget no longer starts empty: the ratio from then on is the steady one.
  let afterFirstWindow: { at: number; executionMs: number } | null = null;
  for (;;) {
    const waiting = await db.outbox.filter((item) => !item.held).count();
    if (waiting === 0 || performance.now() - started > GIVE_UP_MS) break;
    if (!afterFirstWindow && performance.now() - started >= WINDOW_MS) afterFirstWindow = { at: performance.now(), executionMs: core.standIn.counters().executionMs };
    if (performance.now() - last > 10_000) {
      last = performance.now();
      note(`  ${Math.round((performance.now() - started) / 1000)} s: ${waiting} waiting, stand-in ${JSON.stringify(core.standIn.counters())}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const seconds = (performance.now() - started) / 1000;
  note(`  drained in ${Math.round(seconds)} s; stopping the loop`);
  await loop.stop();
  const after = core.standIn.counters();
  note('  counting rows in the stand-in');

  const counts = incidentCounts(core.standIn, ids);
  let duplicates = 0;
  let missing = 0;
  for (const count of counts.values()) {
    if (count > 1) duplicates += count - 1;
    if (count === 0) missing += 1;
  }
  const extraRows = Math.max(0, core.standIn.rows('incidents').length - incidentsBefore - CASES);
  note('  counting cases on this computer');
  // Whole-table reads: fake-indexeddb walks a notEqual() index range very slowly.
  const notSent = (await db.cases.toArray()).filter((each) => each.syncState !== 'sent').length;
  const held = (await db.outbox.toArray()).filter((item) => item.held).length;
  const sent = CASES - notSent;

  const executionMs = after.executionMs - before.executionMs;
  const allowedMsPerSecond = limits.maxExecutionMs / (limits.windowMs / 1000);
  const ratio = executionMs / seconds / allowedMsPerSecond;
  const steady = afterFirstWindow ? (after.executionMs - afterFirstWindow.executionMs) / ((performance.now() - afterFirstWindow.at) / 1000) / allowedMsPerSecond : null;
  note(`  execution charged ${Math.round(executionMs)} ms over ${seconds.toFixed(1)} s; allowed ${allowedMsPerSecond} ms/s; the empty first window could add up to ${((limits.maxExecutionMs / (seconds * allowedMsPerSecond)) * 100).toFixed(0)}% to the ratio`);
  metric('sync.cases_per_s', Math.round((sent / seconds) * 10) / 10, { cases: CASES, seconds: Math.round(seconds * 10) / 10, windowMs: WINDOW_MS, compressedFromMs: DATAVERSE_LIMITS.windowMs });
  metric('sync.http_429', after.throttled - before.throttled, { received: after.received - before.received, faulted: after.faulted - before.faulted, acceptedRequests: after.accepted - before.accepted });
  metric('sync.limit_ratio', Math.round(ratio * 1000) / 1000, { executionMs: Math.round(executionMs), allowedMsPerSecond, msPerOperation: MS_PER_OPERATION, afterFirstWindow: steady === null ? null : Math.round(steady * 1000) / 1000 });
  metric('sync.duplicates', Math.max(duplicates, extraRows));
  metric('sync.lost', Math.max(missing, notSent), { notInStandIn: missing, notMarkedSent: notSent, heldForAttention: held });
  db.close();
  await core.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
