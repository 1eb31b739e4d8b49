import { describe, expect, it } from 'vitest';
import { nextAgentState, startingState, stateForContact, type AgentStateEvent, type AgentStateNow } from '../../../shared/domain/agent-state';

const T0 = '2026-12-04T09:00:00.000Z';
const at = (minute: number) => new Date(Date.parse(T0) + minute * 60_000).toISOString();

/** Runs events in order, one minute apart, and gives each step's state (or refusal). */
function run(events: AgentStateEvent[], from: AgentStateNow = startingState(T0)) {
  let now = from;
  return events.map((event, index) => {
    const step = nextAgentState(now, event, at(index + 1));
    if (!step.ok) return step.reason;
    now = step.now;
    return now.state;
  });
}

describe('the officer’s state', () => {
  it('starts available', () => {
    expect(startingState(T0)).toEqual({ state: 'available', since: T0, chosen: 'available' });
  });

  it('follows a call through wrap-up and back to available', () => {
    expect(run([{ kind: 'contact-started', channel: 'phone' }, { kind: 'wrap-up-opened' }, { kind: 'wrap-up-saved' }])).toEqual(['on-a-call', 'wrap-up', 'available']);
  });

  it('shows a service-point visit as with a visitor', () => {
    expect(run([{ kind: 'contact-started', channel: 'face-to-face' }, { kind: 'wrap-up-opened' }, { kind: 'wrap-up-saved' }])).toEqual(['with-a-visitor', 'wrap-up', 'available']);
  });

  it('goes back after wrap-up to what the officer chose before the call', () => {
    expect(run([{ kind: 'chosen', state: 'in-training' }, { kind: 'contact-started', channel: 'phone' }, { kind: 'wrap-up-opened' }, { kind: 'wrap-up-saved' }])).toEqual([
      'in-training',
      'on-a-call',
      'wrap-up',
      'in-training',
    ]);
  });

  it('lets the officer choose available, a break or training when no contact is open', () => {
    expect(run([{ kind: 'chosen', state: 'on-a-break' }, { kind: 'chosen', state: 'in-training' }, { kind: 'chosen', state: 'available' }])).toEqual(['on-a-break', 'in-training', 'available']);
  });

  it('refuses a choice over a call, a visit, a wrap-up or an email in hand', () => {
    expect(run([{ kind: 'contact-started', channel: 'phone' }, { kind: 'chosen', state: 'available' }])).toEqual(['on-a-call', 'work-in-hand']);
    expect(run([{ kind: 'contact-started', channel: 'face-to-face' }, { kind: 'chosen', state: 'on-a-break' }])).toEqual(['with-a-visitor', 'work-in-hand']);
    expect(run([{ kind: 'contact-started', channel: 'phone' }, { kind: 'wrap-up-opened' }, { kind: 'chosen', state: 'available' }])).toEqual(['on-a-call', 'wrap-up', 'work-in-hand']);
    expect(run([{ kind: 'contact-started', channel: 'email' }, { kind: 'chosen', state: 'available' }])).toEqual(['handling-an-email', 'work-in-hand']);
  });

  it('refuses what is not the officer’s to choose', () => {
    expect(nextAgentState(startingState(T0), { kind: 'chosen', state: 'on-a-call' as never }, at(1))).toEqual({ ok: false, reason: 'not-choosable' });
  });

  it('an email taken on a break goes back to the break once its wrap-up is saved', () => {
    expect(run([{ kind: 'chosen', state: 'on-a-break' }, { kind: 'contact-started', channel: 'email' }, { kind: 'wrap-up-opened' }, { kind: 'wrap-up-saved' }])).toEqual(['on-a-break', 'handling-an-email', 'wrap-up', 'on-a-break']);
  });

  it('a call that comes in while on a break still shows as on a call', () => {
    expect(run([{ kind: 'chosen', state: 'on-a-break' }, { kind: 'contact-started', channel: 'phone' }])).toEqual(['on-a-break', 'on-a-call']);
  });

  it('says what changed, from what, why and since when; a repeat changes nothing', () => {
    const first = nextAgentState(startingState(T0), { kind: 'chosen', state: 'on-a-break' }, at(1));
    expect(first).toEqual({ ok: true, changed: true, now: { state: 'on-a-break', since: at(1), chosen: 'on-a-break' }, previous: 'available', cause: 'chosen' });
    if (!first.ok) throw new Error('refused');
    expect(nextAgentState(first.now, { kind: 'chosen', state: 'on-a-break' }, at(2))).toEqual({ ok: true, changed: false, now: first.now });
    const call = nextAgentState(first.now, { kind: 'contact-started', channel: 'phone' }, at(3));
    expect(call).toMatchObject({ changed: true, previous: 'on-a-break', cause: 'work', now: { state: 'on-a-call', since: at(3) } });
  });

  it('a stray wrap-up-saved with nothing in hand changes nothing', () => {
    const now = startingState(T0, 'in-training');
    expect(nextAgentState(now, { kind: 'wrap-up-saved' }, at(1))).toEqual({ ok: true, changed: false, now });
  });

  it('an email taken is handling an email; its wrap-up saved hands back to what was chosen', () => {
    const taken = nextAgentState(startingState(at(0)), { kind: 'contact-started', channel: 'email' }, at(1));
    expect(taken).toMatchObject({ ok: true, changed: true, now: { state: 'handling-an-email' } });
    if (!taken.ok) return;
    const wrapping = nextAgentState(taken.now, { kind: 'wrap-up-opened' }, at(2));
    expect(wrapping).toMatchObject({ ok: true, now: { state: 'wrap-up' } });
    if (!wrapping.ok) return;
    expect(nextAgentState(wrapping.now, { kind: 'wrap-up-saved' }, at(3))).toMatchObject({ ok: true, now: { state: 'available' } });
  });

  it('reads the work in hand from the contact', () => {
    expect(stateForContact(null)).toBeNull();
    expect(stateForContact({ channel: 'phone', status: 'in-progress' })).toBe('on-a-call');
    expect(stateForContact({ channel: 'face-to-face', status: 'in-progress' })).toBe('with-a-visitor');
    expect(stateForContact({ channel: 'email', status: 'in-progress' })).toBe('handling-an-email');
    expect(stateForContact({ channel: 'email', status: 'wrap-up' })).toBe('wrap-up');
    expect(stateForContact({ channel: 'phone', status: 'wrap-up' })).toBe('wrap-up');
    expect(stateForContact({ channel: 'phone', status: 'done' })).toBeNull();
  });
});
