// Creates or updates Region nodes, one per row, keyed by id.
UNWIND $rows AS row
MERGE (n:Region {id: row.id})
SET n.kind = 'Region', n.name = row.name, n.aliases = row.aliases, n.description = row.description, n.wikidata = row.wikidata, n.sources = row.sources, n.searchText = row.searchText,
    n.regionType = row.regionType
