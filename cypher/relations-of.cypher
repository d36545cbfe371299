// Every entity relationship claim touching each entity, in either direction, with both ends
// (statistics and sources are reached through their own fields, not here).
UNWIND $ids AS id
MATCH (a:Company|Plant|Association|Sector|Policy|Country|Region|Person|Agency {id: id})-[r:MEMBER_OF|SUBSIDIARY_OF|OPERATES|LOCATED_IN|HEADQUARTERED_IN|IN_SECTOR|SUBSECTOR_OF|PARTY_TO|PART_OF|AFFECTS|WORKS_FOR]-(b:Company|Plant|Association|Sector|Policy|Country|Region|Person|Agency)
RETURN id, a AS node, r AS relationship, b AS other
