// Floor for `search`: the ten best matches of a folded term, scored as the API scores them.
MATCH (n:Company|Plant|Association|Sector|Policy|Country|Region|Person|Agency|Source)
WHERE n.searchText CONTAINS $term
WITH n,
  CASE
    WHEN n.searchText CONTAINS $exact THEN 100
    WHEN n.searchText CONTAINS $prefix THEN 50
    WHEN n.searchText CONTAINS $wordStart THEN 30
    ELSE 10
  END AS score
RETURN n.id AS id, n.name AS name, n.kind AS kind, score
ORDER BY score DESC, size(n.searchText), n.name
LIMIT 10
