// Every relationship leaving each node (claims and statistic links): its type, other end and
// properties (null where the type has none). For export, the graph checksum and the import's
// comparison of claims.
UNWIND $ids AS id
MATCH (a:Company|Plant|Association|Sector|Policy|Statistic|Country|Region|Person|Agency|Source {id: id})-[r]->(b:Company|Plant|Association|Sector|Policy|Statistic|Country|Region|Person|Agency|Source)
RETURN id AS from, type(r) AS type, b.id AS to, r.source AS source, r.asOf AS asOf, r.role AS role,
       r.since AS since, r.until AS until, r.note AS note
