/**
 * `npm run tenant:check`: is this council's tenant ready for CivicDesk? Reads the deployment
 * file as CivicDesk does. With none it checks the training tenant (its stand-ins started here,
 * signed in through MSAL as a training team leader). With a council's file it opens Microsoft's
 * sign-in page in the system browser: sign in as an officer with the role to check (a team
 * leader checks the most). Prints each check with ✓ or ✗ and the fix; exits 0 only when all pass.
 */
import { spawn } from 'node:child_process';
import { configFileCandidates, readDeploymentConfig } from '../main/core/config/config-file';
import { GRAPH_SCOPES } from '../main/core/smart-working';
import { allPassed } from '../main/core/tenant-readiness/check';
import { liveTenant } from '../main/core/tenant-readiness/live-tenant';
import { reportText } from '../main/core/tenant-readiness/report-text';
import { runReadiness } from '../main/core/tenant-readiness/run-readiness';
import type { TenantConnection } from '../main/core/tenant-readiness/tenant';

/** Microsoft's sign-in page in the computer's own browser: the only place an officer's password is typed. */
function openSystemBrowser(url: string): Promise<void> {
  const [command, args] = process.platform === 'win32' ? ['rundll32', ['url.dll,FileProtocolHandler', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

async function main(): Promise<number> {
  const config = await readDeploymentConfig(configFileCandidates(process.platform, process.env));
  if (config.mode === 'config-error') {
    console.error(`The deployment file ${config.source} cannot be used:`);
    for (const problem of config.problems) console.error(`  ${problem.field || '(the file)'}: ${problem.message}`);
    return 1;
  }
  let connection: TenantConnection & { close(): void | Promise<void> };
  if (config.mode === 'training') {
    console.log('No council tenant is set up on this computer (no civicdesk.config.json), so this checks the training tenant.\n');
    const { startTrainingTenant } = await import('../main/core/tenant-readiness/training-tenant');
    const tenant = await startTrainingTenant();
    connection = { ...tenant.connection, close: () => tenant.close() };
  } else {
    console.log(`Checking tenant ${config.config.tenantId} from ${config.source}. Sign in, in the browser window that opens, as an officer with the CivicDesk role to check.\n`);
    const live = liveTenant(config.config, { openBrowser: openSystemBrowser, fetch: (url, init) => fetch(url, init) });
    connection = live;
  }
  try {
    const checks = await runReadiness(connection, GRAPH_SCOPES);
    console.log(reportText(checks));
    return allPassed(checks) ? 0 : 1;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`The readiness check could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
