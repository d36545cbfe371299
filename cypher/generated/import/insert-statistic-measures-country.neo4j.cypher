// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Links new statistics to the Country in their measures field.
UNWIND split($links, '\u001e') AS line
WITH split(line, '\u001f') AS f
WHERE size(f) = 2
MATCH (s:Statistic {id: f[0]})
MATCH (t:Country {id: f[1]})
CREATE (s)-[:MEASURES]->(t)
