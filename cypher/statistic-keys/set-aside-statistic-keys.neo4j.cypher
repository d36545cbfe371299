// The first step of building the key table again in a bulk write (src/import/staging.ts); Neo4j
// never runs it (its store has no bulk directory): the same step in its model, the stored keys
// relabelled so that the new keys are loaded beside them.
MATCH (k:StatisticKey)
REMOVE k:StatisticKey
SET k:StatisticKeySetAside
