// Creates or updates Country nodes, one per row, keyed by id.
UNWIND $rows AS row
MERGE (n:Country {id: row.id})
SET n.kind = 'Country', n.name = row.name, n.aliases = row.aliases, n.description = row.description, n.wikidata = row.wikidata, n.sources = row.sources, n.searchText = row.searchText
