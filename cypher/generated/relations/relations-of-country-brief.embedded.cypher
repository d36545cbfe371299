// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Each Country asked for, in a row of its own (its node, the claim columns null), then every
// relationship claim touching it, in either direction (the node null): the claim's type, whether
// it starts at the entity, its facts, and the id, kind and name of the entity at its other end
// (src/graphql/relation-loaders.ts reads it when the selection shows nothing else of them).
UNWIND $ids AS id
MATCH (a:Country {id: id})
RETURN a.id AS id, a AS node,
  CAST(NULL AS STRING) AS type, CAST(NULL AS BOOL) AS outgoing, CAST(NULL AS STRING) AS source, CAST(NULL AS STRING) AS asOf, CAST(NULL AS STRING) AS role, CAST(NULL AS STRING) AS since, CAST(NULL AS STRING) AS until, CAST(NULL AS STRING) AS note, CAST(NULL AS STRING) AS otherId, CAST(NULL AS STRING) AS otherKind, CAST(NULL AS STRING) AS otherName
UNION ALL
// A null of the node's type below: a plain NULL has none, and the engine refuses it in a union.
MATCH (a:Country)
WHERE a.id IN $ids
MATCH (a)-[r:LOCATED_IN|HEADQUARTERED_IN|PARTY_TO|AFFECTS|WORKS_FOR]-(b:Company|Plant|Association|Policy|Region|Person|Agency)
RETURN a.id AS id, CASE WHEN a.id IS NULL THEN a END AS node, label(r) AS type, struct_extract(r, '_src') = id(a) AS outgoing,
  r.source AS source, r.asOf AS asOf, r.role AS role, r.since AS since, r.until AS until,
  r.note AS note, b.id AS otherId, label(b) AS otherKind, b.name AS otherName
