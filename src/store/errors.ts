/** Errors the stores raise. The GraphQL layer maps them to client codes; nothing here leaks driver detail. */
export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The store cannot be reached or opened (server down, database locked by another process). */
export class StoreUnavailableError extends StoreError {}

/** A write was called off (its AbortSignal) before it became durable: nothing of it was applied. */
export class WriteAbortedError extends StoreError {}

/**
 * A write reached a store opened read-only (the embedded database served by several processes,
 * each a reader): nothing was written. The message says why the store is read-only and where
 * writes go instead.
 */
export class ReadOnlyStoreError extends StoreError {}

/** A statement ran longer than the configured timeout and was cancelled. */
export class StoreTimeoutError extends StoreError {}

/** A statement failed inside the engine: a bug in our Cypher or data the schema refuses. */
export class StoreQueryError extends StoreError {
  constructor(
    readonly statement: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`statement "${statement}" failed: ${message}`, options);
  }
}

/** The data breaks an invariant (two rows where one was expected). */
export class IntegrityError extends StoreError {}
