import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { brokenConfig, loadDeploymentConfig, type LoadedConfig } from './deployment-config';

export const CONFIG_FILE_NAME = 'civicdesk.config.json';

/**
 * Where an administrator puts the deployment file, most specific first: an explicit
 * CIVICDESK_CONFIG path, then the machine-wide folder that managed desktops use. The
 * machine-wide file is always looked for, so naming a file that does not exist in
 * CIVICDESK_CONFIG cannot get round the council's "training": false.
 */
export function configFileCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  const explicit = env.CIVICDESK_CONFIG ? [env.CIVICDESK_CONFIG] : [];
  return [...explicit, machineWideConfigFile(platform, env)];
}

function machineWideConfigFile(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'CivicDesk', CONFIG_FILE_NAME);
  if (platform === 'darwin') return path.posix.join('/Library/Application Support/CivicDesk', CONFIG_FILE_NAME);
  return path.posix.join('/etc/civicdesk', CONFIG_FILE_NAME);
}

/** Reads the first deployment file that exists; none at all means training mode. */
export async function readDeploymentConfig(candidates: readonly string[]): Promise<LoadedConfig> {
  for (const candidate of candidates) {
    let text: string;
    try {
      text = await readFile(candidate, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      return brokenConfig([{ field: '', message: `CivicDesk could not read the file: ${(error as Error).message}` }], candidate);
    }
    return loadDeploymentConfig(text, candidate);
  }
  return loadDeploymentConfig(undefined, '');
}
