import { describe, expect, it } from 'vitest';
import { callNames } from '../../../shared/contract/calls';
import { createConsoleLog } from '../../../main/core/log';
import { createRouter, type Handlers } from '../../../main/core/ipc/router';

/**
 * A handler that fails is logged by the router. What it threw can quote anything it was
 * working on, and a name cannot be recognised by its shape: so the line must say what kind of
 * fault it was and where, never the error's words.
 */
describe('a failing call in the log', () => {
  it('names the call and where it failed, without the words of the error', async () => {
    const lines: string[] = [];
    const handlers = Object.fromEntries(
      callNames.map((name) => [
        name,
        () => {
          throw new Error('Could not file the case for Chloé Girard of Flat C, 111 Walworth Road');
        },
      ]),
    ) as unknown as Handlers;
    const router = createRouter(handlers, createConsoleLog((line) => lines.push(line)));

    expect(await router.dispatch('training.summary', {}, { transport: 'ipc' })).toMatchObject({ ok: false, error: { code: 'handler-failed' } });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] as string) as { message: string; details: { call: string; error: { error: string; frames: string[] } } };
    expect(line).toMatchObject({ level: 'error', message: 'call failed', details: { call: 'training.summary', transport: 'ipc', error: { error: 'Error' } } });
    expect(line.details.error.frames[0]).toMatch(/^at .*router-log\.test\.ts/);
    expect(lines[0]).not.toMatch(/Chlo|Girard|Walworth/);
  });
});
