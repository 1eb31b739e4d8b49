import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScriptLibrary } from '../../../main/core/call-scripts/script-library';
import { outcomeTexts } from '../../../shared/call-scripts/check';
import { evaluate, type ResidentFacts } from '../../../shared/call-scripts/conditions';
import { answersOf, currentStep, sayText, startRun, submitAnswer, variableLookup, type LookupResult, type RunState, type ScriptContext } from '../../../shared/call-scripts/engine';
import { interpolate, variablesIn } from '../../../shared/call-scripts/interpolate';
import type { AnswerInput, CallScript, Condition, ScriptOutcome, ScriptStep } from '../../../shared/call-scripts/schema';
import { CASE_CATEGORIES } from '../../../shared/domain/case';

/**
 * The scripts CivicDesk ships, driven through the engine along every path: each answer an
 * agent could give, each lookup result, and three kinds of caller. Every walk must end in an
 * outcome, every step must be reached by some walk, and nothing read out may show a raw
 * {variable}.
 */

const FOLDER = path.resolve(import.meta.dirname, '../../../resources/scripts');

const STANDARDS = new Set([
  'complaint-acknowledgement',
  'complaint-stage-1',
  'complaint-stage-2',
  'foi-eir',
  'member-enquiry',
  'subject-access-request',
  'missed-bin',
  'bulky-waste',
  'housing-repair-emergency',
  'housing-repair-urgent',
  'housing-repair-routine',
  'pest-control',
  'pest-control-emergency',
  'council-tax-enquiry',
  'parking-permit',
  'noise-nuisance',
  'community-hub-support',
]);

const REQUIRED = [
  'missed-bin',
  'bulky-waste',
  'housing-repair',
  'pest-control',
  'council-tax',
  'parking-permit',
  'noise-nuisance',
  'complaint',
  'foi-eir',
  'subject-access-request',
  'member-enquiry',
  'community-hub',
];

const TODAY = '2026-11-26';
/** A walk that takes more steps than this has lost its way. */
const MAX_STEPS = 100;
/** Guards against a script whose paths multiply beyond what a test can walk. */
const MAX_WALKS = 200_000;

const RESIDENTS: Record<string, ResidentFacts> = {
  'no resident open': null,
  'a vulnerable council tenant, 80, needing an interpreter': {
    vulnerable: true,
    hasTenancy: true,
    age: 80,
    needsInterpreter: true,
    preferredLanguage: 'Bengali',
    hasMySouthwark: false,
    firstName: 'Amina',
    fullName: 'Amina Rahman',
  },
  'a private resident, 30, with My Southwark': {
    vulnerable: false,
    hasTenancy: false,
    age: 30,
    needsInterpreter: false,
    preferredLanguage: 'English',
    hasMySouthwark: true,
    firstName: 'Sam',
    fullName: 'Sam Okafor',
  },
};

const contextFor = (resident: ResidentFacts): ScriptContext => ({
  resident,
  agentName: 'Test Agent',
  today: TODAY,
  standard: (id) => ({ name: id, dueDate: '2026-12-01' }),
  identityChecked: false,
});

const library = await loadScriptLibrary(FOLDER, { standards: STANDARDS, categories: new Set<string>(CASE_CATEGORIES) });
const scriptById = (id: string): CallScript => {
  const script = library.scripts.find((each) => each.id === id);
  if (!script) throw new Error(`No shipped script "${id}".`);
  return script;
};
const stepOf = (script: CallScript, id: string): ScriptStep => {
  const step = script.steps.find((each) => each.id === id);
  if (!step) throw new Error(`Script ${script.id} has no step "${id}".`);
  return step;
};

// ---- What an agent could enter at each step --------------------------------------------

function leafConditions(condition: Condition): Condition[] {
  if ('all' in condition) return condition.all.flatMap(leafConditions);
  if ('any' in condition) return condition.any.flatMap(leafConditions);
  if ('not' in condition) return leafConditions(condition.not);
  return [condition];
}

/** Every number a rule compares the field with, so walks land on both sides of each. */
function thresholdsFor(script: CallScript, field: string): number[] {
  const numbers: number[] = [];
  for (const step of script.steps) {
    if (step.type !== 'check') continue;
    for (const leaf of step.rules.flatMap((rule) => leafConditions(rule.when))) {
      if (!('answer' in leaf) || leaf.answer !== field) continue;
      for (const value of [leaf.atLeast, leaf.below, leaf.equals, leaf.notEquals, ...(leaf.in ?? [])]) if (typeof value === 'number') numbers.push(value);
    }
  }
  return numbers;
}

