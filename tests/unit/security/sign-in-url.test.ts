import { describe, expect, it } from 'vitest';
import { checkSignInUrl } from '../../../main/core/security/sign-in-url';

const authority = 'https://login.microsoftonline.com/8a1b2c3d-0000-4000-8000-000000000001';
const pkce = 'response_type=code&code_challenge=abc&code_challenge_method=S256&client_id=x';

describe('the sign-in page gate', () => {
  it('opens the authority\'s own authorize page asking for a code with PKCE', () => {
    const url = `${authority}/oauth2/v2.0/authorize?${pkce}`;
    expect(checkSignInUrl(url, authority)).toEqual({ ok: true, url });
  });

  it('refuses another host, a look-alike path, plain http and a page without PKCE', () => {
    expect(checkSignInUrl(`https://evil.example/8a1b2c3d-0000-4000-8000-000000000001/oauth2/v2.0/authorize?${pkce}`, authority)).toMatchObject({ ok: false, reason: 'evil.example is not the council\'s sign-in service.' });
    expect(checkSignInUrl(`https://login.microsoftonline.com/common/oauth2/v2.0/authorize?${pkce}`, authority).ok).toBe(false);
    expect(checkSignInUrl(`${authority}-evil/oauth2/v2.0/authorize?${pkce}`, authority).ok).toBe(false);
    expect(checkSignInUrl(`http://login.microsoftonline.com/8a1b2c3d-0000-4000-8000-000000000001/oauth2/v2.0/authorize?${pkce}`, authority)).toMatchObject({ ok: false, reason: 'CivicDesk only signs in over https.' });
    expect(checkSignInUrl(`${authority}/oauth2/v2.0/authorize?response_type=token&client_id=x`, authority).ok).toBe(false);
    expect(checkSignInUrl('not a url', authority)).toMatchObject({ ok: false });
  });
});
