import { describe, expect, it } from 'vitest';
import { checkScript } from '../../../shared/call-scripts/check';
import type { CallScriptSource } from '../../../shared/call-scripts/schema';

const rules = { standards: new Set(['missed-bin']), categories: new Set(['missed-bin']) };

const base = (steps: CallScriptSource['steps'], extra: Partial<CallScriptSource> = {}): CallScriptSource => ({
  id: 'test',
  version: 1,
  title: 'Test',
  service: 'waste',
  triggers: ['test'],
  serviceStandard: 'missed-bin',
  start: 'a',
  steps,
  ...extra,
});
const done = { id: 'done', type: 'outcome', outcome: { kind: 'resolved', whatWasDone: 'Helped.' } } as const;
const messages = (source: unknown) => {
  const result = checkScript('test', source, rules);
  return result.ok ? [] : result.problems.map((problem) => `${problem.step ?? '-'}: ${problem.message}`);
};

describe('the script checker', () => {
  it('accepts a sound script', () => {
    expect(messages(base([{ id: 'a', type: 'say', say: 'Hi', next: 'done' }, done]))).toEqual([]);
  });

  it('reports schema problems with where they are', () => {
    expect(messages({ id: 'Bad Id' })[0]).toMatch(/^-: id:/);
  });

  it('finds links to missing steps, unreachable steps and loops', () => {
    expect(messages(base([{ id: 'a', type: 'say', say: 'Hi', next: 'nowhere' }, done]))).toContain('a: Goes to "nowhere", which is not a step.');
    expect(messages(base([{ id: 'a', type: 'say', say: 'Hi', next: 'done' }, { id: 'lost', type: 'say', say: 'x', next: 'done' }, done]))).toContain('lost: No path from the start reaches this step.');
    const loop = messages(base([{ id: 'a', type: 'say', say: 'Hi', next: 'b' }, { id: 'b', type: 'check', rules: [{ when: { answer: 'x', equals: 1 }, goto: 'a' }], otherwise: 'done' }, { id: 'q', type: 'ask', say: 'x?', field: 'x', input: { kind: 'number' }, next: 'done' }, done]));
    expect(loop.join('\n')).toMatch(/loop: a -> b -> a/);
  });

  it('finds variables that may not have a value', () => {
    const steps: CallScriptSource['steps'] = [
      { id: 'a', type: 'ask', say: 'Bin?', field: 'bin', input: { kind: 'yes-no' }, next: 'b' },
      { id: 'b', type: 'check', rules: [{ when: { answer: 'bin', equals: true }, goto: 'c' }], otherwise: 'd' },
      { id: 'c', type: 'ask', say: 'Colour?', field: 'colour', input: { kind: 'text' }, next: 'd' },
      { id: 'd', type: 'say', say: '{answers.colour} bin, {answers.bin}, {resident.firstName}, {answers.size}, {case.dueDate}, {weather}', next: 'done' },
      done,
    ];
    expect(messages(base(steps))).toEqual([
      'd: {answers.colour} may not have been answered by this point; ask it on every path first, or give a fallback like {answers.colour|not given}.',
      'd: {resident.firstName} needs a fallback for calls with no resident open, like {resident.firstName|there}.',
      'd: {answers.size} is not the answer to any question.',
      'd: {case.dueDate} is only known in an outcome that sets a service standard.',
      'd: {weather} is not a variable scripts can use.',
    ]);
  });

  it('finds unknown service standards and case categories', () => {
    const steps: CallScriptSource['steps'] = [
      { id: 'a', type: 'say', say: 'Right.', next: 'b' },
      { id: 'b', type: 'outcome', outcome: { kind: 'create-case', category: 'bins', priority: 'routine', serviceStandard: 'fortnight', summary: 'x', fields: ['nope'] } },
    ];
    expect(messages(base(steps, { serviceStandard: 'week' }))).toEqual(['-: Service standard "week" does not exist.']);
    expect(messages(base(steps))).toEqual(['b: Service standard "fortnight" does not exist.', 'b: The case field "nope" is not asked anywhere.', 'b: Case category "bins" does not exist.']);
  });

  it('finds braces that are not a variable, which would show raw to the agent', () => {
    expect(messages(base([{ id: 'a', type: 'say', say: 'Your {answers.no-such} bin', next: 'done' }, done]))).toEqual([
      'a: A { or } here is not part of a variable: "Your {answers.no-such} bin". Variables look like {answers.binType}.',
    ]);
  });
});
