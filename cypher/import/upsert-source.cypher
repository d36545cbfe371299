// Creates or updates Source nodes (cited documents), keyed by id.
UNWIND $rows AS row
MERGE (n:Source {id: row.id})
SET n.kind = 'Source', n.name = row.title, n.title = row.title, n.publisher = row.publisher, n.published = row.published,
    n.url = row.url, n.language = row.language, n.description = row.description, n.searchText = row.searchText
