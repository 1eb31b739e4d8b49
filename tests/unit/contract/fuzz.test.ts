import type { IpcMainInvokeEvent } from 'electron';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { z } from 'zod';
import { CALL_CHANNEL } from '../../../shared/contract/channels';
import { calls, isCallName, type CallName } from '../../../shared/contract/calls';
import type { Outcome } from '../../../shared/contract/outcome';
import { createEventHub } from '../../../main/core/ipc/event-hub';
import { createRouter, type Handlers } from '../../../main/core/ipc/router';
import { registerIpcTransport } from '../../../main/shell/ipc-transport';
import { startLoopbackHost, type LoopbackHost } from '../../../main/loopback/host';

/*
 * The contract fuzzed: every call, thousands of malformed inputs and names, through the router and
 * both transports. Each must answer with an Outcome, refuse with a known code, never run a handler
 * with input the contract rejects, and leave Object.prototype as it was. A fixed seed so a failure
 * can be replayed; numRuns with a time limit so it stays well under a minute on two busy cores.
 */

const SEED = 14_2026;
const REFUSALS = ['invalid-input', 'unknown-call', 'refused-sender', 'handler-failed', 'not-possible'];
const callNames = Object.keys(calls) as CallName[];
const ONE_MB = 'a'.repeat(1024 * 1024);

/** Handlers that only remember what they were given: no call here may have a side effect. */
function recordingHandlers() {
  const ran: { name: CallName; input: unknown }[] = [];
  const handlers = Object.fromEntries(callNames.map((name) => [name, (input: unknown) => {
    ran.push({ name, input });
    return { fake: name };
  }])) as unknown as Handlers;
  return { ran, handlers };
}

const accepts = (name: unknown, input: unknown): boolean => {
  if (!isCallName(name)) return false;
  try {
    return calls[name].input.safeParse(input).success;
  } catch {
    return false;
  }
};

function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = level % 2 ? [value] : { next: value };
  return value;
}

const edgeStrings = fc.constantFrom('', '\uD800', '\uDC00tail', 'a\uD83D', '\u0000', '\u202Eevil', '\uFEFF', 'e\u0301', '👩🏽‍💻', '𝔘𝔫𝔦', ' '.repeat(300), ONE_MB);
const hostileKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '');
const anyKey = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), hostileKeys);
const anyValue = fc.oneof(
  { weight: 6, arbitrary: fc.anything({ key: anyKey, maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withObjectString: true, withBoxedValues: true, withUnicodeString: true }) },
  { weight: 2, arbitrary: edgeStrings },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER + 2, null, undefined, true, [], {}) },
  { weight: 1, arbitrary: fc.constant(deeplyNested(2000)) },
);

/** An input for one call: anything at all, or the call's own fields with some missing, some wrong and some extra. */
function inputFor(name: CallName) {
  const schema = calls[name].input as z.ZodType;
  const fields = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  const shaped = fc.tuple(fc.subarray(fields), fc.array(fc.oneof(anyKey, fc.constantFrom(...fields, 'extra')), { maxLength: 3 }), fc.array(anyValue, { minLength: 8, maxLength: 8 }))
    .map(([kept, extra, values]) => {
      const input: Record<string, unknown> = {};
      // defineProperty, as JSON.parse does, so a "__proto__" key is an own field, not a prototype swap.
      [...kept, ...extra].forEach((key, index) => Object.defineProperty(input, key, { value: values[index % values.length], enumerable: true, configurable: true, writable: true }));
      return input;
    });
  return fc.oneof({ weight: 3, arbitrary: shaped }, { weight: 2, arbitrary: anyValue });
}

