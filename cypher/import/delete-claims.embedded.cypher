// Removes relationship claims, each named by its type (claim.kind), ends and source.
UNWIND $claims AS claim
MATCH (a:Company|Plant|Association|Sector|Policy|Statistic|Country|Region|Person|Agency|Source {id: claim.from})-[r:MEMBER_OF|SUBSIDIARY_OF|OPERATES|LOCATED_IN|HEADQUARTERED_IN|IN_SECTOR|SUBSECTOR_OF|PARTY_TO|PART_OF|AFFECTS|WORKS_FOR {source: claim.source}]->(b:Company|Plant|Association|Sector|Policy|Statistic|Country|Region|Person|Agency|Source {id: claim.to})
WHERE label(r) = claim.kind
DELETE r
