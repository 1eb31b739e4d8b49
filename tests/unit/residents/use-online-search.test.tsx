import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiBridge } from '../../../shared/contract/api-bridge';
import type { SearchHit } from '../../../shared/domain/directory';
import { BridgeProvider } from '../../../renderer/bridge/bridge-context';
import { ONLINE_SEARCH_PAUSE_MS, useOnlineHits } from '../../../renderer/residents/use-online-search';
import { testEntry } from '../support/directory-entries';

const entry = (residentId: string, familyName: string) => testEntry({ residentId, familyName });
const hit = (residentId: string, familyName: string): SearchHit => ({ entry: entry(residentId, familyName), score: 1, matched: ['name'] });

/** A bridge whose searchOnline answers when the test says, so answers can come back out of order. */
function fakeBridge() {
  const asked: { text: string; answer: (hits: SearchHit[]) => void; fail: () => void }[] = [];
  const bridge = {
    directory: {
      searchOnline: ({ text }: { text: string; top: number }) =>
        new Promise((resolve) => {
          asked.push({ text, answer: (hits) => resolve({ ok: true, value: { hits } }), fail: () => resolve({ ok: false, error: { kind: 'not-possible', message: 'Offline' } }) });
        }),
    },
  } as unknown as ApiBridge;
  return { bridge, asked };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function render(bridge: ApiBridge, initial: { text: string; active: boolean; local: { hits: SearchHit[]; query: string } }) {
  const wrapper = ({ children }: { children: ReactNode }) => <BridgeProvider bridge={bridge}>{children}</BridgeProvider>;
  return renderHook(({ text, active, local }) => useOnlineHits(local, text, active), { wrapper, initialProps: initial });
}

describe('searching the council’s system while the copy is incomplete', () => {
  it('asks once typing pauses, for the latest text only, and adds what it finds after the local results, marked', async () => {
    const { bridge, asked } = fakeBridge();
    const local = [hit('a', 'Okafor')];
    // Typed a letter at a time.
    const view = render(bridge, { text: 'O', active: true, local: { hits: local, query: 'O' } });
    for (const text of ['Ok', 'Oka', 'Okaf', 'Okafo', 'Okafor']) view.rerender({ text, active: true, local: { hits: local, query: text } });
    await act(() => vi.advanceTimersByTimeAsync(ONLINE_SEARCH_PAUSE_MS - 1));
    expect(asked).toHaveLength(0);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(asked.map((each) => each.text)).toEqual(['Okafor']);
    await act(async () => asked[0]?.answer([hit('a', 'Okafor'), hit('b', 'Okafor')]));
    expect(view.result.current.map((each) => [each.entry.residentId, each.fromCouncilSystem ?? false])).toEqual([
      ['a', false],
      ['b', true],
    ]);
  });

  it('asks at once for a name that arrives whole (pasted, picked or brought by a call), without the typing pause', async () => {
    const { bridge, asked } = fakeBridge();
    const view = render(bridge, { text: 'O', active: true, local: { hits: [], query: 'O' } });
    view.rerender({ text: 'Okafor', active: true, local: { hits: [], query: 'Okafor' } });
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(asked.map((each) => each.text)).toEqual(['Okafor']);
    // Then typed on a letter at a time: the pause again.
    for (const text of ['Okafor ', 'Okafor M', 'Okafor Ma']) view.rerender({ text, active: true, local: { hits: [], query: text } });
    await act(() => vi.advanceTimersByTimeAsync(ONLINE_SEARCH_PAUSE_MS - 1));
    expect(asked).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(asked.map((each) => each.text)).toEqual(['Okafor', 'Okafor Ma']);
  });

  it('never lets an answer for older text replace a newer one, nor show beside local results for other text', async () => {
    const { bridge, asked } = fakeBridge();
    const view = render(bridge, { text: 'Okafor', active: true, local: { hits: [], query: 'Okafor' } });
    await act(() => vi.advanceTimersByTimeAsync(ONLINE_SEARCH_PAUSE_MS));
    view.rerender({ text: 'Okonkwo', active: true, local: { hits: [], query: 'Okonkwo' } });
    await act(() => vi.advanceTimersByTimeAsync(ONLINE_SEARCH_PAUSE_MS));
    expect(asked.map((each) => each.text)).toEqual(['Okafor', 'Okonkwo']);
    await act(async () => asked[1]?.answer([hit('k', 'Okonkwo')]));
    await act(async () => asked[0]?.answer([hit('f', 'Okafor')]));
    expect(view.result.current.map((each) => each.entry.residentId)).toEqual(['k']);
    // The local results move on to new text before the council's system has answered it: nothing stale is added.
    view.rerender({ text: 'Okonkwo S', active: true, local: { hits: [], query: 'Okonkwo S' } });
    expect(view.result.current).toEqual([]);
  });

  it('asks nothing once the copy is complete, or for text with no word of letters alone (a date, a postcode)', async () => {
    const { bridge, asked } = fakeBridge();
    const local = [hit('a', 'Okafor')];
    const view = render(bridge, { text: 'Okafor', active: false, local: { hits: local, query: 'Okafor' } });
    await act(() => vi.advanceTimersByTimeAsync(ONLINE_SEARCH_PAUSE_MS * 2));
    view.rerender({ text: '12/03/1960 SE1', active: true, local: { hits: local, query: '12/03/1960 SE1' } });
    await act(() => vi.advanceTimersByTimeAsync(ONLINE_SEARCH_PAUSE_MS * 2));
    expect(asked).toHaveLength(0);
    expect(view.result.current).toBe(local);
  });

  it('offline or refused, shows the local results alone and says nothing more', async () => {
    const { bridge, asked } = fakeBridge();
    const local = [hit('a', 'Okafor')];
    const view = render(bridge, { text: 'Okafor', active: true, local: { hits: local, query: 'Okafor' } });
    await act(() => vi.advanceTimersByTimeAsync(ONLINE_SEARCH_PAUSE_MS));
    await act(async () => asked[0]?.fail());
    expect(view.result.current).toEqual(local);
  });
});