function inputCandidates(script: CallScript, field: string, input: AnswerInput): unknown[] {
  switch (input.kind) {
    case 'choice':
      return input.options.map((option) => option.value);
    case 'yes-no':
      return [true, false];
    case 'number': {
      const values = new Set<number>();
      for (const threshold of thresholdsFor(script, field)) for (const value of [threshold - 1, threshold, threshold + 1]) values.add(value);
      if (input.min !== undefined) values.add(input.min);
      if (input.max !== undefined) values.add(input.max);
      if (values.size === 0) values.add(1);
      return [...values].filter((value) => (input.min === undefined || value >= input.min) && (input.max === undefined || value <= input.max) && (!input.integer || Number.isInteger(value)));
    }
    case 'date':
      // Today is allowed whether the question refuses future dates, past dates or neither.
      return [TODAY];
    case 'text':
      return ['Test answer'.slice(0, input.maxLength)];
    case 'address':
      return [{ line1: '1 Test Street', postcode: 'SE1 1AA' }];
    case 'evidence':
      return [[]];
  }
}

function candidates(script: CallScript, step: ScriptStep): unknown[] {
  switch (step.type) {
    case 'say':
      return [undefined];
    case 'lookup':
      return [{ available: true, value: 'Tuesday' } satisfies LookupResult, { available: false } satisfies LookupResult];
    case 'ask': {
      const given = inputCandidates(script, step.field, step.input);
      // An optional question can be skipped, which exercises the {answers.x|fallback} words.
      return step.optional && step.input.kind !== 'evidence' ? [...given, undefined] : given;
    }
    case 'check':
    case 'outcome':
      return [];
  }
}

/** Where a step goes for an answer, before any check steps are followed. */
function enteredAfter(step: ScriptStep, raw: unknown): string {
  switch (step.type) {
    case 'say':
    case 'ask':
      return step.next;
    case 'lookup':
      return (raw as LookupResult).available ? step.next : step.ifUnavailable;
    default:
      throw new Error(`Step ${step.id} takes no answer.`);
  }
}

/**
 * The check steps a run passes through from `from`, and the step it lands on. The engine
 * does not record check steps, so coverage follows them here with the same rules; the
 * landing is compared with the engine's own.
 */
function checksFrom(script: CallScript, from: string, state: RunState, resident: ResidentFacts): string[] {
  const answers = answersOf(script, state);
  const passed: string[] = [];
  let at = from;
  for (let hops = 0; hops < script.steps.length + 1; hops += 1) {
    const step = stepOf(script, at);
    passed.push(at);
    if (step.type !== 'check') return passed;
    let next: string | undefined;
    for (const rule of step.rules) {
      const truth = evaluate(rule.when, answers, resident);
      if (truth === true || (truth === 'unknown' && step.ifUnknown)) {
        next = truth === true ? rule.goto : step.ifUnknown;
        break;
      }
    }
    at = next ?? step.otherwise;
  }
  throw new Error(`Script ${script.id} loops through its checks from ${from}.`);
}

// ---- What the agent sees ---------------------------------------------------------------


/** Problems with the words on screen at this point of a run. */
function textProblems(script: CallScript, state: RunState, context: ScriptContext): string[] {
  const step = currentStep(script, state);
  const outcome = step.type === 'outcome' ? step.outcome : undefined;
  const lookup = variableLookup(script, state, context, outcome);
  const problems: string[] = [];
  const said = sayText(script, state, context);
  if (said !== undefined && /[{}]/.test(said)) problems.push(`says "${said}"`);
  const words = step.type === 'check' ? [] : [step.say, step.guidance];
  for (const text of [...words, ...(outcome ? outcomeTexts(outcome) : [])]) {
    if (!text) continue;
    const shown = interpolate(text, lookup);
    if (/[{}]/.test(shown)) problems.push(`shows "${shown}"`);
    for (const variable of variablesIn(text)) if (lookup(variable.name) === undefined && !variable.hasFallback) problems.push(`{${variable.name}} came out empty`);
  }
  return problems;
}

// ---- Walking every path ----------------------------------------------------------------

interface Ending {
  resident: string;
  stepId: string;
  outcome: ScriptOutcome;
  steps: number;
}

interface Walked {
  endings: Ending[];
  visited: Set<string>;
  failures: string[];
}

