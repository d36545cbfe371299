// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Every relationship claim touching each Region, in either direction, with both ends (see relations-of).
MATCH (a:Region)
WHERE a.id IN $ids
MATCH (a)-[r:LOCATED_IN|HEADQUARTERED_IN]-(b:Company|Plant|Association|Country|Region|Agency)
RETURN a.id AS id, a AS node, r AS relationship, b AS other
