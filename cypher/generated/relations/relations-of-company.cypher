// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Every relationship claim touching each Company, in either direction, with both ends (see relations-of).
MATCH (a:Company)
WHERE a.id IN $ids
MATCH (a)-[r:MEMBER_OF|SUBSIDIARY_OF|OPERATES|LOCATED_IN|HEADQUARTERED_IN|IN_SECTOR|AFFECTS|WORKS_FOR]-(b:Company|Plant|Association|Sector|Policy|Country|Region|Person)
RETURN a.id AS id, a AS node, r AS relationship, b AS other
