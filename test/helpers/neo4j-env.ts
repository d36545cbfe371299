/** Comma-separated Bolt URIs of the test servers, one per jest worker (or the one NEO4J_URI named). */
export const NEO4J_URIS_VARIABLE = 'TRADEGRAPH_TEST_NEO4J_URIS';
/** Why there is no Neo4j for this run. */
export const NEO4J_SKIP_VARIABLE = 'TRADEGRAPH_TEST_NEO4J_SKIP';
