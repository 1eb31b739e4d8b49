/**
 * What an officer is doing, as the contact centre counts it: shown in the status bar, sent to
 * Teams presence and recorded for the team view. The work in hand sets most of it (a call, a
 * visit or an email starting, wrap-up opening, wrap-up saved); the officer chooses the rest, and only
 * when no contact is open. Pure: no clock of its own, no storage, no DOM.
 */
export const AGENT_STATES = ['available', 'on-a-call', 'with-a-visitor', 'wrap-up', 'handling-an-email', 'on-a-break', 'in-training'] as const;
export type AgentState = (typeof AGENT_STATES)[number];

/** What the officer may choose for themselves; everything else comes from the work in hand. */
export const CHOOSABLE_STATES = ['available', 'on-a-break', 'in-training'] as const satisfies readonly AgentState[];
export type ChoosableState = (typeof CHOOSABLE_STATES)[number];

/** The states the work in hand makes: while one holds, the officer cannot choose another. */
const WORK_STATES: ReadonlySet<AgentState> = new Set(['on-a-call', 'with-a-visitor', 'wrap-up', 'handling-an-email']);

export interface AgentStateNow {
  state: AgentState;
  /** When this state began (ISO 8601). */
  since: string;
  /** What the officer last chose: where they go back to when the work in hand is done. */
  chosen: ChoosableState;
}

/** What happened: the work in hand moved on, or the officer chose. */
export type AgentStateEvent =
  | { kind: 'contact-started'; channel: 'phone' | 'face-to-face' | 'email' }
  | { kind: 'wrap-up-opened' }
  | { kind: 'wrap-up-saved' }
  | { kind: 'chosen'; state: ChoosableState };

export type AgentStateStep =
  | { ok: true; changed: false; now: AgentStateNow }
  | { ok: true; changed: true; now: AgentStateNow; previous: AgentState; cause: 'work' | 'chosen' }
  | { ok: false; reason: 'work-in-hand' | 'not-choosable' };

export const isChoosable = (state: AgentState): state is ChoosableState => (CHOOSABLE_STATES as readonly AgentState[]).includes(state);

/** Whether the work in hand decides the state now, so the officer's choice must wait. */
export const workInHand = (state: AgentState): boolean => WORK_STATES.has(state);

/** The state an officer starts a session in: available, unless they choose otherwise. */
export function startingState(at: string, chosen: ChoosableState = 'available'): AgentStateNow {
  return { state: chosen, since: at, chosen };
}

/**
 * The next state after an event at a time. The work in hand always wins: a contact starting
 * makes "on a call" (or "with a visitor", or "handling an email") whatever was chosen, and
 * saving the wrap-up goes back to what the officer chose before it. An email taken is a
 * contact like any other, so it moves the state the one way a call does: it starts, it goes to
 * wrap-up, its wrap-up is saved. A choice is refused while a contact is in hand: nobody is
 * shown as available over a call in progress.
 */
export function nextAgentState(current: AgentStateNow, event: AgentStateEvent, at: string): AgentStateStep {
  const to = (state: AgentState, cause: 'work' | 'chosen', chosen = current.chosen): AgentStateStep =>
    state === current.state && chosen === current.chosen
      ? { ok: true, changed: false, now: current }
      : state === current.state
        ? { ok: true, changed: false, now: { ...current, chosen } }
        : { ok: true, changed: true, now: { state, since: at, chosen }, previous: current.state, cause };
  switch (event.kind) {
    case 'contact-started':
      return to(event.channel === 'phone' ? 'on-a-call' : event.channel === 'email' ? 'handling-an-email' : 'with-a-visitor', 'work');
    case 'wrap-up-opened':
      return to('wrap-up', 'work');
    case 'wrap-up-saved':
      // Only the work that is ending hands back; a stray event after it changes nothing.
      if (!workInHand(current.state)) return { ok: true, changed: false, now: current };
      return to(current.chosen, 'work');
    case 'chosen':
      if (!isChoosable(event.state)) return { ok: false, reason: 'not-choosable' };
      if (workInHand(current.state)) return { ok: false, reason: 'work-in-hand' };
      return to(event.state, 'chosen', event.state);
  }
}

/**
 * The work in hand as the contact in hand shows it: what a contact's status means for the
 * state. Null when no contact is open.
 */
export function stateForContact(contact: { channel: 'phone' | 'face-to-face' | 'email'; status: 'in-progress' | 'wrap-up' | 'done' } | null): AgentState | null {
  if (!contact || contact.status === 'done') return null;
  if (contact.status === 'wrap-up') return 'wrap-up';
  return contact.channel === 'phone' ? 'on-a-call' : contact.channel === 'email' ? 'handling-an-email' : 'with-a-visitor';
}
