// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Each Country asked for, in a row of its own (its node, the claim columns null), then every
// relationship claim touching it, in either direction (the node null): the claim's type, whether
// it starts at the entity, its facts, and the id, kind and name of the entity at its other end
// (src/graphql/relation-loaders.ts reads it when the selection shows nothing else of them).
UNWIND $ids AS id
MATCH (a:Country {id: id})
RETURN a.id AS id, a AS node,
  null AS type, null AS outgoing, null AS source, null AS asOf, null AS role, null AS since, null AS until, null AS note, null AS otherId, null AS otherKind, null AS otherName
UNION ALL
MATCH (a:Country)
WHERE a.id IN $ids
MATCH (a)-[r:LOCATED_IN|HEADQUARTERED_IN|PARTY_TO|AFFECTS|WORKS_FOR]-(b:Company|Plant|Association|Policy|Region|Person|Agency)
RETURN a.id AS id, null AS node, type(r) AS type, startNode(r) = a AS outgoing,
  r.source AS source, r.asOf AS asOf, r.role AS role, r.since AS since, r.until AS until,
  r.note AS note, b.id AS otherId, labels(b)[0] AS otherKind, b.name AS otherName
