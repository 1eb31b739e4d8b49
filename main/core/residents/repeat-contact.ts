import type { ResidentView } from '../../../shared/contract/residents';
import type { ServiceCase } from '../../../shared/domain/case';
import type { ContactRecord } from '../../../shared/domain/contact';

const WINDOW_DAYS = 14;

/**
 * A resident who has contacted the council about the same service in the last 14 days is
 * probably chasing: the agent should see that before the resident has to say it.
 */
export function repeatContact(contacts: readonly ContactRecord[], cases: readonly ServiceCase[], now: Date): ResidentView['repeatContact'] {
  const since = now.getTime() - WINDOW_DAYS * 24 * 60 * 60 * 1000;
  const serviceOf = new Map(cases.map((each) => [each.id, each.service]));
  const counts = new Map<string, number>();
  for (const contact of contacts) {
    if (Date.parse(contact.occurredAt) < since || !contact.caseId) continue;
    const service = serviceOf.get(contact.caseId);
    if (service) counts.set(service, (counts.get(service) ?? 0) + 1);
  }
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return top ? { service: top[0], times: top[1] } : null;
}
