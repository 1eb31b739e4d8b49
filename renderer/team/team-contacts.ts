import type { TeamContact } from '../../shared/domain/team-measures';
import type { FigureTableData } from './figure-table';
import { duration, languageName, serviceName } from './team-figures';

type Translate = (key: string, values?: Record<string, unknown>) => string;

const when = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** Contacts as a team leader reads them (and exports them): nothing about who the resident was. */
export function contactsTable(contacts: readonly TeamContact[], t: Translate, title: string, dispositionLabel: (code: string) => string): FigureTableData {
  const yesNo = (value: boolean | null) => (value === null ? t('team.notSaid') : value ? t('team.yes') : t('team.no'));
  return {
    title,
    columns: [
      t('team.column.when'),
      t('team.column.officer'),
      t('team.column.channel'),
      t('team.column.queue'),
      t('team.column.service'),
      t('team.column.wait'),
      t('team.column.handle'),
      t('team.column.outcome'),
      t('team.column.resolved'),
      t('team.column.contactedAgain'),
      t('team.column.feedback'),
      t('team.column.interpreter'),
      t('team.column.identified'),
    ],
    rows: contacts.map((contact) => [
      when.format(new Date(contact.answeredAt)),
      contact.staffName,
      t(`team.channel.${contact.channel}`),
      contact.queue,
      serviceName(contact.service, t),
      contact.waitSeconds === null ? null : duration(contact.waitSeconds, t),
      contact.handleSeconds === null ? null : duration(contact.handleSeconds, t),
      contact.disposition ? dispositionLabel(contact.disposition) : t('team.notSaid'),
      yesNo(contact.resolvedAtFirstContact),
      contact.contactedAgain ? t('team.yes') : t('team.no'),
      contact.feedback ? t(`team.rating.${contact.feedback}`) : null,
      contact.interpreterLanguage ? languageName(contact.interpreterLanguage) : null,
      contact.identified ? t('team.yes') : t('team.no'),
    ]),
  };
}
