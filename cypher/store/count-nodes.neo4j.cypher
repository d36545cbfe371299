// Number of nodes of each kind (one label per node).
MATCH (n)
RETURN labels(n)[0] AS kind, count(*) AS count
