// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Every relationship claim touching each Person, in either direction, with both ends (see relations-of).
MATCH (a:Person)
WHERE a.id IN $ids
MATCH (a)-[r:WORKS_FOR]-(b:Company|Association|Country|Agency)
RETURN a.id AS id, a AS node, r AS relationship, b AS other
