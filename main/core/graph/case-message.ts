import type { CaseSummaryPart } from '../config/deployment-config';
import type { CaseForColleagues } from '../../../shared/contract/microsoft365';
import { londonClock } from '../../../shared/london-time';

/** How long a message may wait in the outbox before it is marked as sent late. */
export const LATE_AFTER_MS = 2 * 60_000;

export interface CaseMessageInput {
  messageId: string;
  writtenAt: string;
  case: CaseForColleagues;
  note: string;
  /** The council's policy: which parts of the case a message may carry. */
  includes: readonly CaseSummaryPart[];
  now: Date;
}

export interface CaseMessage {
  /** For a channel post's subject line. */
  subject: string;
  html: string;
  late: boolean;
}

const LABELS: Record<CaseSummaryPart, string> = {
  reference: 'Case',
  service: 'Service',
  category: 'Category',
  priority: 'Priority',
  dueOn: 'Due',
  summary: 'Summary',
  description: 'Description',
  residentReference: 'Resident reference',
};

const PRIORITY: Record<CaseForColleagues['priority'], string> = { emergency: 'Emergency', urgent: 'Urgent', routine: 'Routine' };

/** The line that lets CivicDesk find its own message again, so a resend never posts twice. */
export function messageMarker(messageId: string): string {
  return `CivicDesk message ${messageId}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** What a case is called in a chat topic or link: its reference when the policy lets it be shown. */
export function caseName(item: CaseForColleagues, includes: readonly CaseSummaryPart[]): string {
  return includes.includes('reference') && item.reference ? item.reference : item.caseId.slice(0, 8);
}

function partValue(item: CaseForColleagues, part: CaseSummaryPart): string | null {
  switch (part) {
    case 'service':
      return item.serviceName;
    case 'priority':
      return PRIORITY[item.priority];
    case 'dueOn':
      return item.dueOn ? new Date(`${item.dueOn}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : null;
    default: {
      const value = item[part];
      return value ? value : null;
    }
  }
}

/**
 * The Teams message about a case: the officer's words first, then only the case parts the
 * council allows, a link back into CivicDesk and the marker. The input never carries the
 * resident's name, address or phone, so no setting can leak them. Everything typed is escaped.
 */
export function buildCaseMessage(input: CaseMessageInput): CaseMessage {
  const item = input.case;
  const lines: string[] = [`<p>${escapeHtml(input.note).replace(/\r?\n/g, '<br>')}</p>`];
  const facts = input.includes
    .map((part) => [part, partValue(item, part)] as const)
    .filter((entry): entry is readonly [CaseSummaryPart, string] => entry[1] !== null)
    .map(([part, value]) => `<li><b>${LABELS[part]}:</b> ${escapeHtml(value).replace(/\r?\n/g, '<br>')}</li>`);
  if (facts.length > 0) lines.push(`<ul>${facts.join('')}</ul>`);
  const name = caseName(item, input.includes);
  lines.push(`<p><a href="civicdesk://case/${encodeURIComponent(item.caseId)}">Open case ${escapeHtml(name)} in CivicDesk</a></p>`);
  const written = new Date(input.writtenAt);
  const late = input.now.getTime() - written.getTime() > LATE_AFTER_MS;
  if (late) {
    lines.push(`<p><i>Sent late: written at ${londonClock(written)}, sent at ${londonClock(input.now)} when CivicDesk was back online.</i></p>`);
  }
  lines.push(`<p><small>${messageMarker(input.messageId)}</small></p>`);
  const subject = includes(input.includes, 'service') ? `Case ${name}: ${item.serviceName}` : `Case ${name}`;
  return { subject, html: lines.join('\n'), late };
}

function includes(parts: readonly CaseSummaryPart[], part: CaseSummaryPart): boolean {
  return parts.includes(part);
}

/** Chat HTML as plain text for the renderer: tags out, entities decoded, never rendered as HTML. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
