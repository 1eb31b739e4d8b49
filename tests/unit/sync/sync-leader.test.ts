import { describe, expect, it } from 'vitest';
import type { CaseSendResult } from '../../../shared/contract/cases';
import { inProcessLock } from '../../../renderer/sync/leader-lock';
import { fakeBackOffice, freshDb, loopFor, submitted, until } from './support';

describe('sync loop: one sender per computer', () => {
  it('two windows sharing the lock never both send; when the leader closes the other takes over', async () => {
    const db = freshDb();
    const lock = inProcessLock();
    let inFlight = 0;
    let most = 0;
    const sentBy: string[] = [];
    const answerAs = (window: string) =>
      fakeBackOffice(async (cases) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        sentBy.push(window);
        await new Promise((resolve) => setTimeout(resolve, 20));
        inFlight -= 1;
        return { ok: true, value: cases.map((each): CaseSendResult => ({ id: each.id, result: 'created', reference: null, etag: null })) };
      });
    const first = loopFor(db, answerAs('first').facade, { limits: { casesPerCall: 1 } }, lock);
    const second = loopFor(db, answerAs('second').facade, { limits: { casesPerCall: 1 } }, lock);
    first.start();
    second.start();
    for (let index = 0; index < 5; index += 1) await submitted(db);
    second.syncNow();
    await until(async () => (await db.outbox.count()) === 0);
    expect(first.state().leader).toBe(true);
    expect(second.state().leader).toBe(false);
    expect(new Set(sentBy)).toEqual(new Set(['first']));

    await first.stop();
    await until(() => second.state().leader);
    const id = await submitted(db);
    await until(async () => (await db.cases.get(id))?.syncState === 'sent');
    expect(sentBy.at(-1)).toBe('second');
    expect(most).toBe(1);
    expect(sentBy).toHaveLength(6);
    await second.stop();
  });

  it('a window that closes before it led just stops waiting', async () => {
    const db = freshDb();
    const lock = inProcessLock();
    const leader = loopFor(db, fakeBackOffice().facade, {}, lock);
    const follower = loopFor(db, fakeBackOffice().facade, {}, lock);
    leader.start();
    follower.start();
    await until(() => leader.state().leader);
    await follower.stop();
    await leader.stop();
    expect(follower.state().leader).toBe(false);
  });

  it('within one window, asking during a send never starts a second send alongside it', async () => {
    const db = freshDb();
    for (let index = 0; index < 4; index += 1) await submitted(db);
    const back = fakeBackOffice(async (cases) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return { ok: true, value: cases.map((each): CaseSendResult => ({ id: each.id, result: 'created', reference: null, etag: null })) };
    });
    const loop = loopFor(db, back.facade, { limits: { casesPerCall: 1 } });
    loop.start();
    for (let index = 0; index < 10; index += 1) {
      loop.syncNow();
      await submitted(db);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await until(async () => (await db.outbox.count()) === 0);
    expect(back.mostInFlight()).toBe(1);
    expect(new Set(back.submits.flat().map((each) => each.id)).size).toBe(14);
    await loop.stop();
  });
});
