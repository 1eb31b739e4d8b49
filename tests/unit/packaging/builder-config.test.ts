import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';

/**
 * The packaged app's hardening lives in electron-builder.yml, which CI cannot exercise (no
 * Electron binary here): this reads it as electron-builder will and fails if any of it goes.
 */
interface BuilderConfig {
  asar: boolean;
  electronFuses: Record<string, boolean>;
  win: { target: { target: string; arch: string[] }[]; forceCodeSigning: boolean; verifyUpdateCodeSignature: boolean; signtoolOptions: { publisherName: string[]; signingHashAlgorithms: string[]; rfc3161TimeStampServer: string } };
  nsis: { perMachine: boolean };
  msi: { perMachine: boolean; oneClick: boolean; upgradeCode: string };
  publish: unknown;
}
const config = YAML.parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;

// electron-builder's own check of its configuration (its schema), from the installed version.
const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const { validateConfiguration } = requireFromBuilder('app-builder-lib/out/util/config/config.js') as { validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void> };
const quietLogger = { isEnabled: false, add: () => undefined };

describe('the packaged desktop build (electron-builder.yml)', () => {
  it('is a configuration electron-builder accepts, and it refuses a misspelt fuse (so the checks below are read as it reads them)', async () => {
    await expect(validateConfiguration(structuredClone(config), quietLogger)).resolves.toBeUndefined();
    const misspelt = structuredClone(config);
    misspelt.electronFuses.runAsNod = false;
    await expect(validateConfiguration(misspelt, quietLogger)).rejects.toThrow(/electronFuses/);
    // Compiling electron-builder's schema takes seconds on a busy machine: a limit for that, not a timing target.
  }, 60_000);

  it("flips Electron's fuses: no Node.js by environment or command line, the app only from its checked asar, cookies encrypted", () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('signs for Windows with a certificate from the environment, refuses to build unsigned, and names the publisher updates must be signed by', () => {
    expect(config.win.forceCodeSigning).toBe(true);
    expect(config.win.verifyUpdateCodeSignature).toBe(true);
    expect(config.win.signtoolOptions.publisherName).toEqual([expect.stringMatching(/\S/)]);
    expect(config.win.signtoolOptions.signingHashAlgorithms).toEqual(['sha256']);
    expect(config.win.signtoolOptions.rfc3161TimeStampServer).toMatch(/^https?:\/\//);
  });

  it('keeps every secret out of the repository: no certificate, password or Azure credential in the file', () => {
    const text = readFileSync('electron-builder.yml', 'utf8');
    for (const key of ['cscLink', 'cscKeyPassword', 'certificateFile', 'certificatePassword', 'certificateSha1']) {
      expect(JSON.stringify(config.win), key).not.toContain(`"${key}"`);
    }
    expect(text).not.toMatch(/AZURE_CLIENT_SECRET\s*[:=]|BEGIN (RSA |ENCRYPTED )?PRIVATE KEY|MII[A-Za-z0-9+/]{40}/);
  });

  it('makes a per-machine MSI for Intune or SCCM beside the NSIS installer, with an upgrade code that never changes', () => {
    const targets = config.win.target.map((each) => each.target);
    expect(targets).toEqual(['nsis', 'msi']);
    expect(config.msi).toMatchObject({ perMachine: true, oneClick: true });
    expect(config.msi.upgradeCode).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(config.nsis.perMachine).toBe(true);
  });

  it("publishes updates to the council's own server (a generic feed whose address comes from the build environment)", () => {
    expect(config.publish).toEqual([{ provider: 'generic', url: '${env.CIVICDESK_UPDATE_URL}', channel: 'latest' }]);
  });
});
