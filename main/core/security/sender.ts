import { isAppUrl } from './app-origin';

export interface SenderFrame {
  url: string;
  /** True for the window's top frame; false for an iframe inside it. */
  isMainFrame: boolean;
}

/**
 * An IPC message is only acted on when it comes from the top frame of a page on CivicDesk's
 * own origin. A frame that has gone (null), an iframe, or any other page is refused.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return Boolean(frame && frame.isMainFrame && isAppUrl(frame.url));
}
