// The last step of building the Statistic table again: the set-aside table, its statistics and
// links now loaded into the new tables, is dropped (after its link tables: drop-set-aside-statistic-<link>).
DROP TABLE StatisticSetAside
