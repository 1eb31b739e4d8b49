import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../shared/contract/channels';
import { fail, type Outcome } from '../../shared/contract/outcome';
import type { Core } from '../core/create-core';
import { isAppUrl } from '../core/security/app-origin';
import { isTrustedSender } from '../core/security/sender';

/**
 * The desktop app's transport: ipcMain.handle on one channel, sender checked first, then the
 * shared router (which validates the input against the contract). Types only from electron,
 * so this runs under vitest with a fake ipcMain.
 */
const REFUSED_SENDER = fail('refused-sender', 'CivicDesk refused a request that did not come from its own window.');

export function registerIpcTransport(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  core: Pick<Core, 'router' | 'events'>,
  windows: () => readonly WebContents[],
): () => void {
  // Every message resolves to an Outcome: a rejected invoke would reach the page as an Error, not a refusal it can show.
  ipcMain.handle(CALL_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, input: unknown): Promise<Outcome<unknown>> => {
    try {
      const frame = event.senderFrame;
      if (!isTrustedSender(frame ? { url: frame.url, isMainFrame: frame.parent === null } : null)) return REFUSED_SENDER;
    } catch {
      return REFUSED_SENDER; // a frame that went away while we looked at it
    }
    try {
      return await core.router.dispatch(name, input, { transport: 'ipc' });
    } catch {
      return fail('handler-failed', 'Something went wrong on this computer while doing that. Nothing you typed has been lost. Try again, and if it keeps happening, tell the IT service desk.');
    }
  });
  const unsubscribe = core.events.subscribe((name, payload) => {
    for (const contents of windows()) {
      // Only our own pages get events: a window that somehow left the app hears nothing.
      if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(EVENT_CHANNEL, name, payload);
    }
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(CALL_CHANNEL);
  };
}
