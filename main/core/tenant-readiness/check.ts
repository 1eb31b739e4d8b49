/**
 * One line of the readiness report: what was checked, whether it holds, and what an
 * administrator does about it. `unknown` is for a check that could not be made because an
 * earlier one failed (no sign-in, no token): it is neither passed nor blamed.
 */
export interface ReadinessCheck {
  id: string;
  title: string;
  ok: boolean | 'unknown';
  detail: string;
  /** What to do, in plain English; empty when the check passed. */
  fix: string;
}

export const passed = (id: string, title: string, detail: string): ReadinessCheck => ({ id, title, ok: true, detail, fix: '' });
export const failed = (id: string, title: string, detail: string, fix: string): ReadinessCheck => ({ id, title, ok: false, detail, fix });
export const notChecked = (id: string, title: string, detail: string, fix: string): ReadinessCheck => ({ id, title, ok: 'unknown', detail, fix });

/** All green: every check ran and passed. */
export const allPassed = (checks: readonly ReadinessCheck[]): boolean => checks.length > 0 && checks.every((check) => check.ok === true);
