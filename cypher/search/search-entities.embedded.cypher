// Ranked search over ids, names and aliases (folded: lower case, no accents; see
// src/domain/normalize.ts). An exact name scores 100, a name starting with the term 50, a word
// starting with it 30, any other match 10; ties go to the entity with the fewest names (the most
// specific match). $kinds narrows to some kinds (empty: all).
MATCH (n:Company|Plant|Association|Sector|Policy|Country|Region|Person|Agency|Source)
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
