// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// All shortest paths from each Plant of $froms to a Association over entity relationships (statistics and
// sources excluded). The upper bound, 6, is the longest path any caller may ask for; $maxLength
// narrows it. The starts are matched after UNWIND, through their id index (with IN, the engine
// searches from every node of the kind).
UNWIND $froms AS start
MATCH (a:Plant {id: start})
MATCH (b:Association {id: $to})
MATCH p = (a)-[:MEMBER_OF|SUBSIDIARY_OF|OPERATES|LOCATED_IN|HEADQUARTERED_IN|IN_SECTOR|SUBSECTOR_OF|PARTY_TO|PART_OF|AFFECTS|WORKS_FOR* ALL SHORTEST 1..6]-(b)
WHERE length(p) <= $maxLength
RETURN a.id AS from, p AS path
LIMIT $limit
