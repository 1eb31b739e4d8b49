/// <reference lib="webworker" />
import { openIndexPart, type OpenPart } from './index-part-opening';

/** One lane of index-part-lanes.ts: opens the parts it is given, and hands each back transferred (no copy). */
declare const self: DedicatedWorkerGlobalScope;
self.onmessage = async ({ data }: MessageEvent<OpenPart>) => {
  const opened = await openIndexPart(data);
  self.postMessage(opened, 'bytes' in opened ? [opened.bytes.buffer] : []);
};
