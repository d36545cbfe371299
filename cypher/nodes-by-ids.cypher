// Nodes of any kind by id (ids are unique across kinds); unknown ids give no row.
UNWIND $ids AS id
MATCH (n:Company|Plant|Association|Sector|Policy|Country|Region|Person|Agency|Statistic|Source {id: id})
RETURN id, n AS node
