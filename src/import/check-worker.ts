import { parentPort } from 'node:worker_threads';
import { checkBlock, type CheckRequest } from './check-blocks.js';

/** A worker thread of the import: checks the blocks of records it is sent (check-blocks.ts), in order. */
parentPort?.on('message', (request: CheckRequest) => {
  const response = checkBlock(request);
  // The numbers move to the main thread rather than being copied.
  parentPort?.postMessage(response, [response.packedMeta.buffer as ArrayBuffer]);
});
