import { describe, expect, it } from 'vitest';
import { callScriptSchema, type CallScriptSource } from '../../../shared/call-scripts/schema';
import { answersOf, canGoBack, currentStep, goBack, progress, restartRun, sayText, startRun, submitAnswer, type RunState, type ScriptContext } from '../../../shared/call-scripts/engine';

/** A small repair script exercising every kind of step. */
const source: CallScriptSource = {
  id: 'test-repair',
  version: 3,
  title: 'Test repair',
  service: 'housing-repairs',
  triggers: ['repair'],
  serviceStandard: 'housing-repair-routine',
  start: 'greet',
  steps: [
    { id: 'greet', type: 'say', say: 'Hello {resident.firstName|there}, I am {agent.name}.', next: 'problem' },
    { id: 'problem', type: 'ask', say: 'What is wrong?', field: 'problem', input: { kind: 'choice', options: [{ value: 'heating', label: 'No heating' }, { value: 'tap', label: 'Dripping tap' }] }, next: 'triage' },
    {
      id: 'triage',
      type: 'check',
      rules: [
        { when: { all: [{ answer: 'problem', equals: 'heating' }, { resident: 'vulnerable', equals: true }] }, goto: 'emergency' },
        { when: { answer: 'problem', equals: 'heating' }, goto: 'rooms' },
      ],
      otherwise: 'rooms',
    },
    { id: 'rooms', type: 'ask', say: 'How many rooms are affected?', field: 'rooms', input: { kind: 'number', min: 1, max: 20 }, next: 'size' },
    { id: 'size', type: 'check', rules: [{ when: { answer: 'rooms', atLeast: 3 }, goto: 'urgent' }], otherwise: 'routine' },
    { id: 'emergency', type: 'outcome', outcome: { kind: 'emergency', reason: 'No heating for a vulnerable resident', steps: ['Stay on the line', 'Call the out-of-hours team'] } },
    { id: 'urgent', type: 'outcome', say: 'We will fix the {answers.problem} in {answers.rooms} rooms by {case.dueDate}.', outcome: { kind: 'create-case', category: 'housing-repair', priority: 'urgent', serviceStandard: 'housing-repair-urgent', summary: '{answers.problem}', fields: ['problem', 'rooms'] } },
    { id: 'routine', type: 'outcome', outcome: { kind: 'create-case', category: 'housing-repair', priority: 'routine', serviceStandard: 'housing-repair-routine', summary: '{answers.problem}', fields: ['problem'] } },
  ],
};
const script = callScriptSchema.parse(source);

const context = (resident: ScriptContext['resident'] = null): ScriptContext => ({
  resident,
  agentName: 'Sam',
  today: '2026-11-26',
  standard: (id) => ({ name: id, dueDate: id === 'housing-repair-urgent' ? '2026-12-01' : '2026-12-24' }),
  identityChecked: false,
});

function run(answers: unknown[], ctx = context()): RunState {
  let state = startRun(script, ctx);
  for (const answer of answers) {
    const result = submitAnswer(script, state, answer, ctx);
    if (!result.ok) throw new Error(result.message);
    state = result.state;
  }
  return state;
}

