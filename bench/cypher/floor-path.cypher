// Floor for `path`: all shortest paths of up to 3 entity relationships between two entities, first 5.
MATCH (a:Company|Plant|Association|Sector|Policy|Country|Region|Person|Agency {id: $from})
MATCH (b:Company|Plant|Association|Sector|Policy|Country|Region|Person|Agency {id: $to})
MATCH p = (a)-[r:MEMBER_OF|SUBSIDIARY_OF|OPERATES|LOCATED_IN|HEADQUARTERED_IN|IN_SECTOR|SUBSECTOR_OF|PARTY_TO|PART_OF|AFFECTS|WORKS_FOR* ALL SHORTEST 1..3]-(b)
RETURN length(p) AS length, properties(nodes(p), 'id') AS ids, properties(nodes(p), 'name') AS names,
  properties(rels(p), 'source') AS sources
LIMIT 5
