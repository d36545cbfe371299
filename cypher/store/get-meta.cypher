// Reads a key/value pair about the database itself.
MATCH (m:Meta {key: $key})
RETURN m.value AS value
