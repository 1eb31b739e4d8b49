import type { ReadinessCheck } from '../../../shared/contract/tenant-readiness';

export type { ReadinessCheck };

export const passed = (id: string, title: string, detail: string): ReadinessCheck => ({ id, title, ok: true, detail, fix: '' });
export const failed = (id: string, title: string, detail: string, fix: string): ReadinessCheck => ({ id, title, ok: false, detail, fix });
export const notChecked = (id: string, title: string, detail: string, fix: string): ReadinessCheck => ({ id, title, ok: 'unknown', detail, fix });

/** All green: every check ran and passed. */
export const allPassed = (checks: readonly ReadinessCheck[]): boolean => checks.length > 0 && checks.every((check) => check.ok === true);
