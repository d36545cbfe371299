import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync, type NonEmptyArray } from 'type-graphql';
import { Agency } from './entities/agency.type.js';
import { Association } from './entities/association.type.js';
import { Company } from './entities/company.type.js';
import { Country } from './entities/country.type.js';
import { createKindResolver } from './entities/kind.resolver.js';
import { EntityResolver } from './entities/entity.resolver.js';
import { SearchResolver } from './search/search.resolver.js';
import { EntityRelationsResolver } from './relations/entity-relations.resolver.js';
import { EntityStatisticsResolver } from './statistics/entity-statistics.resolver.js';
import { GraphResolver } from './graph/graph.resolver.js';
import { Person } from './entities/person.type.js';
import { Plant } from './entities/plant.type.js';
import { Policy } from './entities/policy.type.js';
import { RankingResolver } from './ranking/ranking.resolver.js';
import { Region } from './entities/region.type.js';
import { Sector } from './entities/sector.type.js';
import { Source } from './entities/source.type.js';
import { StatisticResolver } from './statistics/statistic.resolver.js';
import { ConflictResolver } from './conflicts/conflict.resolver.js';
import { FactConflictResolver } from './conflicts/fact-conflict.resolver.js';

const kindResolvers = [
  createKindResolver('Company', Company, Company.from, { one: 'company', many: 'companies' }),
  createKindResolver('Plant', Plant, Plant.from, { one: 'plant', many: 'plants' }),
  createKindResolver('Association', Association, Association.from, {
    one: 'association',
    many: 'associations',
  }),
  createKindResolver('Sector', Sector, Sector.from, { one: 'sector', many: 'sectors' }),
  createKindResolver('Policy', Policy, Policy.from, { one: 'policy', many: 'policies' }),
  createKindResolver('Country', Country, Country.from, { one: 'country', many: 'countries' }),
  createKindResolver('Region', Region, Region.from, { one: 'region', many: 'regions' }),
  createKindResolver('Person', Person, Person.from, { one: 'person', many: 'people' }),
  createKindResolver('Agency', Agency, Agency.from, { one: 'agency', many: 'agencies' }),
  createKindResolver('Source', Source, Source.from, { one: 'source', many: 'sources' }),
];

let schema: GraphQLSchema | undefined;

/** The GraphQL schema, built once per process. */
export function tradeGraphSchema(): GraphQLSchema {
  schema ??= buildSchemaSync({
    resolvers: [
      EntityResolver,
      SearchResolver,
      EntityRelationsResolver,
      EntityStatisticsResolver,
      StatisticResolver,
      RankingResolver,
      ConflictResolver,
      FactConflictResolver,
      GraphResolver,
      ...kindResolvers,
    ] as NonEmptyArray<(typeof kindResolvers)[number]>,
    orphanedTypes: [Company, Plant, Association, Sector, Policy, Country, Region, Person, Agency, Source],
    validate: false,
  });
  const queryType = schema.getQueryType();
  if (queryType) {
    queryType.description =
      'Read the US–Mexico trade graph: look up and list entities, search, traverse relationships, and query, rank and trace cited statistics.';
  }
  return schema;
}

export const SDL_BANNER =
  '# Generated from the type-graphql classes in src/graphql by `npm run schema:print`; do not edit.\n';

/** The printed schema, sorted, as committed in schema/schema.graphql. */
export function printedSchema(): string {
  return `${SDL_BANNER}\n${printSchema(lexicographicSortSchema(tradeGraphSchema()))}\n`;
}
