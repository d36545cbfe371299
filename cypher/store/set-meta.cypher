// Stores a key/value pair about the database itself (dataset fingerprint, load time).
MERGE (m:Meta {key: $key})
SET m.value = $value
