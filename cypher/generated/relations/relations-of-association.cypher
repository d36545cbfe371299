// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Every relationship claim touching each Association, in either direction, with both ends (see relations-of).
MATCH (a:Association)
WHERE a.id IN $ids
MATCH (a)-[r:MEMBER_OF|LOCATED_IN|HEADQUARTERED_IN|IN_SECTOR|WORKS_FOR]-(b:Company|Sector|Country|Region|Person)
RETURN a.id AS id, a AS node, r AS relationship, b AS other
