import type { CaseForColleagues } from '../../shared/contract/microsoft365';
import type { SubmittedCase } from '../../shared/domain/case-sync';

/**
 * What CivicDesk may say about a case when asking colleagues. Main decides which parts go into
 * the message, by the council's summary policy; the resident appears only by reference.
 */
export function caseForColleagues(submitted: SubmittedCase, names: { service: string; category: string }): CaseForColleagues {
  const { content } = submitted;
  return {
    caseId: submitted.id,
    reference: submitted.reference ? submitted.reference.slice(0, 40) : null,
    service: content.service,
    // Colleagues read words, not codes: "Waste and recycling", "Missed bin collection".
    serviceName: (names.service.charAt(0).toUpperCase() + names.service.slice(1)).slice(0, 120) || content.service,
    category: names.category.slice(0, 120),
    priority: content.priority,
    dueOn: content.serviceStandard ? content.dueOn : null,
    summary: content.summary.slice(0, 200),
    description: content.description.slice(0, 10_000),
    residentReference: content.residentId ? content.residentId.slice(0, 64) : null,
  };
}
