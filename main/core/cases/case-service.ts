import type { CaseSendResult, CaseSubmission, CaseTextLengths, CaseUpdate, CaseUpdateResult, Reachability } from '../../../shared/contract/cases';
import type { StaffUser } from '../../../shared/domain/staff';
import type { CaseBackOffice } from '../back-office/port';
import { NotPossible } from '../ipc/router';

export interface CaseServiceDeps {
  /** The back office, or null while nobody is signed in (live mode). */
  caseOffice: () => Promise<CaseBackOffice | null>;
  /** Who is signed in: the captured-by on every case comes from here, never from the renderer. */
  user: () => StaffUser | null;
  /** The council's attachment size limit, in bytes. */
  maxAttachmentBytes: number;
}

const SIGN_IN = 'Sign in to send cases.';

/** The size of the file a base64 string holds, without decoding it. */
export function decodedBytes(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

function megabytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} MB`;
}

/** Plain English for the first attachment over the limit, or null when all fit. */
function oversized(submission: CaseSubmission, limit: number): string | null {
  for (const attachment of submission.attachments) {
    const size = decodedBytes(attachment.base64);
    if (size > limit) {
      return `“${attachment.fileName}” is ${megabytes(size)}; the largest file the council accepts is ${megabytes(limit)}. Remove it or attach a smaller copy, then send the case again.`;
    }
  }
  return null;
}

/**
 * Sending cases from the renderer's outbox, changing sent cases, and checking the back
 * office answers. Files over the council's limit are turned down here, before anything is
 * sent, and the other cases in the same call still go.
 */
export function createCaseService(deps: CaseServiceDeps) {
  const office = async () => {
    const caseOffice = await deps.caseOffice();
    if (!caseOffice) throw new NotPossible(SIGN_IN);
    return caseOffice;
  };
  const staff = () => {
    const user = deps.user();
    if (!user) throw new NotPossible(SIGN_IN);
    return user;
  };

  return {
    async submit(cases: readonly CaseSubmission[]): Promise<CaseSendResult[]> {
      const user = staff();
      const caseOffice = await office();
      const refused = new Map<string, CaseSendResult>();
      const toSend: CaseSubmission[] = [];
      for (const submission of cases) {
        const problem = oversized(submission, deps.maxAttachmentBytes);
        if (problem) refused.set(submission.id, { id: submission.id, result: 'rejected', problem, code: null });
        else if (!refused.has(submission.id)) toSend.push(submission);
      }
      const sent = toSend.length > 0 ? await caseOffice.submitCases(toSend, { staffId: user.id }) : [];
      const answers = new Map(sent.map((result) => [result.id, result]));
      const ids = [...new Set(cases.map((each) => each.id))];
      return ids.map((id) => refused.get(id) ?? answers.get(id) ?? { id, result: 'retry', afterMs: 5_000, problem: 'The case was not sent. CivicDesk will try again.' });
    },
    async update(update: CaseUpdate): Promise<CaseUpdateResult> {
      staff();
      return (await office()).updateCase(update);
    },
    async reachability(): Promise<Reachability> {
      staff();
      return (await office()).reachability();
    },
    async textLengths(): Promise<CaseTextLengths> {
      staff();
      return (await office()).caseTextLengths();
    },
  };
}
