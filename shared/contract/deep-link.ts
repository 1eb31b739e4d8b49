/**
 * What a `civicdesk://` link asks for, once parsed and validated in the main process.
 * Softphones send `civicdesk://call?cli=...&queue=...&waited=SECONDS` when a call is answered;
 * Teams messages carry `civicdesk://case/<id>` back to a case.
 */
export type DeepLink =
  | { kind: 'call'; callerNumber: string | null; queue: string | null; waitedSeconds: number | null }
  | { kind: 'case'; caseId: string };
