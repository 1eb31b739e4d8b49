import { useEffect, useRef, useState } from 'react';
import { describeAnswer, type AddressAnswer } from '../../shared/call-scripts/answers';
import { answersOf, currentStep, variableLookup, type RunState, type ScriptContext } from '../../shared/call-scripts/engine';
import { interpolate } from '../../shared/call-scripts/interpolate';
import type { CallScript, ScriptOutcome } from '../../shared/call-scripts/schema';
import type { CaseDraft, CaseField } from '../../shared/domain/case-draft';
import { draftForContact } from '../cases/raise-case';
import { useContact } from '../contact/contact-context';
import { useSessionIfAny } from '../session/session-context';
import { caseDatabase } from '../storage/case-database';
import { nowIso } from '../storage/ids';

type CaseOutcome = Extract<ScriptOutcome, { kind: 'create-case' }>;

/**
 * What the script captured, as a case's own fields, so nothing is typed twice: the questions
 * and answers it names, the address as the case's place, the resident's own words as the
 * description (or, where the script took none, the answers themselves), and any answer the
 * agent took on after a warning, said plainly.
 */
export function caseFromScript(script: CallScript, state: RunState, context: ScriptContext, outcome: CaseOutcome): Partial<CaseDraft> {
  const answers = answersOf(script, state);
  const asked = state.path.map((entry) => ({ entry, step: script.steps.find((each) => each.id === entry.stepId) }));
  const fields: CaseField[] = outcome.fields.flatMap((name) => {
    // The question actually asked on this run: two branches may ask for the same field.
    const askedBy = asked.findLast(({ step }) => step !== undefined && (step.type === 'ask' || step.type === 'lookup') && step.field === name)?.step;
    const value = answers[name];
    if (!askedBy || askedBy.type === 'check' || value === undefined || value === null) return [];
    return [{ name, question: askedBy.say ?? name, answer: describeAnswer(askedBy.type === 'ask' ? askedBy.input : undefined, value) }];
  });
  const flags = asked.flatMap(({ entry }) => (entry.flag ? [{ name: 'flag', question: 'Flagged on the call', answer: entry.flag }] : []));
  const address = Object.values(answers).find((value): value is AddressAnswer => typeof value === 'object' && value !== null && !Array.isArray(value) && 'postcode' in value);
  const ownWords = asked.flatMap(({ entry, step }) => (step?.type === 'ask' && step.input.kind === 'text' && step.input.multiline && typeof entry.answer === 'string' && entry.answer ? [entry.answer] : []));
  const lookup = variableLookup(script, state, context, outcome);
  const standard = context.standard(outcome.serviceStandard);
  return {
    service: script.service,
    category: outcome.category,
    priority: outcome.priority,
    serviceStandard: outcome.serviceStandard,
    receivedOn: context.today,
    dueOn: standard?.dueDate ?? context.today,
    summary: interpolate(outcome.summary, lookup).slice(0, 200),
    fields: [...fields, ...flags],
    description: (ownWords.length > 0 ? ownWords : [...fields, ...flags].map((field) => `${field.question} ${field.answer}`)).join('\n\n'),
    location: address?.line1 ?? '',
    postcode: address?.postcode ?? '',
    source: { scriptId: script.id, scriptVersion: script.version },
  };
}

/**
 * When a run reaches its outcome, the outcome goes on the contact and, for "create a case",
 * the answers become a case draft in IndexedDB for the contact's resident. One draft per
 * run: going back past the outcome takes the draft away again, so changing an answer never
 * leaves a stray case.
 */
export function useScriptOutcome(script: CallScript, state: RunState, context: ScriptContext, run: { runId: string; caseDraftId: string | null; resumedAt: RunState | null }) {
  const { runId } = run;
  const contact = useContact();
  const staffId = useSessionIfAny()?.user?.id ?? null;
  const draftId = useRef<string | null>(run.caseDraftId);
  const [caseDraft, setCaseDraft] = useState<CaseDraft | null>(null);
  const step = currentStep(script, state);
  const outcome = step.type === 'outcome' ? step.outcome : null;
  const { recordOutcome } = contact;

  useEffect(() => {
    if (!outcome) return;
    if (state === run.resumedAt) {
      // Back to a run that had already reached its outcome: it was recorded then. Show its
      // draft if it is still a draft (it may have been sent since), and make nothing again.
      if (draftId.current) void caseDatabase().caseDrafts.get(draftId.current).then((found) => setCaseDraft(found ?? null));
      return;
    }
    const lookup = variableLookup(script, state, context, outcome);
    let draft: CaseDraft | null = null;
    if (outcome.kind === 'create-case') {
      const made = draftForContact(contact, staffId, caseFromScript(script, state, context, outcome));
      draftId.current ??= made.id;
      draft = { ...made, id: draftId.current, createdAt: nowIso(), updatedAt: nowIso() };
      void caseDatabase().caseDrafts.put(draft);
    }
    setCaseDraft(draft);
    const summary =
      outcome.kind === 'resolved' ? outcome.whatWasDone : outcome.kind === 'create-case' ? outcome.summary : outcome.kind === 'signpost' ? outcome.say : outcome.kind === 'transfer' ? outcome.summary : outcome.reason;
    const route = outcome.kind === 'signpost' ? outcome.route.url : 'offerOnline' in outcome ? (outcome.offerOnline?.url ?? null) : null;
    void recordOutcome({ runId, scriptId: script.id, scriptVersion: script.version, kind: outcome.kind, summary: interpolate(summary, lookup), caseDraftId: draft?.id ?? null, onlineRoute: route, service: script.service, at: nowIso() });
    // Only when the run reaches a (different) outcome; the contact object changes on every save.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [outcome, state]);

  return {
    caseDraft,
    /** Going back or restarting: forget this run's outcome and its draft. */
    async undo() {
      if (!outcome) return;
      setCaseDraft(null);
      if (draftId.current) await caseDatabase().caseDrafts.delete(draftId.current);
      draftId.current = null;
      await contact.clearOutcome(runId);
    },
  };
}
