// The first step of building the key table again in a bulk write (src/import/staging.ts): the
// stored keys' table is renamed, so that a new, empty StatisticKey table can take every key in
// bulk loads. The engine's bulk loader appending to a table that already holds rows leaves the
// appended rows slow to find and read (bench/README.md); loaded into an empty table, they are not.
ALTER TABLE StatisticKey RENAME TO StatisticKeySetAside
