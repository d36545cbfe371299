// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Every relationship claim touching each Policy, in either direction, with both ends (see relations-of).
MATCH (a:Policy)
WHERE a.id IN $ids
MATCH (a)-[r:PARTY_TO|PART_OF|AFFECTS]-(b:Company|Sector|Policy|Country)
RETURN a.id AS id, a AS node, r AS relationship, b AS other
