import type { Interaction, WrapUpDraft } from '../../shared/domain/interaction';

/** The wrap-up as the agent fills it in: kept on the contact as it is typed. */
export type WrapUpForm = WrapUpDraft;

const DISPOSITION_FOR = { 'create-case': 'case-raised', emergency: 'emergency', signpost: 'signposted-online', resolved: 'resolved-info', transfer: 'transferred' } as const;

/**
 * A starting point from what the scripts recorded, so the agent confirms rather than types:
 * the last outcome suggests the disposition, and an online route shown counts as offered.
 * First-contact resolution is never guessed: the agent says.
 */
export function suggestWrapUp(interaction: Pick<Interaction, 'outcomes' | 'wrapUpDraft'>): WrapUpForm {
  // A wrap-up already begun (before a reload) comes back exactly as it was left.
  if (interaction.wrapUpDraft) return interaction.wrapUpDraft;
  const last = interaction.outcomes.at(-1);
  const offered = interaction.outcomes.some((outcome) => outcome.onlineRoute !== null);
  return {
    disposition: last ? DISPOSITION_FOR[last.kind] : '',
    resolvedAtFirstContact: null,
    couldHaveBeenOnline: null,
    onlineRouteOffered: offered ? true : null,
    feedbackOffered: null,
    feedback: null,
    notes: '',
    incompleteReason: '',
  };
}

/** The answers a complete wrap-up needs and does not yet have. */
export function missingWrapUpAnswers(form: WrapUpForm): (keyof WrapUpForm)[] {
  const missing: (keyof WrapUpForm)[] = [];
  if (!form.disposition) missing.push('disposition');
  if (form.resolvedAtFirstContact === null) missing.push('resolvedAtFirstContact');
  if (form.couldHaveBeenOnline === null) missing.push('couldHaveBeenOnline');
  if (form.onlineRouteOffered === null) missing.push('onlineRouteOffered');
  if (form.feedbackOffered === null) missing.push('feedbackOffered');
  if (form.feedbackOffered && form.feedback === null) missing.push('feedback');
  return missing;
}
