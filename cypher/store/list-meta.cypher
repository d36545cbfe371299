// Meta entries whose key starts with a prefix, in key order (an import's journal: `import:<id>…`).
MATCH (m:Meta)
WHERE m.key STARTS WITH $keyPrefix
RETURN m.key AS key, m.value AS value
ORDER BY key
