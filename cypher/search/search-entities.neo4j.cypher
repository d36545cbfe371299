// Ranked search through the entity_names full-text index (standard-folding analyser), scored like
// the embedded dialect (exact 100, name prefix 50, word prefix 30, other 10) so both engines rank
// alike; $luceneQuery is the folded term with Lucene's special characters escaped.
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
ORDER BY score DESC, size(n.searchText), n.name
LIMIT $limit
