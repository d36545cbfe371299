/**
 * How many times workers that died may be replaced: at most `max` within any `windowMs`. A worker
 * that dies now and then is replaced; one that dies as soon as it starts would otherwise be
 * replaced forever, so past the budget the server stops and says why.
 */
export class RestartBudget {
  private readonly restarts: number[] = [];

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Counts a restart at `now`; false when it would be one more than `max` within the window. */
  take(now: number): boolean {
    while (this.restarts.length > 0 && (this.restarts[0] ?? now) <= now - this.windowMs)
      this.restarts.shift();
    if (this.restarts.length >= this.max) return false;
    this.restarts.push(now);
    return true;
  }
}
