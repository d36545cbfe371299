// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Every relationship claim touching each Plant, in either direction, with both ends (see relations-of).
MATCH (a:Plant)
WHERE a.id IN $ids
MATCH (a)-[r:OPERATES|LOCATED_IN|IN_SECTOR]-(b:Company|Sector|Country|Region)
RETURN a.id AS id, a AS node, r AS relationship, b AS other
