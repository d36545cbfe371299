// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Every relationship claim touching each Agency, in either direction: the Agency, the claim's
// type, whether it starts at the entity, its facts, and the id, kind and name of the entity at
// its other end (src/graphql/relation-loaders.ts reads it when the selection shows nothing else of them).
MATCH (a:Agency)
WHERE a.id IN $ids
MATCH (a)-[r:LOCATED_IN|HEADQUARTERED_IN|WORKS_FOR]-(b:Country|Region|Person)
RETURN a.id AS id, a AS node, type(r) AS type, startNode(r) = a AS outgoing,
  r.source AS source, r.asOf AS asOf, r.role AS role, r.since AS since, r.until AS until,
  r.note AS note, b.id AS otherId, labels(b)[0] AS otherKind, b.name AS otherName
