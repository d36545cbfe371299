// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Links new statistics to the Association in their published by field.
UNWIND split($links, '\u001e') AS line
WITH split(line, '\u001f') AS f
WHERE size(f) = 2
MATCH (s:Statistic {id: f[0]})
MATCH (t:Association {id: f[1]})
CREATE (s)-[:PUBLISHED_BY]->(t)
