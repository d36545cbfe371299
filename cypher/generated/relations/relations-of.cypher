// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Every entity relationship claim touching each entity, in either direction, with both ends
// (statistics and sources are reached through their own fields, not here). The ids are matched
// with IN, not UNWIND: the embedded engine then expands only those entities' relationships (after
// UNWIND it plans a join over every relationship of the graph).
MATCH (a:Company|Plant|Association|Sector|Policy|Country|Region|Person|Agency)
WHERE a.id IN $ids
MATCH (a)-[r:MEMBER_OF|SUBSIDIARY_OF|OPERATES|LOCATED_IN|HEADQUARTERED_IN|IN_SECTOR|SUBSECTOR_OF|PARTY_TO|PART_OF|AFFECTS|WORKS_FOR]-(b:Company|Plant|Association|Sector|Policy|Country|Region|Person|Agency)
RETURN a.id AS id, a AS node, r AS relationship, b AS other
