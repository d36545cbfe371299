// Some one statistic, or no row when the store holds none: whether a store needs its keys built.
// No ORDER BY: the engine then stops at the first row instead of sorting every statistic (seconds,
// past the query timeout, at ten million).
MATCH (s:Statistic)
RETURN s.id AS id
LIMIT 1
