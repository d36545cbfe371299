// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Every relationship claim touching each Agency, in either direction, with both ends (see relations-of).
MATCH (a:Agency)
WHERE a.id IN $ids
MATCH (a)-[r:LOCATED_IN|HEADQUARTERED_IN|WORKS_FOR]-(b:Country|Region|Person)
RETURN a.id AS id, a AS node, r AS relationship, b AS other
