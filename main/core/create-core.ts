import type { TrainingSummary } from '../../shared/contract/session';
import type { LoadedConfig } from './config/deployment-config';
import { createEventHub, type EventHub } from './ipc/event-hub';
import { createRouter, NotPossible, type Router, type RouterLog } from './ipc/router';
import { checkExternalUrl } from './security/external-url';
import { parseDeepLink } from './security/deep-link';
import { createSessionService } from './session/session-service';
import { generateTrainingData, summariseTrainingData } from './training/generator';

export interface CoreLog extends RouterLog {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
}

export interface CoreOptions {
  config: LoadedConfig;
  appVersion: string;
  log: CoreLog;
  /** Size of the synthetic borough in training mode; the default suits a quick start. */
  training?: { seed?: number; residents?: number };
  /** The clock; training data is dated to today so due dates and "overdue" look real. */
  now?: () => Date;
  /**
   * Opens an already-checked URL in the system browser. The desktop shell provides it; the
   * browser host has no system browser to hand and leaves it out.
   */
  openExternal?: (url: string) => Promise<void>;
}

export interface Core {
  router: Router;
  events: EventHub;
  /** A `civicdesk://` link from the operating system; refused links are logged, not acted on. */
  openDeepLink(url: string): boolean;
}

/**
 * Builds everything the main process does, with its dependencies passed in, so the desktop
 * shell and the browser host run exactly the same services and handlers.
 */
export function createCore(options: CoreOptions): Core {
  const { config, log } = options;
  const events = createEventHub();
  const today = (options.now ?? (() => new Date()))().toISOString().slice(0, 10);
  const training = config.mode === 'training' ? generateTrainingData({ ...options.training, asOf: today }) : null;
  const session = createSessionService({ config, appVersion: options.appVersion, trainingStaff: training?.staff ?? [], events });

  const router = createRouter(
    {
      'session.get': () => session.current(),
      'session.actAsTrainingUser': ({ staffId }) => session.actAsTrainingUser(staffId),
      'training.summary': (): TrainingSummary => {
        if (!training) throw new NotPossible('Training data is only available in training mode.');
        const counts = summariseTrainingData(training);
        return { ...counts, seed: training.seed, openCases: training.cases.filter((each) => each.status === 'open').length };
      },
      'links.openExternal': async ({ url }) => {
        const check = checkExternalUrl(url, config.externalLinkHosts);
        if (!check.ok) throw new NotPossible(check.reason);
        if (!options.openExternal) throw new NotPossible(`This browser version of CivicDesk cannot open other sites for you. Copy the address instead: ${check.url}`);
        await options.openExternal(check.url);
        return { opened: true } as const;
      },
    },
    log,
  );

  return {
    router,
    events,
    openDeepLink(url) {
      const parsed = parseDeepLink(url);
      if (!parsed.ok) {
        log.warn('refused a civicdesk link', { reason: parsed.reason });
        return false;
      }
      events.emit('deepLink.opened', parsed.link);
      return true;
    },
  };
}
