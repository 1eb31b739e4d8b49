/**
 * npm run bench:sync — drains an outbox of 10,000 cases (SYNC_BENCH_CASES) with the real sync
 * loop through the real main/core case path (router, case service, Dataverse adapter over
 * https) into the training stand-in with its service protection limits on. The limits' 300 s
 * window is compressed (SYNC_BENCH_WINDOW_MS, default 10 s) and the request limit set low
 * (SYNC_BENCH_MAX_REQUESTS, default 8 per window) so the limits really bind within a
 * minute or two. One JSON line per metric on stdout; notes on stderr.
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
const MAX_REQUESTS = Number(process.env['SYNC_BENCH_MAX_REQUESTS'] ?? 8);
const GIVE_UP_MS = Number(process.env['SYNC_BENCH_GIVE_UP_MS'] ?? 15 * 60_000);

const scale = WINDOW_MS / DATAVERSE_LIMITS.windowMs;
const limits: ServiceProtectionLimits = {
  windowMs: WINDOW_MS,
  maxRequests: MAX_REQUESTS,
  // Execution time scales with the window, as if the same service ran faster.
  maxExecutionMs: Math.round(DATAVERSE_LIMITS.maxExecutionMs * scale),
  maxConcurrent: DATAVERSE_LIMITS.maxConcurrent,
};

const note = (message: string) => process.stderr.write(`${message}\n`);
const metric = (name: string, value: number, extra: Record<string, unknown> = {}) => console.log(JSON.stringify({ metric: name, value, ...extra }));

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
  note(`sync bench: ${CASES} cases; service protection limits compressed to a ${WINDOW_MS / 1000} s window (Dataverse: 300 s): ${limits.maxRequests} requests, ${limits.maxExecutionMs} ms execution, ${limits.maxConcurrent} at once`);
  const core = await startCore({ limits });
  const db = new CaseDatabase(`sync-bench-${process.pid}`);
  const incidentsBefore = core.standIn.rows('incidents').length;
  const ids = await fill(db, core.contactIds);
  const before = core.standIn.counters();

  const loop = createSyncLoop({ db, backOffice: core.backOffice, requestLock: inProcessLock(), now: Date.now, random: Math.random, timers: realTimers });
  const started = performance.now();
  loop.start();
  let last = 0;
  for (;;) {
    const waiting = await db.outbox.filter((item) => !item.held).count();
    if (waiting === 0 || performance.now() - started > GIVE_UP_MS) break;
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

  const accepted = after.accepted - before.accepted;
  const allowedPerSecond = limits.maxRequests / (limits.windowMs / 1000);
  metric('sync.cases_per_s', Math.round((sent / seconds) * 10) / 10, { cases: CASES, seconds: Math.round(seconds * 10) / 10, windowMs: WINDOW_MS, compressedFromMs: DATAVERSE_LIMITS.windowMs });
  metric('sync.http_429', after.throttled - before.throttled, { received: after.received - before.received, faulted: after.faulted - before.faulted });
  metric('sync.limit_ratio', Math.round((accepted / seconds / allowedPerSecond) * 1000) / 1000, { acceptedRequests: accepted, allowedPerSecond });
  metric('sync.duplicates', Math.max(duplicates, extraRows));
  metric('sync.lost', Math.max(missing, notSent), { notInStandIn: missing, notMarkedSent: notSent, heldForAttention: held });
  db.close();
  await core.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
