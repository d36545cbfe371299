// The empty key table a bulk write loads every key into, after set-aside-statistic-keys: the
// schema's own statement (cypher/schema/embedded.cypher; a test holds them equal).
CREATE NODE TABLE IF NOT EXISTS StatisticKey(id STRING PRIMARY KEY, statistics STRING[])
