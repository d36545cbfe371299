// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// All shortest paths from each Plant of $froms to a Policy over entity relationships (statistics and
// sources excluded). The upper bound, 6, is the longest path any caller may ask for; $maxLength
// narrows it. The starts are matched after UNWIND, through their id index (with IN, the engine
// searches from every node of the kind).
UNWIND $froms AS start
MATCH (a:Plant {id: start})
MATCH (b:Policy {id: $to})
// Neo4j's shortest-path search refuses a start that is also the end; the embedded engine answers none.
WITH a, b WHERE a <> b
MATCH p = allShortestPaths((a)-[:MEMBER_OF|SUBSIDIARY_OF|OPERATES|LOCATED_IN|HEADQUARTERED_IN|IN_SECTOR|SUBSECTOR_OF|PARTY_TO|PART_OF|AFFECTS|WORKS_FOR*..6]-(b))
// Filtered after the search, not in its WHERE: a WHERE the search cannot check makes Neo4j fall back,
// when no path passes, to enumerating every path up to the bound (seconds per pair, exponential).
WITH a, p WHERE length(p) <= $maxLength
RETURN a.id AS from, p AS path
LIMIT $limit
