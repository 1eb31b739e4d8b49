import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canGoBack, currentStep, goBack, progress, restartRun, sayText, startRun, submitAnswer, type RunState, type ScriptContext } from '../../shared/call-scripts/engine';
import { longDate } from '../../shared/call-scripts/answers';
import type { CallScript } from '../../shared/call-scripts/schema';
import { useBridge } from '../bridge/bridge-context';
import { identifiedResident, useContact, type ScriptInProgress } from '../contact/contact-context';
import { useLanguageTable } from '../languages/use-language-table';
import { isTypingTarget } from '../navigation/shortcuts';
import { AnswerField, numberKeyChoices, type Draft } from './AnswerField';
import { OutcomePanel } from './OutcomePanel';
import { residentFacts } from './resident-facts';
import type { StandardsClock } from './use-standards';
import { useScriptOutcome } from './use-script-outcome';

type Problem = { message: string; late: boolean };

/**
 * Runs one call script, keyboard first: number keys choose, Enter goes on, Backspace goes
 * back (outside text boxes). A wrong answer stays on screen with a message; nothing typed is
 * cleared. The run belongs to the contact: leaving the place and coming back finds it where
 * it was, and it knows who the contact is about once their identity check has passed.
 */
export function ScriptRunner({ script, clock, agentName, resume, onClose }: { script: CallScript; clock: StandardsClock; agentName: string; resume: ScriptInProgress | null; onClose: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const contact = useContact();
  const { nameOf } = useLanguageTable();
  const resident = identifiedResident(contact);
  const today = clock.today();
  const context = useMemo<ScriptContext>(
    () => ({
      resident: residentFacts(resident, today, (code) => nameOf(code).englishName),
      agentName,
      today,
      identityChecked: resident !== null,
      standard: (id, receivedOn) => {
        const standard = clock.find(id);
        const dueOn = clock.dueOn(id, receivedOn);
        return standard && dueOn ? { name: standard.name, dueDate: dueOn } : undefined;
      },
    }),
    [agentName, clock, nameOf, resident, today],
  );
  const [state, setState] = useState<RunState>(() => resume?.state ?? startRun(script, context));
  const [runId] = useState(() => resume?.runId ?? crypto.randomUUID());
  const [resumedAt] = useState(() => resume?.state ?? null);
  const [draft, setDraft] = useState<Draft>(undefined);
  const [problem, setProblem] = useState<Problem | null>(null);
  const sayRef = useRef<HTMLParagraphElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const step = currentStep(script, state);
  const outcome = useScriptOutcome(script, state, context, { runId, caseDraftId: resume?.caseDraftId ?? null, resumedAt });
  const { rememberScript } = contact;
  const caseDraftId = outcome.caseDraft?.id ?? null;

  // Kept with the contact at every step, so coming back to the Scripts place finds the run here.
  useEffect(() => rememberScript({ scriptId: script.id, state, runId, caseDraftId }), [rememberScript, script.id, state, runId, caseDraftId]);

  const moveTo = useCallback((next: RunState) => {
    setState(next);
    setDraft(undefined);
    setProblem(null);
  }, []);

  // Starting a script, and every new question, takes the agent's focus (and a screen reader) to
  // it, or to the title when the step has nothing to say: before the browser paints, so a key
  // pressed straight after Enter (a number choosing the next answer) is never lost.
  useLayoutEffect(() => (sayRef.current ?? titleRef.current)?.focus(), [state]);

  const submit = useCallback(
    (value: unknown, goOnAnyway = false) => {
      const result = submitAnswer(script, state, value, context, { goOnAnyway });
      if (result.ok) moveTo(result.state);
      else setProblem({ message: result.message, late: result.late !== undefined });
    },
    [context, moveTo, script, state],
  );

  // Look-ups run by themselves; the script takes its "unavailable" branch if the back office cannot answer.
  const accessId = resident?.accessId ?? null;
  useEffect(() => {
    if (step.type !== 'lookup') return;
    let live = true;
    const address = state.path.map((entry) => entry.answer).find((answer): answer is { line1: string; postcode: string } => typeof answer === 'object' && answer !== null && 'postcode' in answer);
    void bridge.scripts.lookup({ query: step.query, accessId, postcode: address?.postcode ?? null, service: script.service }).then((result) => {
      if (!live) return;
      submit(result.ok ? result.value : { available: false });
    });
    return () => {
      live = false;
    };
  }, [accessId, bridge, script.service, state, step, submit]);

  const back = () => {
    void outcome.undo();
    moveTo(goBack(state));
  };
  const restart = () => {
    void outcome.undo();
    moveTo(restartRun(script, context));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const typing = isTypingTarget(event.target);
    const choices = step.type === 'ask' ? numberKeyChoices(step.input) : null;
    if (choices && !typing && /^[1-9]$/.test(event.key)) {
      const choice = choices[Number(event.key) - 1];
      if (choice !== undefined) {
        event.preventDefault();
        setDraft(choice);
        setProblem(null);
      }
    } else if (event.key === 'Enter' && !(event.target instanceof HTMLTextAreaElement) && !(event.target instanceof HTMLButtonElement) && step.type !== 'outcome') {
      event.preventDefault();
      submit(draft);
    } else if (event.key === 'Backspace' && !typing && canGoBack(state)) {
      event.preventDefault();
      back();
    }
  };

  const { done, remaining } = progress(script, state, context);
  const standard = clock.find(script.serviceStandard);
  const dueToday = clock.dueOn(script.serviceStandard);
  const said = sayText(script, state, context);
  const guidance = sayText(script, state, context, 'guidance');

  return (
    <Paper component="section" aria-labelledby="runner-title" variant="outlined" sx={{ p: { xs: 2, md: 3 } }} onKeyDown={onKeyDown}>
      <Typography id="runner-title" ref={titleRef} tabIndex={-1} component="h2" variant="h5" gutterBottom>
        {script.title}
      </Typography>
      {standard && dueToday && (
        <Typography sx={{ mb: 1 }} data-testid="runner-standard">
          {t('runner.standard', { name: standard.name, date: longDate(dueToday) })}
        </Typography>
      )}
      {context.identityChecked && state.path.some((entry) => entry.auto) && (
        <Typography variant="body2" sx={{ mb: 1 }} data-testid="runner-identity-skipped">
          {t('runner.identityAlreadyChecked')}
        </Typography>
      )}
      <LinearProgress variant="determinate" value={step.type === 'outcome' ? 100 : (100 * done) / (done + remaining)} aria-label={t('runner.progressLabel')} sx={{ mb: 0.5 }} />
      <Typography variant="body2" sx={{ mb: 2 }} data-testid="runner-progress">
        {step.type === 'outcome' ? t('runner.finished') : t('runner.progress', { step: done + 1, total: done + remaining })}
      </Typography>

      {said && (
        <Typography id="runner-say" ref={sayRef} tabIndex={-1} sx={{ fontSize: '1.25rem', fontWeight: 600, mb: 2 }}>
          {said}
        </Typography>
      )}
      {guidance && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {guidance}
        </Alert>
      )}

      {step.type === 'ask' && <AnswerField input={step.input} value={draft} error={problem?.message ?? null} today={today} onChange={(value) => (setDraft(value), setProblem(null))} />}
      {step.type === 'lookup' && <Typography role="status">{t('runner.checking')}</Typography>}
      {step.type === 'outcome' && <OutcomePanel outcome={step.outcome} script={script} state={state} context={context} caseDraft={outcome.caseDraft} />}
      {problem && (
        <Alert id="answer-error" severity={problem.late ? 'warning' : 'error'} sx={{ mt: 2 }} role="alert" data-testid={problem.late ? 'answer-flagged' : 'answer-error'}>
          {problem.message}
          {problem.late && (
            <Box sx={{ mt: 1 }}>
              <Button variant="outlined" onClick={() => submit(draft, true)}>
                {t('runner.goOnAnyway')}
              </Button>
            </Box>
          )}
        </Alert>
      )}

      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 3 }}>
        {step.type !== 'outcome' && (
          <Button variant="contained" onClick={() => submit(draft)} disabled={step.type === 'lookup'}>
            {t('runner.continue')}
          </Button>
        )}
        <Button variant="outlined" onClick={back} disabled={!canGoBack(state)}>
          {t('runner.back')}
        </Button>
        <Button variant="outlined" onClick={restart}>
          {t('runner.restart')}
        </Button>
        <Button variant="text" onClick={onClose}>
          {t('runner.close')}
        </Button>
      </Box>
    </Paper>
  );
}
