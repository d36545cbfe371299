// Ranked search through the entity_names full-text index (standard-folding analyser), scored like
// the embedded dialect (exact 100, name prefix 50, word prefix 30, other 10) so both engines rank
// alike; $luceneQuery asks for every word of the folded term inside an indexed word (stop words,
// which the index lacks, left out), so the index finds at least what CONTAINS $term keeps.
CALL db.index.fulltext.queryNodes('entity_names', $luceneQuery) YIELD node AS n
WITH n
WHERE n.searchText CONTAINS $term
  AND (size($kinds) = 0 OR n.kind IN $kinds)
WITH n,
  CASE
    WHEN n.searchText CONTAINS $exact THEN 100
    WHEN n.searchText CONTAINS $prefix THEN 50
    WHEN n.searchText CONTAINS $wordStart THEN 30
    ELSE 10
  END AS score
RETURN n AS node, score
ORDER BY score DESC, size(n.searchText), n.name, n.id
LIMIT $limit
