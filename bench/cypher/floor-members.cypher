// Floor for `members`: an association's member claims with each claim's source title.
MATCH (m:Company)-[r:MEMBER_OF]->(a:Association {id: $id})
MATCH (s:Source {id: r.source})
RETURN a.name AS association, m.id AS id, m.name AS name, r.asOf AS asOf, s.title AS source
ORDER BY m.name, r.asOf