function walkEveryPath(script: CallScript): Walked {
  const walked: Walked = { endings: [], visited: new Set(), failures: [] };
  for (const [label, resident] of Object.entries(RESIDENTS)) {
    const context = contextFor(resident);
    const first = startRun(script, context);
    const fail = (state: RunState, message: string) => walked.failures.push(`${label}, after ${state.path.map((entry) => entry.stepId).join(' > ') || '(start)'}: ${message}`);
    const landedAt = (from: string, state: RunState) => {
      const passed = checksFrom(script, from, state, resident);
      passed.forEach((id) => walked.visited.add(id));
      if (passed.at(-1) !== state.at) fail(state, `checks lead to ${passed.at(-1)} but the engine is at ${state.at}`);
    };
    landedAt(script.start, first);
    const stack: RunState[] = [first];
    while (stack.length > 0) {
      const state = stack.pop() as RunState;
      const step = currentStep(script, state);
      for (const problem of textProblems(script, state, context)) fail(state, `${step.id} ${problem}`);
      if (step.type === 'outcome') {
        walked.endings.push({ resident: label, stepId: step.id, outcome: step.outcome, steps: state.path.length });
        if (walked.endings.length > MAX_WALKS) throw new Error(`Script ${script.id} has more than ${MAX_WALKS} paths.`);
        continue;
      }
      if (state.path.length >= MAX_STEPS) {
        fail(state, `no outcome within ${MAX_STEPS} steps`);
        continue;
      }
      for (const raw of candidates(script, step)) {
        const result = submitAnswer(script, state, raw, context);
        if (!result.ok) {
          fail(state, `${step.id} refused ${JSON.stringify(raw)}: ${result.message}`);
          continue;
        }
        landedAt(enteredAfter(step, raw), result.state);
        stack.push(result.state);
      }
    }
  }
  return walked;
}

/** Runs a script with the given answers by step id (say steps need none) until it stops. */
function drive(script: CallScript, resident: ResidentFacts, answers: Record<string, unknown>): { state: RunState; step: ScriptStep } {
  const context = contextFor(resident);
  let state = startRun(script, context);
  for (let steps = 0; steps < MAX_STEPS; steps += 1) {
    const step = currentStep(script, state);
    if (step.type === 'outcome') return { state, step };
    if (step.type !== 'say' && !(step.id in answers)) throw new Error(`${script.id}: no answer given for step "${step.id}".`);
    const result = submitAnswer(script, state, answers[step.id], context);
    if (!result.ok) throw new Error(`${script.id}: step "${step.id}" refused the answer: ${result.message}`);
    state = result.state;
  }
  throw new Error(`${script.id}: no outcome within ${MAX_STEPS} steps.`);
}

const outcomeOf = (step: ScriptStep): ScriptOutcome => {
  if (step.type !== 'outcome') throw new Error(`Step ${step.id} is not an outcome.`);
  return step.outcome;
};

// ---- The tests -------------------------------------------------------------------------

describe('shipped call scripts', () => {
  it('all pass the checker', () => {
    expect(library.problems).toEqual([]);
  });

  it('include at least the twelve core services', () => {
    const ids = library.scripts.map((script) => script.id);
    expect(ids.length).toBeGreaterThanOrEqual(12);
    expect(ids).toEqual(expect.arrayContaining(REQUIRED));
  });

  it('do not share triggers, so a typed word finds one script', () => {
    const owners = new Map<string, string[]>();
    for (const script of library.scripts) for (const trigger of script.triggers) owners.set(trigger.toLowerCase(), [...(owners.get(trigger.toLowerCase()) ?? []), script.id]);
    expect([...owners].filter(([, ids]) => ids.length > 1)).toEqual([]);
  });
});

describe.each(library.scripts.map((script) => [script.id, script] as const))('script %s', (_id, script) => {
  let cached: Walked | undefined;
  const walk = (): Walked => (cached ??= walkEveryPath(script));

  it('ends every path in an outcome, within the step limit, with nothing left unfilled', () => {
    expect(walk().failures).toEqual([]);
    expect(walk().endings.length).toBeGreaterThan(0);
    expect(Math.max(...walk().endings.map((ending) => ending.steps))).toBeLessThanOrEqual(MAX_STEPS);
  });

  it('reaches every step on some path', () => {
    expect(script.steps.map((step) => step.id).filter((id) => !walk().visited.has(id))).toEqual([]);
  });

  it('ends on every outcome step for some caller and answers', () => {
    const ended = new Set(walk().endings.map((ending) => ending.stepId));
    expect(script.steps.filter((step) => step.type === 'outcome' && !ended.has(step.id)).map((step) => step.id)).toEqual([]);
  });

  it('offers an online route somewhere', () => {
    const online = script.steps.some((step) => step.type === 'outcome' && (step.outcome.kind === 'signpost' || ('offerOnline' in step.outcome && step.outcome.offerOnline !== undefined)));
    expect(online).toBe(true);
  });

  it('raises cases under known standards, and gives every emergency case a standard', () => {
    for (const ending of walk().endings) {
      if (ending.outcome.kind === 'create-case') expect(STANDARDS.has(ending.outcome.serviceStandard)).toBe(true);
      if (ending.outcome.kind === 'emergency' && ending.outcome.category) expect(ending.outcome.serviceStandard).toBeDefined();
    }
  });
});

