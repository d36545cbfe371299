// search-entities for several terms at once (the "did you mean" of a request's unknown ids):
// each search through the entity_names full-text index, ranked and cut to $limit rows as
// search-entities does, one search after another.
UNWIND $searches AS s
CALL (s) {
  CALL db.index.fulltext.queryNodes('entity_names', s.luceneQuery) YIELD node AS n
  WITH s, n
  WHERE n.searchText CONTAINS s.term
    AND (size($kinds) = 0 OR n.kind IN $kinds)
  WITH n,
    CASE
      WHEN n.searchText CONTAINS s.exact THEN 100
      WHEN n.searchText CONTAINS s.prefix THEN 50
      WHEN n.searchText CONTAINS s.wordStart THEN 30
      ELSE 10
    END AS score
  RETURN n AS node, score
  ORDER BY score DESC, size(n.searchText), n.name, n.id
  LIMIT $limit
}
RETURN s.search AS search, node, score
ORDER BY search, score DESC, size(node.searchText), node.name, node.id
