// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Every relationship claim touching each Sector, in either direction, with both ends (see relations-of).
MATCH (a:Sector)
WHERE a.id IN $ids
MATCH (a)-[r:IN_SECTOR|SUBSECTOR_OF|AFFECTS]-(b:Company|Plant|Association|Sector|Policy)
RETURN a.id AS id, a AS node, r AS relationship, b AS other
