// Creates or updates Sector nodes, one per row, keyed by id.
UNWIND $rows AS row
MERGE (n:Sector {id: row.id})
SET n.kind = 'Sector', n.name = row.name, n.aliases = row.aliases, n.description = row.description, n.wikidata = row.wikidata, n.sources = row.sources, n.searchText = row.searchText,
    n.hsCodes = row.hsCodes,
    n.naicsCodes = row.naicsCodes
