// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Links new statistics to the Country in their measures field.
COPY MEASURES FROM (
  UNWIND string_split($links, '\u001e') AS line
  WITH string_split(line, '\u001f') AS f
  WHERE size(f) = 2
  RETURN f[1], f[2]
) (from='Statistic', to='Country')
