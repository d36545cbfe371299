// Creates or updates Company nodes, one per row, keyed by id.
UNWIND $rows AS row
MERGE (n:Company {id: row.id})
SET n.kind = 'Company', n.name = row.name, n.aliases = row.aliases, n.description = row.description, n.wikidata = row.wikidata, n.sources = row.sources, n.searchText = row.searchText,
    n.companyType = row.companyType
