/** The first line of every generated statement's file. */
export const GENERATED =
  '// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.';
