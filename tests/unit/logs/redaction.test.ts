import { describe, expect, it } from 'vitest';
import { BackOfficeError } from '../../../main/core/back-office/errors';
import { createConsoleLog } from '../../../main/core/log';
import { describeError } from '../../../main/core/logs/describe-error';
import { LEFT_OUT, loggableDetails, redactText } from '../../../main/core/logs/redaction';

// Shaped like what the identity stand-in issues: a signed JWT and a 48-byte opaque refresh token.
const JWT = 'eyJhbGciOiJSUzI1NiIsImtpZCI6InRyYWluaW5nIn0.eyJvaWQiOiIxMjMiLCJuYW1lIjoiSmFuZSJ9.Q2hlY2tpbmdUaGVTaWduYXR1cmVJc0Fsc29Hb25lXzEyMw';
const REFRESH = 'Xq3vN8k2Lw9bT1mZ7pR4sY6cH0dJ5fG2aU8eK3iO9nB1xV7qW4tE6rS0yD2gF5hJ';

describe('redacting a line', () => {
  it.each([
    ['Authorization: Bearer ' + JWT, 'Authorization: Bearer [token]', JWT],
    ['the token was ' + JWT + ' and then', 'the token was [token] and then', JWT],
    ['grant_type=refresh_token&refresh_token=0.AXEA' + REFRESH + '&client_id=abc', 'grant_type=refresh_token&refresh_token=[token]&client_id=abc', REFRESH],
    ['kept ' + REFRESH + ' in the cache', 'kept [token] in the cache', REFRESH],
    ['No contact with emailaddress1 jane.okafor-smith@example.org', 'No contact with emailaddress1 [email]', 'jane.okafor'],
    ['/users/jane.smith%40example.org/presence', '/users/[email]/presence', 'jane.smith'],
    ['rang from 07700 900123 today', 'rang from [phone] today', '900123'],
    ['landline 020 7946 0123.', 'landline [phone].', '7946'],
    ['+44 20 7946 0123', '[phone]', '7946'],
    ['+44 (0)7700 900123', '[phone]', '900123'],
    ['(020) 7946 0123', '[phone]', '7946'],
    ['tel:02079460123', 'tel:[phone]', '02079460123'],
    ['lives at SE17 2DW', 'lives at [postcode]', 'SE17'],
    ['postcode se172dw', 'postcode [postcode]', 'se172dw'],
    ['born 1985-03-12', 'born [date]', '1985'],
    ['birthdate 1985-03-12T00:00:00Z', 'birthdate [date]', '1985'],
    ['said 12/03/1985', 'said [date]', '1985'],
    ['said 12.3.85', 'said [date]', '12.3.85'],
    ['said 12th March 1985', 'said [date]', 'March'],
    ['said 12 of Mar 85', 'said [date]', 'Mar'],
    ['said March 12, 1985', 'said [date]', 'March'],
    ['Flat C, 111 Walworth Road', '[address] [address]', 'Walworth'],
    ['at 14a Bradenham Court', 'at [address]', 'Bradenham'],
    ["GET /api/data/v9.2/contacts?$filter=contains(fullname,'Jane Okafor')&$top=5", 'GET /api/data/v9.2/contacts?$filter=[left out]&$top=5', 'Okafor'],
    ['/users?$search="displayName:Jane Okafor"&$top=5', '/users?$search=[left out]&$top=5', 'Okafor'],
    ['at send (C:\\Users\\jane.okafor\\AppData\\Local\\Programs\\CivicDesk\\resources\\app.asar\\out\\main\\index.js:1:2345)', 'at send (~\\AppData\\Local\\Programs\\CivicDesk\\resources\\app.asar\\out\\main\\index.js:1:2345)', 'okafor'],
    ['stopped writing its log file in /home/jokafor/.config/CivicDesk/logs', 'stopped writing its log file in ~/.config/CivicDesk/logs', 'jokafor'],
  ])('%s', (input, expected, gone) => {
    const redacted = redactText(input);
    expect(redacted).toBe(expected);
    expect(redacted.toLowerCase()).not.toContain(gone.toLowerCase());
  });

  it('leaves what the service desk needs: ids, times, codes and where in the code', () => {
    const kept = [
      'case 3f2504e0-4f89-41d3-9a0c-0305e82c3301 sent',
      'client 00000000-0000-4000-8000-00000000c1d0',
      'at 2026-12-04T10:41:07.123Z',
      'Dataverse said 0x80040217 with status 503 after 5000 ms',
      'at readRow (/work/main/main/core/back-office/dataverse/context.ts:44:11)',
      'at file:///C:/Program%20Files/CivicDesk/resources/app.asar/out/main/index.js:1:23456',
      '@azure/msal-node@3.8.1 : Error - interaction_in_progress',
      'call failed',
    ];
    for (const text of kept) expect(redactText(text)).toBe(text);
  });
});

