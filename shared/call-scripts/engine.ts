import { checkAnswer, describeAnswer, type AnswerValue } from './answers';
import { evaluate, type ResidentFacts } from './conditions';
import { interpolate } from './interpolate';
import type { CallScript, Condition, ScriptOutcome, ScriptStep } from './schema';

/**
 * The call-script engine: pure functions over a run's state, so the runner, the checker and
 * the tests all drive scripts the same way. Check steps are resolved as soon as they are
 * reached; every other step waits for the agent.
 */
export interface ScriptContext {
  resident: ResidentFacts;
  agentName: string;
  /** 'YYYY-MM-DD', the day the contact happens. */
  today: string;
  /** Name and due date of a service standard, from the working-day clock. */
  standard(id: string): { name: string; dueDate: string } | undefined;
}

export interface RunState {
  scriptId: string;
  version: number;
  /** The steps the agent has answered or read, in order, with what was given. */
  path: { stepId: string; answer: AnswerValue | null }[];
  at: string;
}

export type StepResult = { ok: true; state: RunState } | { ok: false; message: string };

/** A lookup's result from the back office, or word that it could not be had. */
export type LookupResult = { available: true; value: string | number } | { available: false };

const MAX_STEPS = 500;

const stepById = (script: CallScript, id: string): ScriptStep => {
  const step = script.steps.find((each) => each.id === id);
  // The checker refuses scripts with dangling links, so this only happens to a broken file.
  if (!step) throw new Error(`Script ${script.id} has no step "${id}".`);
  return step;
};

export function answersOf(script: CallScript, state: RunState): Record<string, AnswerValue | null> {
  const answers: Record<string, AnswerValue | null> = {};
  for (const entry of state.path) {
    const step = stepById(script, entry.stepId);
    if ('field' in step) answers[step.field] = entry.answer;
  }
  return answers;
}

/** Follows check steps from `at` until a step that needs the agent. */
function settle(script: CallScript, state: RunState, context: ScriptContext): RunState {
  let at = state.at;
  const answers = answersOf(script, state);
  for (let hops = 0; hops < MAX_STEPS; hops += 1) {
    const step = stepById(script, at);
    if (step.type !== 'check') return { ...state, at };
    let next: string | null = null;
    for (const rule of step.rules) {
      const truth = evaluate(rule.when, answers, context.resident);
      if (truth === true) {
        next = rule.goto;
        break;
      }
      if (truth === 'unknown' && step.ifUnknown && mentionsResident(rule.when)) {
        next = step.ifUnknown;
        break;
      }
    }
    at = next ?? step.otherwise;
  }
  throw new Error(`Script ${script.id} loops through its checks.`);
}

export function startRun(script: CallScript, context: ScriptContext): RunState {
  return settle(script, { scriptId: script.id, version: script.version, path: [], at: script.start }, context);
}

export const restartRun = startRun;

export function currentStep(script: CallScript, state: RunState): ScriptStep {
  return stepById(script, state.at);
}

/** Takes the agent's answer (or Enter on a say step) and moves on; a wrong answer stays put. */
export function submitAnswer(script: CallScript, state: RunState, raw: unknown, context: ScriptContext): StepResult {
  const step = currentStep(script, state);
  let answer: AnswerValue | null = null;
  let next: string;
  switch (step.type) {
    case 'outcome':
      return { ok: false, message: 'This script has finished. Go back to change an answer, or start again.' };
    case 'check':
      throw new Error('check steps are settled automatically');
    case 'say':
      next = step.next;
      break;
    case 'ask': {
      const checked = checkAnswer(step.input, raw, { optional: step.optional, today: context.today });
      if (!checked.ok) return checked;
      answer = checked.value;
      next = step.next;
      break;
    }
    case 'lookup': {
      const result = raw as LookupResult;
      if (result?.available) {
        answer = result.value;
        next = step.next;
      } else {
        next = step.ifUnavailable;
      }
      break;
    }
  }
  return { ok: true, state: settle(script, { ...state, path: [...state.path, { stepId: step.id, answer }], at: next }, context) };
}

/** Back to the step before, forgetting the answer given there. */
export function goBack(state: RunState): RunState {
  const last = state.path.at(-1);
  if (!last) return state;
  return { ...state, path: state.path.slice(0, -1), at: last.stepId };
}

/** Steps taken, and the fewest still to go to reach an outcome, for a progress bar. */
export function progress(script: CallScript, state: RunState): { done: number; remaining: number } {
  const memo = new Map<string, number>();
  const toOutcome = (id: string, seen: Set<string>): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return Infinity;
    const step = stepById(script, id);
    const nextSeen = new Set(seen).add(id);
    const cost = step.type === 'check' ? 0 : 1;
    const targets = nextTargets(step);
    const best = step.type === 'outcome' ? 0 : Math.min(...targets.map((target) => toOutcome(target, nextSeen))) + cost;
    memo.set(id, best);
    return best;
  };
  return { done: state.path.length, remaining: toOutcome(state.at, new Set()) };
}

/** Every step a step can lead to: the graph the checker and the progress bar both walk. */
export function nextTargets(step: ScriptStep): string[] {
  switch (step.type) {
    case 'say':
    case 'ask':
      return [step.next];
    case 'lookup':
      return [step.next, step.ifUnavailable];
    case 'check':
      return [...step.rules.map((rule) => rule.goto), ...(step.ifUnknown ? [step.ifUnknown] : []), step.otherwise];
    case 'outcome':
      return [];
  }
}

/** Reads a variable for interpolation; undefined when it has no value on this run. */
export function variableLookup(script: CallScript, state: RunState, context: ScriptContext, outcome?: ScriptOutcome): (name: string) => string | undefined {
  const answers = answersOf(script, state);
  const inputOf = (field: string) => {
    const step = script.steps.find((each) => 'field' in each && each.field === field);
    return step?.type === 'ask' ? step.input : undefined;
  };
  const standardId = outcome && 'serviceStandard' in outcome ? outcome.serviceStandard : undefined;
  return (name) => {
    const [scope, key = ''] = name.split('.');
    if (scope === 'answers') {
      const value = answers[key];
      return value === undefined || value === null ? undefined : describeAnswer(inputOf(key), value);
    }
    if (scope === 'resident') {
      const value = context.resident?.[key as keyof NonNullable<ResidentFacts>];
      return value === undefined ? undefined : String(value);
    }
    if (name === 'agent.name') return context.agentName;
    if (name === 'today') return describeAnswer({ kind: 'date', notFuture: false, notPast: false }, context.today);
    if (scope === 'case' && standardId) {
      const standard = context.standard(standardId);
      if (key === 'dueDate' && standard) return describeAnswer({ kind: 'date', notFuture: false, notPast: false }, standard.dueDate);
      if (key === 'standardName') return standard?.name;
    }
    return undefined;
  };
}

/** The current step's words (what to say, or the guidance for the agent) with variables filled in. */
export function sayText(script: CallScript, state: RunState, context: ScriptContext, part: 'say' | 'guidance' = 'say'): string | undefined {
  const step = currentStep(script, state);
  const text = step.type === 'check' ? undefined : step[part];
  return text === undefined ? undefined : interpolate(text, variableLookup(script, state, context, step.type === 'outcome' ? step.outcome : undefined));
}

/** Unanswered questions are not "unknown facts": only rules about the resident use ifUnknown. */
function mentionsResident(condition: Condition): boolean {
  if ('all' in condition) return condition.all.some(mentionsResident);
  if ('any' in condition) return condition.any.some(mentionsResident);
  if ('not' in condition) return mentionsResident(condition.not);
  return 'resident' in condition;
}
