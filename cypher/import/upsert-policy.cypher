// Creates or updates Policy nodes, one per row, keyed by id.
UNWIND $rows AS row
MERGE (n:Policy {id: row.id})
SET n.kind = 'Policy', n.name = row.name, n.aliases = row.aliases, n.description = row.description, n.wikidata = row.wikidata, n.sources = row.sources, n.searchText = row.searchText,
    n.policyType = row.policyType,
    n.startDateValues = row.startDateValues, n.startDateSources = row.startDateSources,
    n.endDateValues = row.endDateValues, n.endDateSources = row.endDateSources