describe('the details of a log line', () => {
  it('keeps only the keys a log may carry, and says where something was left out', () => {
    const details = loggableDetails({ caseId: 'c1', status: 503, count: 2, residentName: 'Jane Okafor', email: 'jane@example.org', dateOfBirth: '1985-03-12', residentId: 'r1', token: REFRESH });
    expect(details).toEqual({ caseId: 'c1', status: 503, count: 2, residentName: LEFT_OUT, email: LEFT_OUT, dateOfBirth: LEFT_OUT, residentId: LEFT_OUT, token: LEFT_OUT });
  });

  it('checks nested details the same way, and redacts allowed free text', () => {
    const details = loggableDetails({ problem: { script: 'missed-bin', name: 'Jane Okafor', message: 'Call 07700 900123' }, reason: ['ok', 'jane@example.org'] });
    expect(details).toEqual({ problem: { script: 'missed-bin', name: LEFT_OUT, message: 'Call [phone]' }, reason: ['ok', '[email]'] });
  });

  it('logs an error from the back office by its kind, status and code, never its words', () => {
    const refused = new BackOfficeError('rejected', { status: 400, code: '0x80040217', detail: "contact with emailaddress1 'jane@example.org' does not exist" });
    const described = describeError(refused);
    expect(described).toMatchObject({ error: 'BackOfficeError', status: 400, code: '0x80040217', failure: 'rejected' });
    expect(described.message).toBeUndefined();
    expect(JSON.stringify(described)).not.toContain('jane');
    expect(described.frames?.[0]).toMatch(/^at /);
  });

  it('logs a Graph error by its status and code, and a parse error without the text it could not read', () => {
    const graph = Object.assign(new Error("Invalid filter clause: displayName eq 'Jane Okafor'"), { name: 'GraphError', statusCode: 400, code: 'BadRequest' });
    expect(describeError(graph)).toMatchObject({ error: 'GraphError', status: 400, code: 'BadRequest' });
    expect(JSON.stringify(describeError(graph))).not.toContain('Okafor');
    let parseError: unknown;
    try {
      JSON.parse('Jane Okafor, 12 Walworth Road');
    } catch (error) {
      parseError = error;
    }
    expect(JSON.stringify(describeError(parseError))).not.toContain('Okafor');
  });

  it('keeps the message of a fault in our own code, which names code rather than data', () => {
    const fault = new TypeError("Cannot read properties of undefined (reading 'accessId')");
    expect(describeError(fault)).toMatchObject({ error: 'TypeError', message: "Cannot read properties of undefined (reading 'accessId')" });
  });
});

describe('the log itself', () => {
  it('writes one JSON line with the message redacted, the details checked and errors described', () => {
    const lines: string[] = [];
    const log = createConsoleLog((line) => lines.push(line), () => new Date('2026-12-04T10:00:00Z'));
    log.error('call failed for jane@example.org', { call: 'cases.submit', residentName: 'Jane Okafor', error: new Error(`Bearer ${JWT} refused for Jane Okafor`) });
    log.info('signed in');
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(first).toMatchObject({ at: '2026-12-04T10:00:00.000Z', level: 'error', message: 'call failed for [email]', details: { call: 'cases.submit', residentName: LEFT_OUT, error: { error: 'Error' } } });
    expect(lines[0]).not.toMatch(/Okafor|eyJ/);
    expect(JSON.parse(lines[1] as string)).toEqual({ at: '2026-12-04T10:00:00.000Z', level: 'info', message: 'signed in' });
  });
});
