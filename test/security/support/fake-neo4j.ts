import neo4j from 'neo4j-driver';

/**
 * A stand-in for the Neo4j driver with a switch: while `down`, every connection attempt and
 * statement fails the way the real driver fails when the server is gone (ServiceUnavailable);
 * otherwise statements succeed with no rows. It lets the reconnect logic run through the real
 * Neo4jStore without a server.
 */
export class SwitchableNeo4jDriver {
  down = true;
  /** Configuration the store gave `neo4j.driver`. */
  config: Record<string, unknown> = {};
  connectivityChecks = 0;
  statements = 0;
  closed = false;

  private fail(): Error {
    return new neo4j.Neo4jError(
      'Could not perform discovery. No routing servers available.',
      neo4j.error.SERVICE_UNAVAILABLE,
      '08000',
      'unavailable',
    );
  }

  private async run(): Promise<{ records: never[]; summary: { server: { agent: string } } }> {
    this.statements += 1;
    if (this.down) throw this.fail();
    return { records: [], summary: { server: { agent: 'Neo4j/5.26.0' } } };
  }

  private tx() {
    return {
      run: () => this.run(),
      commit: async () => undefined,
      rollback: async () => undefined,
    };
  }

  async verifyConnectivity(): Promise<void> {
    this.connectivityChecks += 1;
    if (this.down) throw this.fail();
  }

  session() {
    return {
      executeRead: async <T>(work: (tx: unknown) => Promise<T>) => work(this.tx()),
      executeWrite: async <T>(work: (tx: unknown) => Promise<T>) => work(this.tx()),
      beginTransaction: async () => {
        if (this.down) throw this.fail();
        return this.tx();
      },
      run: () => this.run(),
      close: async () => undefined,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