describe('the call-script engine', () => {
  it('starts at the first step and fills in variables, with fallbacks for an unknown caller', () => {
    expect(sayText(script, startRun(script, context()), context())).toBe('Hello there, I am Sam.');
    const known = context({ firstName: 'Ama' });
    expect(sayText(script, startRun(script, known), known)).toBe('Hello Ama, I am Sam.');
  });

  it('branches on answers', () => {
    expect(run([undefined, 'tap', 5]).at).toBe('urgent');
    expect(run([undefined, 'tap', 1]).at).toBe('routine');
  });

  it("branches on the resident's record", () => {
    expect(run([undefined, 'heating'], context({ vulnerable: true })).at).toBe('emergency');
    expect(run([undefined, 'heating'], context({ vulnerable: false })).at).toBe('rooms');
    // No resident open: the rule cannot hold, so the next rule decides.
    expect(run([undefined, 'heating'], context(null)).at).toBe('rooms');
  });

  it('interpolates answers and the due date into the outcome', () => {
    const state = run([undefined, 'heating', 4]);
    expect(currentStep(script, state).type).toBe('outcome');
    expect(sayText(script, state, context())).toBe('We will fix the No heating in 4 rooms by Tuesday 1 December 2026.');
  });

  it('refuses a wrong answer with a message and stays on the question', () => {
    const state = run([undefined]);
    for (const [answer, message] of [
      ['boiler', /Choose one of the options/],
      [undefined, /needs an answer/],
    ] as const) {
      const result = submitAnswer(script, state, answer, context());
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(message);
    }
    const atRooms = run([undefined, 'tap']);
    for (const [answer, message] of [
      ['three', /Enter a number/],
      [2.5, /whole number/],
      [0, /1 or more/],
      [21, /20 or less/],
    ] as const) {
      const result = submitAnswer(script, atRooms, answer, context());
      expect(result.ok ? 'accepted' : result.message).toMatch(message);
    }
  });

  it('goes back one step at a time, forgetting the answer, and restarts', () => {
    const finished = run([undefined, 'tap', 5]);
    const back = goBack(finished);
    expect(back.at).toBe('rooms');
    expect(back.path.map((entry) => entry.stepId)).toEqual(['greet', 'problem']);
    const changed = submitAnswer(script, back, 2, context());
    expect(changed.ok && changed.state.at).toBe('routine');
    expect(goBack(goBack(goBack(back))).at).toBe('greet');
    expect(restartRun(script, context())).toEqual(startRun(script, context()));
  });

  it('will not take answers once finished', () => {
    const result = submitAnswer(script, run([undefined, 'tap', 1]), 'x', context());
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/finished/) });
  });

  it('shows progress along the way the script usually goes, not its shortest way out', () => {
    // Greet, problem, rooms: the emergency is one branch of many, not the length of the call.
    expect(progress(script, startRun(script, context()), context())).toEqual({ done: 0, remaining: 3 });
    expect(progress(script, run([undefined, 'tap']), context())).toEqual({ done: 2, remaining: 1 });
    expect(progress(script, run([undefined, 'tap', 1]), context())).toEqual({ done: 3, remaining: 0 });
  });

  it('uses ifUnknown only for facts about the resident, not for questions skipped', () => {
    const branching = callScriptSchema.parse({
      ...source,
      start: 'age',
      steps: [
        { id: 'age', type: 'ask', say: 'Age?', field: 'age', input: { kind: 'number' }, optional: true, next: 'route' },
        {
          id: 'route',
          type: 'check',
          rules: [
            { when: { answer: 'age', atLeast: 70 }, goto: 'older' },
            { when: { resident: 'vulnerable', equals: true }, goto: 'older' },
          ],
          ifUnknown: 'ask-vulnerable',
          otherwise: 'younger',
        },
        { id: 'ask-vulnerable', type: 'say', say: 'Ask about vulnerability.', next: 'younger' },
        { id: 'older', type: 'outcome', outcome: { kind: 'resolved', whatWasDone: 'Older' } },
        { id: 'younger', type: 'outcome', outcome: { kind: 'resolved', whatWasDone: 'Younger' } },
      ],
    });
    const skipAge = (resident: ScriptContext['resident']) => {
      const result = submitAnswer(branching, startRun(branching, context(resident)), '', context(resident));
      return result.ok ? result.state.at : result.message;
    };
    // Age skipped and the resident's record says not vulnerable: no need to ask.
    expect(skipAge({ vulnerable: false })).toBe('younger');
    // No resident open: the vulnerability rule cannot be decided, so ask.
    expect(skipAge(null)).toBe('ask-vulnerable');
  });
});

