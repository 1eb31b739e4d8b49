/**
 * How long CivicDesk keeps what it holds about residents on a computer (UK GDPR Article
 * 5(1)(e): no longer than the purpose needs). The council sets it in the deployment file;
 * these are the defaults. Dataverse is the system of record: a copy here exists only to ride
 * out an outage or to show the officer what they did.
 */
export interface RetentionRule {
  /** A resident's 360 view kept for offline reading: a long outage over a weekend. */
  snapshotDays: number;
  /** A case or contact after Dataverse confirmed it: long enough to answer "did my case go?". */
  sentDays: number;
  /** The sync log (what was sent when, and why something was refused). */
  syncLogDays: number;
}

export const DEFAULT_RETENTION: RetentionRule = { snapshotDays: 7, sentDays: 30, syncLogDays: 90 };
