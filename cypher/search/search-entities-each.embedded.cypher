// search-entities for several terms at once (the "did you mean" of a request's unknown ids):
// each search's rows ranked as search-entities ranks them, one search after another. The
// engine has no per-group LIMIT: the caller keeps the first $limit rows of each search.
UNWIND $searches AS s
MATCH (n:Company|Plant|Association|Sector|Policy|Country|Region|Person|Agency|Source)
WHERE n.searchText CONTAINS s.term
  AND (size($kinds) = 0 OR n.kind IN $kinds)
WITH s, n,
  CASE
    WHEN n.searchText CONTAINS s.exact THEN 100
    WHEN n.searchText CONTAINS s.prefix THEN 50
    WHEN n.searchText CONTAINS s.wordStart THEN 30
    ELSE 10
  END AS score
RETURN s.search AS search, n AS node, score
ORDER BY search, score DESC, size(n.searchText), n.name, n.id
