import type { Dialect } from '../store/cypher-catalog.js';

/*
 * What the primary of `tradegraph serve --workers` and its workers tell each other over the IPC
 * channel `node:cluster` opens, and the one variable the primary gives each worker.
 */

/** Set by the primary in each worker's environment: the worker's number, 1 to N (not a setting). */
export const WORKER_NUMBER_VARIABLE = 'TRADEGRAPH_WORKER_NUMBER';

/** Worker → primary: listening. */
export interface ReadyMessage {
  readonly type: 'tradegraph:ready';
  readonly url: string;
  readonly engine: Dialect;
}

/** Primary → worker: drain and exit (the worker's own graceful shutdown). */
export interface StopMessage {
  readonly type: 'tradegraph:stop';
}

export function isReadyMessage(message: unknown): message is ReadyMessage {
  return (message as Partial<ReadyMessage> | null)?.type === 'tradegraph:ready';
}

export function isStopMessage(message: unknown): message is StopMessage {
  return (message as Partial<StopMessage> | null)?.type === 'tradegraph:stop';
}

/** Why the workers of an embedded database take no writes, and what to do instead. */
export function readOnlyReason(workers: number): string {
  return (
    `This server runs ${workers} read-only workers (tradegraph serve --workers ${workers}): the embedded ` +
    'database cannot be written while several processes read it. To import, serve with --workers 1 ' +
    '(TRADEGRAPH_WORKERS=1) and send the import again, or stop the server and run tradegraph import.'
  );
}
