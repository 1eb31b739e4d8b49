import type { AccountStatus } from '../../../shared/contract/microsoft365';
import type { CallContext, Handlers } from '../ipc/router';
import { NotPossible } from '../ipc/router';
import type { SessionService } from './session-service';

type LockCalls = Pick<Handlers, 'session.lock' | 'session.resume' | 'session.switchOfficer'>;

/**
 * Locking, resuming and switching officer, as the contract's calls. In training the officer
 * chooses themselves to resume; in live mode they prove it is them by signing in to Microsoft
 * 365 again (the interactive prompt), and must come back as the same account.
 */
export function createLockCalls(deps: {
  live: boolean;
  session: SessionService;
  /** Microsoft 365 sign-in, interactive (live mode's resume). */
  signIn: (context: CallContext) => Promise<AccountStatus>;
  /** Forgets the Microsoft 365 sign-in on this computer (live mode's switch). */
  signOut: (context: CallContext) => Promise<unknown>;
  /** Training: the stand-in sign-in was the first officer's, so it goes with them. */
  signOutIfSignedIn: () => Promise<void>;
  /** Main forgets every resident the first officer had open. */
  forgetOpens: () => void;
}): LockCalls {
  const { live, session } = deps;
  return {
    'session.lock': ({ reason }) => session.lock(reason),
    'session.resume': async ({ staffId }, context) => {
      if (!live) return session.resume(staffId ?? null);
      if (!session.isLocked()) return session.current();
      const status = await deps.signIn(context);
      // Someone else who signs in here has taken the computer (their sign-in changed the
      // session's officer, which lifts the lock as a switch would); otherwise it must be the
      // officer who locked it.
      return session.resume(status.signedIn ? status.userId : null);
    },
    'session.switchOfficer': async ({ staffId }, context) => {
      if (live) {
        // The first officer is signed out; the next one signs in with their own account.
        deps.forgetOpens();
        await deps.signOut(context);
        session.signedIn(null);
        return session.current();
      }
      if (!staffId) throw new NotPossible('Choose who is taking over this computer.');
      const info = session.switchTrainingOfficer(staffId);
      await deps.signOutIfSignedIn();
      return info;
    },
  };
}
