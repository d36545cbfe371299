// How many statistics the store holds: a bulk import compares its new ones with it to decide
// whether to build the Statistic table again (src/import/staging.ts).
MATCH (s:Statistic)
RETURN count(s) AS statistics
