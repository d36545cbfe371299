// Creates or updates Association nodes, one per row, keyed by id.
UNWIND $rows AS row
MERGE (n:Association {id: row.id})
SET n.kind = 'Association', n.name = row.name, n.aliases = row.aliases, n.description = row.description, n.wikidata = row.wikidata, n.sources = row.sources, n.searchText = row.searchText,
    n.nameEs = row.nameEs,
    n.nameEn = row.nameEn,
    n.foundedValues = row.foundedValues, n.foundedSources = row.foundedSources
