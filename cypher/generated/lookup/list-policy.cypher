// Generated from src/domain/kinds.ts by `npm run generate:cypher`; do not edit.
// One page of Policy nodes in id order, after the cursor id ($after = '' for the first page).
MATCH (n:Policy)
WHERE n.id > $after
RETURN n AS node
ORDER BY n.id
LIMIT $limit
