// Loads the keys set aside by set-aside-statistic-keys into the new key table, in bulk, after the
// import's new keys (copy-statistic-keys): the keys the import added ids to were updated before
// they were set aside.
COPY StatisticKey FROM (MATCH (k:StatisticKeySetAside) RETURN k.id, k.statistics)
