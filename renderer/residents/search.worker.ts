/// <reference lib="webworker" />
import { createSearchHandler } from './search-handler';
import type { ToSearchWorker } from './search-messages';

/** Builds the search index off the page's thread; the page searches what it hands over. */
declare const self: DedicatedWorkerGlobalScope;
const handle = createSearchHandler((message, transfer) => self.postMessage(message, transfer));
self.onmessage = (event: MessageEvent<ToSearchWorker>) => void handle(event.data);
