// All shortest paths between two entities over entity relationships (statistics and sources excluded).
// The upper bound is the longest path any caller may ask for; $maxLength narrows it.
MATCH (a:Company|Plant|Association|Sector|Policy|Country|Region|Person|Agency {id: $from})
MATCH (b:Company|Plant|Association|Sector|Policy|Country|Region|Person|Agency {id: $to})
MATCH p = (a)-[:MEMBER_OF|SUBSIDIARY_OF|OPERATES|LOCATED_IN|HEADQUARTERED_IN|IN_SECTOR|SUBSECTOR_OF|PARTY_TO|PART_OF|AFFECTS|WORKS_FOR* ALL SHORTEST 1..6]-(b)
WHERE length(p) <= $maxLength
RETURN p AS path
LIMIT $limit
