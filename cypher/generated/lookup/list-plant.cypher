// Generated from src/domain/kinds.ts by `npm run generate:cypher`; do not edit.
// One page of Plant nodes in id order, after the cursor id ($after = '' for the first page).
MATCH (n:Plant)
WHERE n.id > $after
RETURN n AS node
ORDER BY n.id
LIMIT $limit
