/**
 * One line of the tenant readiness report: what was checked, whether it holds, and what an
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

export interface TenantReadiness {
  /** Which tenant was checked: the training tenant's stand-ins, or the council's own. */
  tenant: 'training' | 'live';
  checks: ReadinessCheck[];
  /** Every check ran and passed. */
  ready: boolean;
}
