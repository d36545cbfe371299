// The last step of building the key table again: the table of the keys set aside, now loaded into
// the new one, is dropped.
DROP TABLE StatisticKeySetAside
