import type { Reachability } from '../../../../shared/contract/cases';
import { BackOfficeError, isBackOfficeError } from '../errors';
import { failureFrom } from './failures';
import type { AdapterContext } from './context';

/** Long enough for a real round trip, short enough that the status bar is never stale for long. */
const REACHABILITY_TIMEOUT_MS = 3_000;

/** Asks Dataverse who we are (WhoAmI): the cheapest request that proves it answers, and answers us. */
export async function checkReachability(context: AdapterContext): Promise<Reachability> {
  const checkedAt = context.now().toISOString();
  try {
    const response = await context.client.sendOnce('GET', 'WhoAmI', { timeoutMs: REACHABILITY_TIMEOUT_MS });
    if (response.status === 200) {
      await response.text();
      return { reachable: true, checkedAt, problem: null };
    }
    return { reachable: false, checkedAt, problem: (await failureFrom(response)).message };
  } catch (error) {
    return { reachable: false, checkedAt, problem: (isBackOfficeError(error) ? error : new BackOfficeError('unreachable')).message };
  }
}
