// Statistic nodes by id (unknown ids give no row): what an import compares its rows with.
UNWIND $ids AS id
MATCH (n:Statistic {id: id})
RETURN id, n AS node