describe('key paths', () => {
  const tenant = RESIDENTS['a vulnerable council tenant, 80, needing an interpreter'] ?? null;
  const privateResident = RESIDENTS['a private resident, 30, with My Southwark'] ?? null;

  it('housing repair: a gas smell is an emergency with the National Gas Emergency number, for any caller', () => {
    for (const resident of Object.values(RESIDENTS)) {
      const { step } = drive(scriptById('housing-repair'), resident, { gas: true });
      const outcome = outcomeOf(step);
      expect(outcome.kind).toBe('emergency');
      expect(outcome.kind === 'emergency' && outcome.phone).toBe('0800 111 999');
    }
  });

  it('housing repair: total loss of heating for a vulnerable tenant is an emergency repair', () => {
    const { step } = drive(scriptById('housing-repair'), tenant, {
      gas: false,
      address: { line1: '1 Test Street', postcode: 'SE1 1AA' },
      'open-repairs': { available: false },
      'already-reported': false,
      problem: 'heating',
      description: 'Boiler not working',
      'heating-total': true,
    });
    expect(outcomeOf(step)).toMatchObject({ kind: 'emergency', category: 'housing-repair', serviceStandard: 'housing-repair-emergency' });
  });

  it('housing repair: a small leak that can be caught in a bowl is urgent, not an emergency', () => {
    const { step } = drive(scriptById('housing-repair'), privateResident, {
      gas: false,
      tenure: 'council-tenant',
      address: { line1: '1 Test Street', postcode: 'SE1 1AA' },
      'open-repairs': { available: true, value: 'None' },
      'already-reported': false,
      problem: 'water',
      description: 'Dripping tap under sink',
      'water-severity': 'contained',
    });
    expect(outcomeOf(step)).toMatchObject({ kind: 'create-case', category: 'housing-repair', priority: 'urgent', serviceStandard: 'housing-repair-urgent' });
  });

  it('missed bin: a bin out on time becomes a missed-bin case', () => {
    const { step } = drive(scriptById('missed-bin'), null, {
      address: { line1: '1 Test Street', postcode: 'SE1 1AA' },
      'which-bin': 'refuse',
      'collection-day': { available: true, value: 'Tuesday' },
      'when-missed': TODAY,
      'out-on-time': true,
    });
    expect(outcomeOf(step)).toMatchObject({ kind: 'create-case', category: 'missed-bin', serviceStandard: 'missed-bin' });
  });

  it('pest control: a wasps nest at a school entrance is an emergency', () => {
    const { step } = drive(scriptById('pest-control'), null, {
      pest: 'wasps',
      where: 'public',
      address: { line1: '1 School Lane', postcode: 'SE15 1AA' },
      details: 'Nest above the main entrance',
      'wasp-risk': true,
    });
    expect(outcomeOf(step)).toMatchObject({ kind: 'emergency', category: 'pest-control', serviceStandard: 'pest-control-emergency' });
  });

  it('noise: a caller in danger is told to call 999', () => {
    const { step } = drive(scriptById('noise-nuisance'), null, { danger: true });
    expect(outcomeOf(step)).toMatchObject({ kind: 'emergency', phone: '999' });
  });

  it('complaint: unhappy with a stage 1 response becomes a stage 2 case', () => {
    const { step } = drive(scriptById('complaint'), privateResident, {
      kind: 'escalate',
      'open-complaints': { available: false },
      'had-response': true,
      'why-unhappy': 'The repair is still not done',
      'escalate-in-time': true,
    });
    expect(outcomeOf(step)).toMatchObject({ kind: 'create-case', category: 'complaint-stage-2', serviceStandard: 'complaint-stage-2' });
  });

  it('information request: asking for your own data is redirected to a subject access request', () => {
    const { step } = drive(scriptById('foi-eir'), null, { about: 'own' });
    const outcome = outcomeOf(step);
    expect(outcome.kind).toBe('signpost');
    expect(outcome.kind === 'signpost' && outcome.route.url).toContain('subject-access-request');
  });

  it('community hub: a safeguarding concern is escalated at once', () => {
    const { step } = drive(scriptById('community-hub'), null, {
      need: 'worried',
      'immediate-risk': false,
      'concern-about': 'adult',
      'concern-details': 'Neighbour not seen for days, post piling up',
    });
    expect(outcomeOf(step)).toMatchObject({ kind: 'emergency', category: 'community-hub' });
  });
});
