import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The desktop app's main process as electron-vite bundles it for the installer (built here into
 * a folder of its own, so out/ is left alone). The training stand-ins and the selfsigned
 * certificate library must sit in chunks that only a dynamic import() reaches: a live start
 * never loads them (tests/unit/security/training-only.test.ts checks the same in the source).
 */
let folder = '';
const files = new Map<string, string>();

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'civicdesk-main-bundle-'));
  const config = path.join(folder, 'electron.vite.config.mjs');
  // The project's main build (electron.vite.config.ts), with only the output folder changed.
  await writeFile(config, `export default { main: { build: { outDir: ${JSON.stringify(path.join(folder, 'main'))}, rollupOptions: { input: { index: ${JSON.stringify(path.resolve('main/shell/index.ts'))} } } } } };\n`);
  await promisify(execFile)(process.execPath, [path.resolve('node_modules/electron-vite/bin/electron-vite.js'), 'build', '-c', config, '--logLevel', 'error'], { cwd: path.resolve('.') });
  for (const file of await readdir(path.join(folder, 'main'), { recursive: true })) {
    if (file.endsWith('.js')) files.set(file.split(path.sep).join('/'), await readFile(path.join(folder, 'main', file), 'utf8'));
  }
  // Bundling takes a few seconds on a busy machine: a limit for that, not a timing target.
}, 120_000);

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** The files a start loads before anything is asked of it: index.js and what it imports statically. */
function loadedAtStart(): Set<string> {
  const loaded = new Set<string>();
  const visit = (name: string) => {
    if (loaded.has(name)) return;
    loaded.add(name);
    const text = files.get(name) ?? '';
    for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*"(\.[^"]+)"|(?:^|\n)\s*import\s*"(\.[^"]+)"/g)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(name), match[1] ?? match[2] ?? ''));
      visit(target);
    }
  };
  visit('index.js');
  return loaded;
}

describe("the packaged app's main process", () => {
  it('loads neither the training stand-ins nor the certificate library at start', () => {
    const atStart = [...loadedAtStart()];
    expect(atStart).toContain('index.js');
    for (const name of atStart) {
      const text = files.get(name) ?? '';
      expect(text, name).not.toMatch(/from\s*"selfsigned"|require\("selfsigned"\)/);
      expect(text, name).not.toMatch(/function startIdentityStandIn|function startDataverseStandIn|function startGraphStandIn|function startTranslatorStandIn/);
    }
  });

  it('keeps them in chunks reached by import() when training starts (so the check above looks at the real thing)', () => {
    const chunks = [...files.keys()].filter((name) => !loadedAtStart().has(name));
    const everything = chunks.map((name) => files.get(name)).join('\n');
    expect(everything).toMatch(/from\s*"selfsigned"/);
    expect(everything).toMatch(/function startIdentityStandIn/);
    expect(everything).toMatch(/function startDataverseStandIn/);
    expect(files.get('index.js')).toMatch(/import\("\.\/chunks\/[^"]+"\)/);
  });
});
