import { FIRST_YEAR, LAST_YEAR, type OutputRecord } from '../model.js';
import { MAJOR_COUNTRIES } from '../vocabulary.js';
import { synthetic, type WorldContext } from './context.js';

/** An agency that publishes statistics, and the prefix of its yearly sources. */
export interface Publisher {
  readonly id: string;
  readonly sourcePrefix: string;
}

export interface Agencies {
  readonly records: OutputRecord[];
  readonly observatory: Publisher;
  /** The national statistics office of each country that has one. */
  readonly agencyOf: Map<string, Publisher>;
}

/**
 * Agencies: an international observatory and national statistics offices; each publishes a
 * yearly bulletin (one Source a year) that its statistics cite.
 */
export function buildAgencies(world: WorldContext): Agencies {
  const { sizes, registry, claims } = world;
  const records: OutputRecord[] = [];
  const agencyOf = new Map<string, Publisher>();
  const yearlySources = (prefix: string, title: string): void => {
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
      world.source(`${prefix}-${year}`, `${title}, ${year}`, String(year), `monthly figures for ${year}.`);
    }
  };
  const observatory = { id: 'g-agency-trade-observatory', sourcePrefix: 'g-source-trade-observatory' };
  records.push({
    id: observatory.id,
    name: 'International Vehicle Trade Observatory',
    description: synthetic('international statistics agency'),
    sources: [registry],
  });
  claims.push({ type: 'HEADQUARTERED_IN', from: observatory.id, to: 'CH', source: registry });
  yearlySources(observatory.sourcePrefix, 'Synthetic Vehicle Trade Observatory bulletin');
  for (const country of MAJOR_COUNTRIES.slice(0, Math.max(0, sizes.agencies - 1))) {
    const key = `${country.toLowerCase()}-statistics`;
    const id = `g-agency-${key}`;
    records.push({
      id,
      name: `National Statistics Office of ${world.countryName(country)}`,
      description: synthetic(`national statistics office of ${world.countryName(country)}`),
      sources: [registry],
    });
    claims.push({ type: 'HEADQUARTERED_IN', from: id, to: country, source: registry });
    const prefix = `g-source-${key}`;
    yearlySources(prefix, `Synthetic ${country} statistics office bulletin`);
    agencyOf.set(country, { id, sourcePrefix: prefix });
  }
  return { records, observatory, agencyOf };
}
