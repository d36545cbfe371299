// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Every relationship claim touching each Association, in either direction: the Association, the claim's
// type, whether it starts at the entity, its facts, and the id, kind and name of the entity at
// its other end (src/graphql/relation-loaders.ts reads it when the selection shows nothing else of them).
MATCH (a:Association)
WHERE a.id IN $ids
MATCH (a)-[r:MEMBER_OF|LOCATED_IN|HEADQUARTERED_IN|IN_SECTOR|WORKS_FOR]-(b:Company|Sector|Country|Region|Person)
RETURN a.id AS id, a AS node, label(r) AS type, struct_extract(r, '_src') = id(a) AS outgoing,
  r.source AS source, r.asOf AS asOf, r.role AS role, r.since AS since, r.until AS until,
  r.note AS note, b.id AS otherId, label(b) AS otherKind, b.name AS otherName
