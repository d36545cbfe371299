// Removes nodes of any kind by id, with their relationships (undoing an import's created nodes).
UNWIND $ids AS id
MATCH (n:Company|Plant|Association|Sector|Policy|Statistic|Country|Region|Person|Agency|Source {id: id})
DETACH DELETE n
