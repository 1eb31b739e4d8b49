import { useEffect, useRef, useState } from 'react';
import { describeAnswer } from '../../shared/call-scripts/answers';
import { answersOf, currentStep, variableLookup, type RunState, type ScriptContext } from '../../shared/call-scripts/engine';
import { interpolate } from '../../shared/call-scripts/interpolate';
import type { CallScript } from '../../shared/call-scripts/schema';
import type { CaseDraft } from '../../shared/domain/case-draft';
import { useContact } from '../contact/contact-context';
import { caseDatabase } from '../storage/case-database';
import { newId, nowIso } from '../storage/ids';

/**
 * When a run reaches its outcome, the outcome goes on the contact and, for "create a case",
 * the answers become a case draft in IndexedDB. One draft per run: going back past the
 * outcome takes the draft away again, so changing an answer never leaves a stray case.
 */
export function useScriptOutcome(script: CallScript, state: RunState, context: ScriptContext) {
  const contact = useContact();
  const runId = useRef(newId());
  const draftId = useRef<string | null>(null);
  const [caseDraft, setCaseDraft] = useState<CaseDraft | null>(null);
  const step = currentStep(script, state);
  const outcome = step.type === 'outcome' ? step.outcome : null;
  const { recordOutcome } = contact;

  useEffect(() => {
    if (!outcome) return;
    const lookup = variableLookup(script, state, context, outcome);
    let draft: CaseDraft | null = null;
    if (outcome.kind === 'create-case') {
      const answers = answersOf(script, state);
      const receivedOn = context.today;
      const standard = context.standard(outcome.serviceStandard);
      draftId.current ??= newId();
      draft = {
        id: draftId.current,
        interactionId: contact.current?.id ?? null,
        residentId: contact.current?.residentId ?? null,
        residentName: null,
        anonymous: false,
        service: script.service,
        category: outcome.category,
        priority: outcome.priority,
        serviceStandard: outcome.serviceStandard,
        receivedOn,
        dueOn: standard?.dueDate ?? receivedOn,
        summary: interpolate(outcome.summary, lookup),
        fields: outcome.fields.flatMap((name) => {
          // The question actually asked on this run: two branches may ask for the same field.
          const askedBy = state.path
            .map((entry) => script.steps.find((each) => each.id === entry.stepId))
            .findLast((each) => each !== undefined && (each.type === 'ask' || each.type === 'lookup') && each.field === name);
          const value = answers[name];
          if (!askedBy || askedBy.type === 'check' || value === undefined || value === null) return [];
          return [{ name, question: askedBy.say ?? name, answer: describeAnswer(askedBy.type === 'ask' ? askedBy.input : undefined, value) }];
        }),
        description: '',
        location: '',
        postcode: '',
        contactPreference: '',
        attachmentIds: [],
        source: { scriptId: script.id, scriptVersion: script.version },
        focus: null,
        status: 'draft',
        createdAt: nowIso(),
        updatedAt: nowIso(),
      };
      void caseDatabase().caseDrafts.put(draft);
    }
    setCaseDraft(draft);
    const summary =
      outcome.kind === 'resolved' ? outcome.whatWasDone : outcome.kind === 'create-case' ? outcome.summary : outcome.kind === 'signpost' ? outcome.say : outcome.kind === 'transfer' ? outcome.summary : outcome.reason;
    const route = outcome.kind === 'signpost' ? outcome.route.url : 'offerOnline' in outcome ? (outcome.offerOnline?.url ?? null) : null;
    void recordOutcome({ runId: runId.current, scriptId: script.id, scriptVersion: script.version, kind: outcome.kind, summary: interpolate(summary, lookup), caseDraftId: draft?.id ?? null, onlineRoute: route, at: nowIso() });
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
      await contact.clearOutcome(runId.current);
    },
  };
}
