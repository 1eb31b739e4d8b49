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
  /** Name and due date of a service standard for something received on `receivedOn` (default today), from the working-day clock. */
  standard(id: string, receivedOn?: string): { name: string; dueDate: string } | undefined;
  /** The contact's identity check has passed: the script's own identity question is not asked again. */
  identityChecked: boolean;
}

/** One step taken: what was given, whether CivicDesk answered it itself, and what the agent was warned of. */
export interface PathEntry {
  stepId: string;
  answer: AnswerValue | null;
  /** Answered by CivicDesk (the script's identity question, after the contact's check passed). */
  auto?: true;
  /** Taken on after a warning (a date outside a standard's window): the case records it. */
  flag?: string;
}

export interface RunState {
  scriptId: string;
  version: number;
  /** The steps the agent has answered or read, in order, with what was given. */
  path: PathEntry[];
  at: string;
}

export type StepResult = { ok: true; state: RunState } | { ok: false; message: string; late?: { value: AnswerValue; note: string } };

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

/**
 * Follows check steps from `at` until a step that needs the agent. The script's own identity
 * question is answered "yes" here when the contact's check has already passed.
 */
function settle(script: CallScript, state: RunState, context: ScriptContext): RunState {
  let at = state.at;
  const path = [...state.path];
  for (let hops = 0; hops < MAX_STEPS; hops += 1) {
    const step = stepById(script, at);
    if (step.type === 'ask' && step.identityCheck && context.identityChecked) {
      path.push({ stepId: step.id, answer: true, auto: true });
      at = step.next;
      continue;
    }
    if (step.type !== 'check') return { ...state, path, at };
    const answers = answersOf(script, { ...state, path });
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

/**
 * Takes the agent's answer (or Enter on a say step) and moves on; a wrong answer stays put.
 * `goOnAnyway` takes a date the script warned about (outside a standard's window), flagged.
 */
export function submitAnswer(script: CallScript, state: RunState, raw: unknown, context: ScriptContext, options: { goOnAnyway?: boolean } = {}): StepResult {
  const step = currentStep(script, state);
  let answer: AnswerValue | null = null;
  let flag: string | undefined;
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
      const checked = checkAnswer(step.input, raw, { optional: step.optional, today: context.today, standard: (id, from) => context.standard(id, from) });
      if (!checked.ok && !(checked.late && options.goOnAnyway)) return checked;
      answer = checked.ok ? checked.value : (checked.late?.value ?? null);
      flag = checked.ok ? undefined : checked.late?.note;
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
  const entry: PathEntry = flag ? { stepId: step.id, answer, flag } : { stepId: step.id, answer };
  return { ok: true, state: settle(script, { ...state, path: [...state.path, entry], at: next }, context) };
}

/** The steps the agent answered themselves: what "Back" walks through. */
const answeredByAgent = (state: RunState) => state.path.filter((entry) => !entry.auto);

/** Back to the step the agent answered last, forgetting it (and anything CivicDesk answered after it). */
export function goBack(state: RunState): RunState {
  const lastIndex = state.path.findLastIndex((entry) => !entry.auto);
  const last = state.path[lastIndex];
  if (!last) return state;
  return { ...state, path: state.path.slice(0, lastIndex), at: last.stepId };
}

/** Whether there is an answer of the agent's to go back to. */
export const canGoBack = (state: RunState): boolean => answeredByAgent(state).length > 0;

/**
 * Steps the agent has taken, and about how many are left along the way the script usually
 * goes (each question's usual next step, a check's "otherwise"), for "Step N of about M".
 * Questions CivicDesk answers itself are not counted.
 */
export function progress(script: CallScript, state: RunState, context: Pick<ScriptContext, 'identityChecked'>): { done: number; remaining: number } {
  let remaining = 0;
  const seen = new Set<string>();
  for (let at: string | undefined = state.at; at !== undefined && !seen.has(at); ) {
    seen.add(at);
    const step = stepById(script, at);
    if (step.type === 'outcome') break;
    const skipped = step.type === 'check' || (step.type === 'ask' && step.identityCheck && context.identityChecked);
    if (!skipped) remaining += 1;
    at = step.type === 'check' ? step.otherwise : step.next;
  }
  return { done: answeredByAgent(state).length, remaining };
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
