// Creates or updates Agency nodes, one per row, keyed by id.
UNWIND $rows AS row
MERGE (n:Agency {id: row.id})
SET n.kind = 'Agency', n.name = row.name, n.aliases = row.aliases, n.description = row.description, n.wikidata = row.wikidata, n.sources = row.sources, n.searchText = row.searchText
