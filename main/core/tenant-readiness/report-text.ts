import type { ReadinessCheck } from './check';

const MARK = { true: '✓', false: '✗', unknown: '?' } as const;

/** The report as `npm run tenant:check` prints it: a line per check, and the fix under each that did not pass. */
export function reportText(checks: readonly ReadinessCheck[]): string {
  const lines = checks.flatMap((check) => [`${MARK[String(check.ok) as keyof typeof MARK]} ${check.title}: ${check.detail}`, ...(check.ok === true ? [] : [`    Fix: ${check.fix}`])]);
  const passedCount = checks.filter((check) => check.ok === true).length;
  const failedCount = checks.filter((check) => check.ok === false).length;
  const unknownCount = checks.length - passedCount - failedCount;
  const summary = failedCount === 0 && unknownCount === 0 ? `All ${checks.length} checks passed: this tenant is ready for CivicDesk.` : `${passedCount} of ${checks.length} checks passed, ${failedCount} failed${unknownCount ? `, ${unknownCount} could not be checked` : ''}.`;
  return [...lines, '', summary].join('\n');
}