const hostileNames = fc.constantFrom<unknown>({ toString: 1 }, { valueOf: 1, toString: 1 }, { toString: () => { throw new Error('hostile'); } }, Object.create(null), ['session.get'], null, undefined, 0, NaN, true, 10n, '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'SESSION.GET', ' session.get', 'session.get\u0000', ONE_MB);
const anyName = fc.oneof({ weight: 4, arbitrary: fc.constantFrom<unknown>(...callNames) }, { weight: 2, arbitrary: hostileNames }, { weight: 1, arbitrary: fc.string({ unit: 'binary' }) }, { weight: 1, arbitrary: fc.anything() });
const anyCall = anyName.chain((name) => fc.tuple(fc.constant(name), isCallName(name) ? inputFor(name) : anyValue));

const expectOutcome = (outcome: unknown, name: unknown, input: unknown, ran: unknown[]) => {
  expect(outcome).toMatchObject({ ok: expect.any(Boolean) });
  const typed = outcome as Outcome<unknown>;
  if (accepts(name, input)) {
    expect(typed.ok).toBe(true);
    expect(ran).toHaveLength(1);
  } else {
    expect(typed.ok).toBe(false);
    if (!typed.ok) expect(REFUSALS).toContain(typed.error.code);
    expect(ran).toHaveLength(0);
  }
};

let prototypeBefore: string[] = [];
beforeAll(() => {
  prototypeBefore = Reflect.ownKeys(Object.prototype).map(String).sort();
});
afterAll(() => {
  // Nothing sent may have added to, or changed, what every object inherits.
  expect(Reflect.ownKeys(Object.prototype).map(String).sort()).toEqual(prototypeBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('the contract, fuzzed', () => {
  it('the router answers every name and input with an Outcome, and runs a handler only for input the contract accepts', async () => {
    const { ran, handlers } = recordingHandlers();
    const router = createRouter(handlers, { error: () => undefined });
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(anyCall, async ([name, input]) => {
        runs += 1;
        ran.length = 0;
        expectOutcome(await router.dispatch(name, input, { transport: 'ipc' }), name, input, ran);
      }),
      { seed: SEED, numRuns: 4000, interruptAfterTimeLimit: 12_000, markInterruptAsFailure: false },
    );
    console.info(`router fuzz: ${runs} messages`);
    expect(runs).toBeGreaterThan(500);
  }, 60_000);

  it('the desktop transport answers every message with an Outcome and refuses every sender that is not the app window', async () => {
    const { ran, handlers } = recordingHandlers();
    const registered = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
    const ipcMain = { handle: (channel: string, handler: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown) => void registered.set(channel, handler), removeHandler: () => undefined };
    registerIpcTransport(ipcMain, { router: createRouter(handlers, { error: () => undefined }), events: createEventHub() }, () => []);
    const appFrame = { url: 'app://civicdesk/index.html', parent: null };
    const strangeUrl = fc.oneof(fc.webUrl(), fc.string({ unit: 'binary' }), fc.constantFrom('app://civicdesk.evil.example/', 'app://other/', 'file:///etc/passwd', 'about:blank', 'data:text/html,x', 'devtools://devtools/', 'http://127.0.0.1/'))
      .filter((url) => !url.toLowerCase().startsWith('app://civicdesk/'));
    const strangeFrame = fc.oneof(fc.record({ url: strangeUrl, parent: fc.oneof(fc.constant(null), fc.object()) }), fc.record({ url: fc.constant(appFrame.url), parent: fc.object() }), fc.constant(null), fc.constant({ get url(): string { throw new Error('frame gone'); }, parent: null }));
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant('the app window' as const), strangeFrame), anyCall, async (frame, [name, input]) => {
        runs += 1;
        ran.length = 0;
        const outcome = await registered.get(CALL_CHANNEL)?.({ senderFrame: frame === 'the app window' ? appFrame : frame } as unknown as IpcMainInvokeEvent, name, input);
        if (frame === 'the app window') expectOutcome(outcome, name, input, ran);
        else {
          expect(outcome).toMatchObject({ ok: false, error: { code: 'refused-sender' } });
          expect(ran).toHaveLength(0);
        }
      }),
      { seed: SEED, numRuns: 2000, interruptAfterTimeLimit: 8_000, markInterruptAsFailure: false },
    );
    console.info(`desktop transport fuzz: ${runs} messages`);
    expect(runs).toBeGreaterThan(300);
  }, 60_000);

  describe('the browser host bridge', () => {
    const SECRET = 'fuzz-secret-0123456789';
    let host: LoopbackHost;
    const recorded = recordingHandlers();
    beforeAll(async () => {
      host = await startLoopbackHost({ core: { router: createRouter(recorded.handlers, { error: () => undefined }), events: createEventHub() }, secret: SECRET, port: 0, staticRoot: '/nonexistent' });
    });
    afterAll(async () => host.close());

    const connect = (query: string, headers: Record<string, string> = {}) => new Promise<WebSocket | number>((resolve, reject) => {
      const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/bridge${query}`, { headers });
      ws.once('open', () => resolve(ws));
      ws.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      ws.once('error', reject);
    });

    it('refuses a wrong secret or a wrong origin', async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: 'grapheme-ascii', maxLength: 40 }).filter((secret) => secret !== SECRET), async (secret) => {
          expect(await connect(`?secret=${encodeURIComponent(secret)}`)).toBe(401);
        }),
        { seed: SEED, numRuns: 40 },
      );
      expect(await connect(`?secret=${SECRET}`, { Origin: 'https://evil.example' })).toBe(403);
    }, 60_000);

    it('answers every message, well formed or not, with an Outcome, and stays up', async () => {
      const ws = await connect(`?secret=${SECRET}`, { Origin: host.origin });
      if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
      const ask = (text: string) => new Promise<{ id: unknown; outcome: unknown }>((resolve) => {
        ws.once('message', (data) => resolve(JSON.parse(String(data)) as { id: unknown; outcome: unknown }));
        ws.send(text);
      });
      const rawText = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('null', '7', '[]', '"x"', '{', '{"id":1,"call":{"toString":1}}', '{"__proto__":{"polluted":1},"id":2,"call":"session.get","input":{}}', '{"id":3,"call":"session.get","input":{"__proto__":{"polluted":1}}}'));
      let runs = 0;
      let id = 0;
      await fc.assert(
        fc.asyncProperty(fc.oneof({ weight: 4, arbitrary: anyCall.map(([name, input]) => ({ name, input })) }, { weight: 1, arbitrary: rawText }), async (message) => {
          runs += 1;
          recorded.ran.length = 0;
          if (typeof message === 'string') {
            const reply = await ask(message);
            expect(reply.outcome).toMatchObject({ ok: expect.any(Boolean) });
            if (!(reply.outcome as Outcome<unknown>).ok) expect(REFUSALS).toContain((reply.outcome as { error: { code: string } }).error.code);
            return;
          }
          id += 1;
          // What arrives is what JSON carries (no undefined, no functions): judge the call by that.
          const text = JSON.stringify({ id, call: message.name, input: message.input }, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value));
          const sent = JSON.parse(text) as { call?: unknown; input?: unknown };
          const reply = await ask(text);
          expect(reply.id).toBe(id);
          expectOutcome(reply.outcome, sent.call, sent.input, recorded.ran);
        }),
        { seed: SEED, numRuns: 800, interruptAfterTimeLimit: 10_000, markInterruptAsFailure: false },
      );
      console.info(`bridge fuzz: ${runs} messages`);
      expect(runs).toBeGreaterThan(100);
      expect(await ask(JSON.stringify({ id: -1, call: 'session.get', input: {} }))).toMatchObject({ id: -1, outcome: { ok: true } });
      ws.close();
    }, 60_000);
  });
});
