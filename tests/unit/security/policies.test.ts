import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppFile } from '../../../main/core/security/app-files';
import { contentSecurityPolicy } from '../../../main/core/security/csp';
import { checkExternalUrl } from '../../../main/core/security/external-url';
import { decideWindowOpen, isNavigationAllowed } from '../../../main/core/security/navigation';
import { decidePermission } from '../../../main/core/security/permissions';
import { isTrustedSender } from '../../../main/core/security/sender';
import { keepsDefaultMenu, lockedWebPreferences } from '../../../main/core/security/web-preferences';

describe('webPreferences', () => {
  it('locks every window down', () => {
    expect(lockedWebPreferences('/app/preload/index.cjs', { packaged: true })).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('has no DevTools and no default menu (with its Reload and Toggle Developer Tools) when packaged', () => {
    expect(lockedWebPreferences('/p', { packaged: true }).devTools).toBe(false);
    expect(keepsDefaultMenu({ packaged: true })).toBe(false);
    // Developers running from source keep both.
    expect(lockedWebPreferences('/p', { packaged: false }).devTools).toBe(true);
    expect(keepsDefaultMenu({ packaged: false })).toBe(true);
  });

  it('turns Auxclick off whether packaged or not, so a middle click cannot open a link past the window-open handler', () => {
    expect(lockedWebPreferences('/p', { packaged: false }).disableBlinkFeatures).toBe('Auxclick');
  });
});

describe('the Content-Security-Policy', () => {
  const directive = (csp: string, name: string) => csp.split('; ').find((part) => part.startsWith(`${name} `));

  it('allows scripts from our own origin only: no eval, no inline, nothing remote', () => {
    const csp = contentSecurityPolicy();
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:/);
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
  });

  it('adds the loopback socket to connect-src only when asked', () => {
    expect(directive(contentSecurityPolicy({ connectSources: ['ws://127.0.0.1:5199'] }), 'connect-src')).toBe("connect-src 'self' ws://127.0.0.1:5199");
    expect(directive(contentSecurityPolicy(), 'connect-src')).toBe("connect-src 'self'");
  });
});

describe('serving the renderer', () => {
  const root = path.resolve('/srv/civicdesk/renderer');

  it('maps paths inside the folder, with index.html for the root', () => {
    expect(resolveAppFile('/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile('/assets/index-abc.js', root)).toBe(path.join(root, 'assets/index-abc.js'));
  });

  it('refuses every way out of the folder', () => {
    for (const attempt of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/assets/%00.js', '/%E0%A4%A']) {
      expect(resolveAppFile(attempt, root), attempt).toBeNull();
    }
  });
});

describe('navigation and new windows', () => {
  it('allows navigation only within the app', () => {
    expect(isNavigationAllowed('app://civicdesk/index.html')).toBe(true);
    expect(isNavigationAllowed('app://elsewhere/index.html')).toBe(false);
    expect(isNavigationAllowed('https://www.southwark.gov.uk/')).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd')).toBe(false);
    expect(isNavigationAllowed('not a url')).toBe(false);
  });

  it('never opens a new window, but sends allowed links to the system browser', () => {
    expect(decideWindowOpen('https://www.southwark.gov.uk/bins', ['southwark.gov.uk'])).toEqual({ action: 'deny', openExternally: 'https://www.southwark.gov.uk/bins' });
    expect(decideWindowOpen('https://evil.example/', ['southwark.gov.uk'])).toEqual({ action: 'deny', openExternally: null });
  });
});

describe('opening external links', () => {
  const hosts = ['southwark.gov.uk', 'nhs.uk'];

  it('opens https on allowed hosts and their subdomains, and mailto links', () => {
    expect(checkExternalUrl('https://www.southwark.gov.uk/council-tax', hosts)).toEqual({ ok: true, url: 'https://www.southwark.gov.uk/council-tax' });
    expect(checkExternalUrl('https://nhs.uk/', hosts).ok).toBe(true);
    expect(checkExternalUrl('mailto:contact@example.org', hosts).ok).toBe(true);
  });

  it('refuses other schemes, other hosts, look-alike hosts and credentials, saying why', () => {
    for (const url of ['http://www.southwark.gov.uk/', 'file:///C:/Windows/system32/calc.exe', 'javascript:alert(1)', 'smb://share/x', 'https://southwark.gov.uk.evil.example/', 'https://evilsouthwark.gov.uk/', 'https://user:pw@www.southwark.gov.uk/', 'mailto:', 'nonsense']) {
      const check = checkExternalUrl(url, hosts);
      expect(check.ok, url).toBe(false);
      if (!check.ok) expect(check.reason.length).toBeGreaterThan(10);
    }
  });
});

describe('permissions', () => {
  it('denies by default, and everything to pages that are not ours', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'midi', 'hid', 'usb', 'serial', 'openExternal']) {
      expect(decidePermission(permission, 'app://civicdesk/index.html'), permission).toBe(false);
    }
    expect(decidePermission('clipboard-sanitized-write', 'app://civicdesk/index.html')).toBe(true);
    expect(decidePermission('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
  });
});

describe('IPC senders', () => {
  it('trusts only the top frame of our own origin', () => {
    expect(isTrustedSender({ url: 'app://civicdesk/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://civicdesk/index.html', isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
