// The first step of building the Statistic table again in a bulk write (src/import/staging.ts):
// the stored statistics' table is renamed (its link tables, renamed by set-aside-statistic-<link>,
// stay attached to it), so that a new, empty Statistic table can take every statistic in bulk
// loads. The engine's bulk loader appending to a table that already holds rows leaves the
// appended rows slow to find and read (bench/README.md); loaded into an empty table, they are not.
ALTER TABLE Statistic RENAME TO StatisticSetAside
