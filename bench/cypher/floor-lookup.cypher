// Floor for `lookup`: a company by id with the titles of its sources, in one query.
MATCH (c:Company {id: $id})
UNWIND c.sources AS sourceId
MATCH (s:Source {id: sourceId})
RETURN c.id AS id, c.name AS name, c.aliases AS aliases, c.companyType AS companyType, collect(s.title) AS sources
