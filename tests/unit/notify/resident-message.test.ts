import { describe, expect, it } from 'vitest';
import { emailAddress, fillTemplate, placeholdersOf, recordRecipient, templateFor, ukMobile, type MessageTemplate } from '../../../shared/domain/resident-message';

const resident = (overrides: { smsConsent?: boolean; emailConsent?: boolean; phones?: { kind: 'mobile' | 'landline'; number: string }[]; email?: string }) => ({
  contact: { phones: overrides.phones ?? [{ kind: 'landline' as const, number: '020 7946 0123' }, { kind: 'mobile' as const, number: '07700 900123' }], ...(overrides.email === undefined ? {} : { email: overrides.email }) },
  preferences: { preferredChannel: 'sms' as const, smsConsent: overrides.smsConsent ?? true, emailConsent: overrides.emailConsent ?? true, recordedOn: '2026-01-01' },
});

const template = (purpose: MessageTemplate['purpose'], channel: MessageTemplate['channel'], language: string): MessageTemplate => ({ purpose, channel, language, templateId: `${purpose}-${channel}-${language}`, version: 1, subject: null, body: '' });

describe('texts and emails to residents: who they may go to, and the words they carry', () => {
  it('texts the mobile on the record only when the resident agreed to texts, and says why not otherwise', () => {
    expect(recordRecipient(resident({}), 'sms')).toEqual({ to: '07700 900123' });
    expect(recordRecipient(resident({ smsConsent: false }), 'sms')).toEqual({ refused: expect.stringContaining('has not agreed to texts') });
    // A landline is not a number to text, whatever they agreed.
    expect(recordRecipient(resident({ phones: [{ kind: 'landline', number: '020 7946 0123' }] }), 'sms')).toEqual({ refused: expect.stringContaining('no mobile number') });
  });

  it('emails the address on the record only with email consent', () => {
    expect(recordRecipient(resident({ email: 'ada@example.org' }), 'email')).toEqual({ to: 'ada@example.org' });
    expect(recordRecipient(resident({ email: 'ada@example.org', emailConsent: false }), 'email')).toEqual({ refused: expect.stringContaining('has not agreed to emails') });
    expect(recordRecipient(resident({}), 'email')).toEqual({ refused: expect.stringContaining('no email address') });
  });

  it('takes a UK mobile as people write it, and nothing else', () => {
    expect(ukMobile('07700 900123')).toBe('07700900123');
    expect(ukMobile('+44 7700 900123')).toBe('07700900123');
    expect(ukMobile('447700900123')).toBe('07700900123');
    expect(ukMobile('020 7946 0123')).toBeNull();
    expect(ukMobile('0770090012')).toBeNull();
    expect(emailAddress(' ada@example.org ')).toBe('ada@example.org');
    expect(emailAddress('ada@example')).toBeNull();
    expect(emailAddress('ada example.org')).toBeNull();
  });

  it('fills ((placeholders)) as Notify does, names not case-sensitive, and says which are missing', () => {
    const body = 'Southwark Council: ((Service)) online at ((link)).((urgent??  Please do it today.))';
    expect(placeholdersOf({ subject: null, body })).toEqual(['service', 'link']);
    expect(fillTemplate({ subject: null, body }, { service: 'Report a missed bin', link: 'https://www.southwark.gov.uk/bins' })).toEqual({
      subject: null,
      body: 'Southwark Council: Report a missed bin online at https://www.southwark.gov.uk/bins.',
      missing: [],
    });
    expect(fillTemplate({ subject: null, body }, { service: 'x', link: 'y', urgent: 'yes' }).body).toContain('Please do it today.');
    expect(fillTemplate({ subject: 'Your ((service))', body }, { service: 'x', link: ' ' })).toMatchObject({ subject: 'Your x', missing: ['link'] });
  });

  it('chooses the template in the resident’s language, else its base language, else English', () => {
    const templates = [template('online-link', 'sms', 'en'), template('online-link', 'sms', 'es'), template('online-link', 'email', 'en'), template('case-reference', 'sms', 'pt')];
    expect(templateFor(templates, 'online-link', 'sms', 'es')?.templateId).toBe('online-link-sms-es');
    expect(templateFor(templates, 'online-link', 'sms', 'es-419')?.templateId).toBe('online-link-sms-es');
    expect(templateFor(templates, 'online-link', 'email', 'es')?.templateId).toBe('online-link-email-en');
    expect(templateFor(templates, 'online-link', 'sms', 'ti')?.templateId).toBe('online-link-sms-en');
    expect(templateFor(templates, 'case-reference', 'sms', 'en')).toBeNull();
  });
});
