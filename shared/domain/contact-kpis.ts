import { ANSWER_TARGET_SECONDS, type Interaction } from './interaction';

/** The contact-centre measures the council reports, over wrapped-up contacts. */
export interface ContactKpis {
  calls: number;
  /** Percentages, whole numbers; null when nothing to measure yet. */
  firstContactResolution: number | null;
  answeredWithinTarget: number | null;
  onlineRouteOffered: number | null;
  averageAfterCallWorkSeconds: number | null;
  incompleteWrapUps: number;
}

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((100 * part) / whole));

export function contactKpis(interactions: readonly Interaction[]): ContactKpis {
  const wrapped = interactions.filter((each) => each.status === 'done' && each.wrapUp !== null);
  const complete = wrapped.filter((each) => each.wrapUp?.incompleteReason === null);
  // Answer time is known only for calls that came through the softphone with a wait time.
  const timed = wrapped.filter((each) => each.waitedSeconds !== null);
  const acw = wrapped.map((each) => each.wrapUp?.afterCallWorkSeconds ?? 0);
  return {
    calls: wrapped.length,
    // Incomplete wrap-ups did not say, so they count in neither direction.
    firstContactResolution: percent(complete.filter((each) => each.wrapUp?.resolvedAtFirstContact).length, complete.length),
    answeredWithinTarget: percent(timed.filter((each) => (each.waitedSeconds ?? Infinity) <= ANSWER_TARGET_SECONDS).length, timed.length),
    onlineRouteOffered: percent(complete.filter((each) => each.wrapUp?.onlineRouteOffered).length, complete.length),
    averageAfterCallWorkSeconds: acw.length === 0 ? null : Math.round(acw.reduce((sum, each) => sum + each, 0) / acw.length),
    incompleteWrapUps: wrapped.length - complete.length,
  };
}