describe('what the contact already knows, and the script’s own rules', () => {
  const guarded = callScriptSchema.parse({
    id: 'test-account',
    version: 1,
    title: 'Test account',
    service: 'council-tax',
    triggers: ['account'],
    serviceStandard: 'council-tax-enquiry',
    start: 'reason',
    steps: [
      { id: 'reason', type: 'ask', say: 'What is it about?', field: 'reason', input: { kind: 'choice', options: [{ value: 'bill', label: 'The bill' }, { value: 'move', label: 'Moving' }] }, next: 'dpa' },
      { id: 'dpa', type: 'ask', say: 'Can I take your name and date of birth?', field: 'dpaPassed', input: { kind: 'yes-no' }, identityCheck: true, next: 'route' },
      { id: 'route', type: 'check', rules: [{ when: { answer: 'dpaPassed', equals: false }, goto: 'refused' }], otherwise: 'when' },
      { id: 'when', type: 'ask', say: 'When did it happen?', field: 'happenedOn', input: { kind: 'date', notFuture: true, withinStandard: 'missed-bin' }, next: 'done' },
      { id: 'refused', type: 'outcome', outcome: { kind: 'resolved', whatWasDone: 'General information only.' } },
      { id: 'done', type: 'outcome', outcome: { kind: 'resolved', whatWasDone: 'Answered.' } },
    ],
  });
  // Due two days after the day given, as a two-working-day standard would be mid-week.
  const ctx = (identityChecked: boolean): ScriptContext => ({
    ...context(),
    today: '2026-12-04',
    identityChecked,
    standard: (id, from = '2026-12-04') => ({ name: 'Missed bin collection', dueDate: new Date(Date.parse(`${from}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10) }),
  });

  it('skips its own identity question when the contact’s check has passed, and asks it when not', () => {
    const checked = submitAnswer(guarded, startRun(guarded, ctx(true)), 'bill', ctx(true));
    expect(checked.ok && checked.state.at).toBe('when');
    expect(checked.ok && answersOf(guarded, checked.state).dpaPassed).toBe(true);
    expect(checked.ok && progress(guarded, checked.state, ctx(true))).toEqual({ done: 1, remaining: 1 });
    const unchecked = submitAnswer(guarded, startRun(guarded, ctx(false)), 'bill', ctx(false));
    expect(unchecked.ok && unchecked.state.at).toBe('dpa');
    // Back from the date goes to the agent's own last answer, never to the question CivicDesk answered.
    const back = checked.ok ? goBack(checked.state) : startRun(guarded, ctx(true));
    expect(back.at).toBe('reason');
    expect(canGoBack(back)).toBe(false);
  });

  it('takes dates as the caller says them, day first', () => {
    const at = submitAnswer(guarded, startRun(guarded, ctx(true)), 'bill', ctx(true));
    if (!at.ok) throw new Error('no');
    const said = submitAnswer(guarded, at.state, '3/12', ctx(true));
    expect(said.ok && answersOf(guarded, said.state).happenedOn).toBe('2026-12-03');
    expect(submitAnswer(guarded, at.state, '12/3/2027', ctx(true))).toMatchObject({ ok: false, message: expect.stringMatching(/in the future/) });
    expect(submitAnswer(guarded, at.state, 'soon', ctx(true))).toMatchObject({ ok: false, message: expect.stringMatching(/day first/) });
  });

  it('flags a date outside the standard’s window, and takes it only when the agent goes on anyway', () => {
    const at = submitAnswer(guarded, startRun(guarded, ctx(true)), 'bill', ctx(true));
    if (!at.ok) throw new Error('no');
    const late = submitAnswer(guarded, at.state, '24/11/2026', ctx(true));
    expect(late).toMatchObject({ ok: false, message: expect.stringMatching(/outside the Missed bin collection window: it had to be reported by Thursday 26 November 2026/) });
    const anyway = submitAnswer(guarded, at.state, '24/11/2026', ctx(true), { goOnAnyway: true });
    expect(anyway.ok && anyway.state.path.at(-1)).toEqual({ stepId: 'when', answer: '2026-11-24', flag: 'Reported after the Missed bin collection window, which ended on Thursday 26 November 2026.' });
    // In the window: no flag.
    const inTime = submitAnswer(guarded, at.state, 'yesterday', ctx(true));
    expect(inTime.ok && inTime.state.path.at(-1)).toEqual({ stepId: 'when', answer: '2026-12-03' });
  });
});

