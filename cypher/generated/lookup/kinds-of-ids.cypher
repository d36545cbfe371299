// Generated from src/domain/kinds.ts by `npm run generate:cypher`; do not edit.
// The kind of each id (ids are unique across kinds); unknown ids give no row.
UNWIND $ids AS id MATCH (:Company {id: id}) RETURN id, 'Company' AS kind
UNION ALL
UNWIND $ids AS id MATCH (:Plant {id: id}) RETURN id, 'Plant' AS kind
UNION ALL
UNWIND $ids AS id MATCH (:Association {id: id}) RETURN id, 'Association' AS kind
UNION ALL
UNWIND $ids AS id MATCH (:Sector {id: id}) RETURN id, 'Sector' AS kind
UNION ALL
UNWIND $ids AS id MATCH (:Policy {id: id}) RETURN id, 'Policy' AS kind
UNION ALL
UNWIND $ids AS id MATCH (:Statistic {id: id}) RETURN id, 'Statistic' AS kind
UNION ALL
UNWIND $ids AS id MATCH (:Country {id: id}) RETURN id, 'Country' AS kind
UNION ALL
UNWIND $ids AS id MATCH (:Region {id: id}) RETURN id, 'Region' AS kind
UNION ALL
UNWIND $ids AS id MATCH (:Person {id: id}) RETURN id, 'Person' AS kind
UNION ALL
UNWIND $ids AS id MATCH (:Agency {id: id}) RETURN id, 'Agency' AS kind
UNION ALL
UNWIND $ids AS id MATCH (:Source {id: id}) RETURN id, 'Source' AS kind
