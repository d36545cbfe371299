// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Every relationship claim touching each Country, in either direction, with both ends (see relations-of).
MATCH (a:Country)
WHERE a.id IN $ids
MATCH (a)-[r:LOCATED_IN|HEADQUARTERED_IN|PARTY_TO|AFFECTS|WORKS_FOR]-(b:Company|Plant|Association|Policy|Region|Person|Agency)
RETURN a.id AS id, a AS node, r AS relationship, b AS other
