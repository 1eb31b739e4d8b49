/// <reference lib="webworker" />
import { createSearchHandler } from './search-handler';
import type { ToSearchWorker } from './search-messages';

/** Search off the page's thread, so typing never waits on it. */
declare const self: DedicatedWorkerGlobalScope;
const handle = createSearchHandler((message) => self.postMessage(message));
self.onmessage = (event: MessageEvent<ToSearchWorker>) => void handle(event.data);
