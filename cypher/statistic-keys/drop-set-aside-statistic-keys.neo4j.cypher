// The last step of building the key table again: any key still set aside is removed (none is, once
// copy-set-aside-statistic-keys has run). Neo4j never runs it (its store has no bulk directory).
MATCH (k:StatisticKeySetAside)
DELETE k
