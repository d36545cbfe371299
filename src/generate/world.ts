import type { World, WorldSizes } from './model.js';
import { chooseProbes } from './probes.js';
import { buildAgencies } from './world/agencies.js';
import { buildAssociations } from './world/associations.js';
import { buildCompanies } from './world/companies.js';
import { startWorld } from './world/context.js';
import { buildPeople } from './world/people.js';
import { buildCountries, buildRegions } from './world/places.js';
import { buildPlants } from './world/plants.js';
import { buildPolicies } from './world/policies.js';
import { planSeries } from './world/series.js';
import { buildSectors } from './world/sectors.js';

/**
 * The entities of a generated graph, decided in memory (they grow with the scale, but slowly:
 * tens of thousands at L), their claims, the plan of its statistic series (`series-plan.ts`),
 * which `statistics.ts` turns into millions of records on the fly, and the probes (`probes.ts`).
 *
 * Each part is built by its module in `world/`. The order of the calls below is part of the
 * output: the parts append to one list of sources and one of claims, and the made-up words come
 * from one seeded stream (regions, company names, associations, policies, in that order).
 */

/** Builds the whole world for a seed. `curatedIds` are ids the curated dataset holds: never emitted. */
export function buildWorld(seed: number, sizes: WorldSizes, curatedIds: ReadonlySet<string>): World {
  const world = startWorld(seed, sizes, curatedIds);
  const countries = buildCountries(world);
  const regions = buildRegions(world);
  const sectors = buildSectors(world);
  const agencies = buildAgencies(world);
  const { companies, bySize, records: companyRecords } = buildCompanies(world, sectors);
  const { associations, records: associationRecords } = buildAssociations(
    world,
    companies,
    sectors.chapterIds,
  );
  const plants = buildPlants(world, companies, regions.regionsOf, sectors);
  const policies = buildPolicies(world, bySize, sectors);
  const people = buildPeople(world, companies, associations, agencies.records);
  const { subjects, associationSeries } = planSeries(
    seed,
    sizes,
    companies,
    associations,
    agencies.agencyOf,
    agencies.observatory,
  );

  const records = {
    sources: world.sources,
    countries,
    regions: regions.records,
    sectors: sectors.records,
    agencies: agencies.records,
    associations: associationRecords,
    companies: companyRecords,
    plants,
    policies,
    people: people.records,
  };
  const probes = chooseProbes(sizes, companies, associations, people.soleEmployees, records);
  return { records, claims: world.claims, subjects, associationSeries, probes };
}
