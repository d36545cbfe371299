// Floor for `path` on Neo4j: all shortest paths of up to 3 entity relationships between two
// entities, first 5 (Neo4j 5 spells the search allShortestPaths).
MATCH (a:Company|Plant|Association|Sector|Policy|Country|Region|Person|Agency {id: $from})
MATCH (b:Company|Plant|Association|Sector|Policy|Country|Region|Person|Agency {id: $to})
MATCH p = allShortestPaths((a)-[:MEMBER_OF|SUBSIDIARY_OF|OPERATES|LOCATED_IN|HEADQUARTERED_IN|IN_SECTOR|SUBSECTOR_OF|PARTY_TO|PART_OF|AFFECTS|WORKS_FOR*1..3]-(b))
RETURN length(p) AS length, [n IN nodes(p) | n.id] AS ids, [n IN nodes(p) | n.name] AS names,
  [r IN relationships(p) | r.source] AS sources
LIMIT 5
