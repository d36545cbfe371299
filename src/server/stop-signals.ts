/** Where a stopping server says what it does. */
export interface StopOutput {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/**
 * Stops the process on SIGTERM or SIGINT: the first runs `drain` (requests in flight finish, the
 * store closes) and exits 0, or 1 if draining failed; a second exits 1 at once (the operator does
 * not want to wait). Returns the function that starts the same drain for another reason (the
 * primary of `tradegraph serve --workers` asking a worker to stop), which a later signal then cuts short.
 */
export function drainOnSignals(drain: () => Promise<void>, output: StopOutput): (why: string) => void {
  let stopping = false;
  const stop = (why: string): void => {
    if (stopping) return;
    stopping = true;
    output.out(`${why}: finishing requests in flight, then closing the store`);
    drain().then(
      () => {
        output.out('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        output.err(error instanceof Error ? error.message : String(error));
        process.exit(1);
      },
    );
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      output.err(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stop(signal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return stop;
}
