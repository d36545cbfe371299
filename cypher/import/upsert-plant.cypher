// Creates or updates Plant nodes, one per row, keyed by id.
UNWIND $rows AS row
MERGE (n:Plant {id: row.id})
SET n.kind = 'Plant', n.name = row.name, n.aliases = row.aliases, n.description = row.description, n.wikidata = row.wikidata, n.sources = row.sources, n.searchText = row.searchText,
    n.facilityType = row.facilityType,
    n.openedValues = row.openedValues, n.openedSources = row.openedSources,
    n.products = row.products
