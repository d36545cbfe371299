import { pad2, type OutputRecord } from '../model.js';
import { MAJOR_COUNTRIES } from '../vocabulary.js';
import { synthetic, type WorldContext } from './context.js';

export interface Region {
  readonly id: string;
  readonly name: string;
}

/** Every ISO 3166-1 country; the curated ones are referred to, never written. */
export function buildCountries(world: WorldContext): OutputRecord[] {
  const records: OutputRecord[] = [];
  for (const id of world.countryIds) {
    if (world.curatedIds.has(id)) continue;
    records.push({ id, name: world.countryName(id), sources: [world.registry] });
  }
  return records;
}

/** States of the first few major countries, ids ISO 3166-2-like with a G (generated) code. */
export function buildRegions(world: WorldContext): {
  records: OutputRecord[];
  regionsOf: Map<string, Region[]>;
} {
  const { sizes, registry } = world;
  const records: OutputRecord[] = [];
  const regionsOf = new Map<string, Region[]>();
  for (const country of MAJOR_COUNTRIES.slice(0, sizes.regionCountries)) {
    const list: Region[] = [];
    for (let k = 1; k <= sizes.regionsPerCountry; k += 1) {
      const id = `${country}-G${pad2(k)}`;
      if (world.curatedIds.has(id)) continue;
      const name = world.wordChance(0.2) ? `Nuevo ${world.newWord()}` : world.newWord();
      records.push({
        id,
        name,
        description: synthetic(`state of ${world.countryName(country)}`),
        sources: [registry],
        regionType: 'state',
      });
      world.claims.push({ type: 'LOCATED_IN', from: id, to: country, source: registry });
      list.push({ id, name });
    }
    regionsOf.set(country, list);
  }
  return { records, regionsOf };
}
