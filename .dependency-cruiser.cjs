/**
 * The dependency rule of src/ (docs/architecture.md), checked by `npm run lint`:
 *
 *   entry (index, trade-graph, cli) → server, explorer → graphql → limits → capabilities
 *   (queries, search, import, export, records, generate) → store port and catalog → adapters
 *   (store/embedded, store/neo4j) → named Cypher files;  config and paths below the store;
 *   domain at the bottom, importing nothing of ours.
 *
 * Each rule forbids one wrong-way direction; `no-circular` forbids any import cycle. Type-only
 * imports count too (`tsPreCompilationDeps`): a cycle through types is still a knot to untie
 * (the explorer's browser bundle excepted, see its rule).
 */
const CAPABILITIES = '^src/(queries|search|import|export|records|generate)/';
const ABOVE_CAPABILITIES = '^src/(graphql|limits|server|explorer|cli|trade-graph\\.ts|index\\.ts)';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: split the shared part into a module both can import.',
      from: { path: '^src/', pathNot: '^src/explorer/app/' },
      to: { circular: true },
    },
    {
      name: 'no-circular-in-the-explorer-app',
      severity: 'error',
      comment:
        'The browser bundle may name a type of the view that lazy-loads a component (erased at build); any other cycle is an error.',
      from: { path: '^src/explorer/app/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'domain-imports-nothing-of-ours',
      severity: 'error',
      comment: 'src/domain/ is the vocabulary every layer shares: it imports no other folder of src/.',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'config-below-the-store',
      severity: 'error',
      comment:
        'config.ts and paths.ts are read by the store: they import only the domain and the limit values.',
      from: { path: '^src/(config|paths)\\.ts$' },
      to: { path: '^src/', pathNot: '^src/(domain/|paths\\.ts$|limits/query-limits\\.ts$)' },
    },
    {
      name: 'query-limits-import-nothing',
      severity: 'error',
      comment: 'limits/query-limits.ts holds plain values that config.ts reads.',
      from: { path: '^src/limits/query-limits\\.ts$' },
      to: { path: '^src/' },
    },
    {
      name: 'store-below-capabilities',
      severity: 'error',
      comment: 'The store (port, catalog, adapters) knows nothing of the code that uses it.',
      from: { path: '^src/store/' },
      to: { path: `${CAPABILITIES}|${ABOVE_CAPABILITIES}` },
    },
    {
      name: 'adapters-behind-the-port',
      severity: 'error',
      comment:
        'Only open-store.ts chooses an adapter; everything else talks to the GraphStore port (graph-store.ts).',
      from: { path: '^src/', pathNot: '^src/store/(open-store\\.ts$|embedded/|neo4j/)' },
      to: { path: '^src/store/(embedded|neo4j)/' },
    },
    {
      name: 'drivers-only-in-their-adapter',
      severity: 'error',
      comment: 'Each driver is imported by its adapter alone.',
      from: { path: '^src/', pathNot: '^src/store/neo4j/' },
      to: { path: 'node_modules/neo4j-driver' },
    },
    {
      name: 'embedded-engine-only-in-its-adapter',
      severity: 'error',
      comment: 'Each driver is imported by its adapter alone.',
      from: { path: '^src/', pathNot: '^src/store/embedded/' },
      to: { path: 'node_modules/@ladybugdb/core' },
    },
    {
      name: 'capabilities-below-the-api',
      severity: 'error',
      comment: 'Capability modules answer in domain terms; GraphQL, limits and HTTP sit above them.',
      from: { path: CAPABILITIES },
      to: { path: ABOVE_CAPABILITIES },
    },
    {
      name: 'capabilities-apart',
      severity: 'error',
      comment:
        'Capability modules do not use one another, except the record format (records/) that import and export share, and generate, which writes the import format around the curated ids.',
      from: { path: '^src/(queries|search|import|export|records)/' },
      to: { path: CAPABILITIES, pathNot: ['^src/$1/', '^src/records/'] },
    },
    {
      name: 'records-below-import-and-export',
      severity: 'error',
      from: { path: '^src/records/' },
      to: { path: '^src/(import|export)/' },
    },
    {
      name: 'limits-below-graphql',
      severity: 'error',
      comment: 'Limits use the client errors and the context type of GraphQL, never its resolvers.',
      from: { path: '^src/limits/' },
      to: {
        path: '^src/(graphql|server|explorer|cli)/',
        pathNot: '^src/graphql/(errors|context)\\.ts$',
      },
    },
    {
      name: 'graphql-below-http',
      severity: 'error',
      from: { path: '^src/graphql/' },
      to: { path: '^src/(server|explorer|cli)/|^src/(trade-graph|index)\\.ts$' },
    },
    {
      name: 'http-not-into-the-cli',
      severity: 'error',
      from: { path: '^src/(server|explorer)/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'src-never-imports-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench|scripts|examples)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|var|coverage)/' },
    moduleSystems: ['cjs', 'es6'],
  },
};
