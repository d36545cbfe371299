// Removes one Meta entry by key.
MATCH (m:Meta {key: $key})
DELETE m
