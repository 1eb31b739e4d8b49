import { nextTargets } from './engine';
import { VARIABLE, variablesIn } from './interpolate';
import { callScriptSchema, RESIDENT_FACTS, type CallScript, type Condition, type ScriptStep } from './schema';

export interface ScriptProblem {
  script: string;
  step?: string;
  message: string;
}

export interface CheckRules {
  /** Ids of the service standards the app knows (from the working-day clock's registry). */
  standards: ReadonlySet<string>;
  /** Case categories the back office accepts. */
  categories: ReadonlySet<string>;
}

export type ScriptCheck = { ok: true; script: CallScript } | { ok: false; problems: ScriptProblem[] };

/**
 * Everything `npm run scripts:check` promises: the file parses, every step is reachable,
 * every path ends in an outcome, every variable has a value where it is used, and every
 * service standard exists. Runs in the app too, so a broken file is never offered to agents.
 */
export function checkScript(name: string, source: unknown, rules: CheckRules): ScriptCheck {
  const parsed = callScriptSchema.safeParse(source);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => ({ script: name, message: `${issue.path.join('.') || '(whole file)'}: ${issue.message}` })) };
  }
  const script = parsed.data;
  const problems: ScriptProblem[] = [];
  const problem = (message: string, step?: string) => problems.push(step ? { script: script.id, step, message } : { script: script.id, message });

  const steps = new Map<string, ScriptStep>();
  for (const step of script.steps) {
    if (steps.has(step.id)) problem('This step id is used twice.', step.id);
    steps.set(step.id, step);
  }
  if (!steps.has(script.start)) problem(`The script starts at "${script.start}", which is not a step.`);
  for (const step of script.steps) {
    for (const target of nextTargets(step)) if (!steps.has(target)) problem(`Goes to "${target}", which is not a step.`, step.id);
  }
  if (!rules.standards.has(script.serviceStandard)) problem(`Service standard "${script.serviceStandard}" does not exist.`);
  if (problems.length > 0) return { ok: false, problems };

  // Reachability, and no loops: every path must end, so the graph must be acyclic.
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      problem(`The steps loop: ${[...trail.slice(trail.indexOf(id)), id].join(' -> ')}. Every path must end in an outcome.`, id);
      return;
    }
    state.set(id, 'visiting');
    for (const target of nextTargets(steps.get(id) as ScriptStep)) visit(target, [...trail, id]);
    state.set(id, 'done');
    order.push(id);
  };
  visit(script.start, []);
  for (const step of script.steps) if (!state.has(step.id)) problem('No path from the start reaches this step.', step.id);
  if (problems.length > 0) return { ok: false, problems };

  // Fields definitely answered on every path into each step (forward, in topological order).
  const fieldsOf = new Map<string, string[]>();
  for (const step of script.steps) if ('field' in step) fieldsOf.set(step.field, [...(fieldsOf.get(step.field) ?? []), step.id]);
  const assured = new Map<string, Set<string>>();
  const topological = [...order].reverse();
  assured.set(script.start, new Set());
  for (const id of topological) {
    const step = steps.get(id) as ScriptStep;
    const before = assured.get(id) ?? new Set<string>();
    for (const target of nextTargets(step)) {
      const after = new Set(before);
      const answeredHere = (step.type === 'ask' && !step.optional) || (step.type === 'lookup' && target === step.next);
      if (answeredHere && 'field' in step) after.add(step.field);
      const existing = assured.get(target);
      assured.set(target, existing ? new Set([...existing].filter((field) => after.has(field))) : after);
    }
  }

  for (const step of script.steps) {
    const known = assured.get(step.id) ?? new Set<string>();
    const texts = (step.type === 'check' ? [] : [step.say, step.guidance, ...(step.type === 'outcome' ? outcomeTexts(step.outcome) : [])]).filter((text): text is string => Boolean(text));
    for (const text of texts) {
      const leftOver = text.replace(VARIABLE, '');
      if (/[{}]/.test(leftOver)) problem(`A { or } here is not part of a variable: "${text.slice(0, 80)}". Variables look like {answers.binType}.`, step.id);
    }
    for (const variable of texts.flatMap(variablesIn)) {
      const message = variableProblem(variable.name, variable.hasFallback, known, step, fieldsOf);
      if (message) problem(message, step.id);
    }
    if (step.type === 'ask' && step.identityCheck && step.input.kind !== 'yes-no') problem('An identity check question must be a yes-no question (yes: the caller passed).', step.id);
    if (step.type === 'ask' && step.input.kind === 'date' && step.input.withinStandard && !rules.standards.has(step.input.withinStandard)) problem(`Service standard "${step.input.withinStandard}" does not exist.`, step.id);
    if (step.type === 'check') for (const rule of step.rules) for (const field of answersIn(rule.when)) if (!fieldsOf.has(field)) problem(`A rule uses the answer "${field}", which no question asks.`, step.id);
    if (step.type === 'outcome') {
      const outcome = step.outcome;
      if ('serviceStandard' in outcome && outcome.serviceStandard && !rules.standards.has(outcome.serviceStandard)) problem(`Service standard "${outcome.serviceStandard}" does not exist.`, step.id);
      if (outcome.kind === 'create-case') for (const field of outcome.fields) if (!fieldsOf.has(field)) problem(`The case field "${field}" is not asked anywhere.`, step.id);
      if ('category' in outcome && outcome.category && !rules.categories.has(outcome.category)) problem(`Case category "${outcome.category}" does not exist.`, step.id);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, script };
}

/** Every piece of an outcome's text an agent reads, for checks of its variables. */
export function outcomeTexts(outcome: Extract<ScriptStep, { type: 'outcome' }>['outcome']): string[] {
  switch (outcome.kind) {
    case 'resolved':
      return [outcome.whatWasDone];
    case 'create-case':
      return [outcome.summary];
    case 'signpost':
      return [outcome.say];
    case 'transfer':
      return [outcome.summary];
    case 'emergency':
      return [outcome.reason, ...outcome.steps];
  }
}

function variableProblem(name: string, hasFallback: boolean, known: Set<string>, step: ScriptStep, fieldsOf: Map<string, string[]>): string | null {
  const [scope, key = ''] = name.split('.');
  if (scope === 'answers') {
    if (!fieldsOf.has(key)) return `{${name}} is not the answer to any question.`;
    if (!known.has(key) && !hasFallback) return `{${name}} may not have been answered by this point; ask it on every path first, or give a fallback like {${name}|not given}.`;
    return null;
  }
  if (scope === 'resident') {
    if (!(RESIDENT_FACTS as readonly string[]).includes(key)) return `{${name}} is not something CivicDesk knows about a resident.`;
    return hasFallback ? null : `{${name}} needs a fallback for calls with no resident open, like {${name}|there}.`;
  }
  if (name === 'agent.name' || name === 'today') return null;
  if (scope === 'case') {
    const hasStandard = step.type === 'outcome' && 'serviceStandard' in step.outcome && Boolean(step.outcome.serviceStandard);
    if (!['dueDate', 'standardName'].includes(key)) return `{${name}} is not a case variable (use case.dueDate or case.standardName).`;
    return hasStandard ? null : `{${name}} is only known in an outcome that sets a service standard.`;
  }
  return `{${name}} is not a variable scripts can use.`;
}

function answersIn(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(answersIn);
  if ('any' in condition) return condition.any.flatMap(answersIn);
  if ('not' in condition) return answersIn(condition.not);
  return 'answer' in condition ? [condition.answer] : [];
}
