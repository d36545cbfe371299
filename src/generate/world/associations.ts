import { DIRECTORY_YEARS, type AssociationPlan, type CompanyPlan, type OutputRecord } from '../model.js';
import { cumulativeOf, Random } from '../random.js';
import { MAJOR_COUNTRIES } from '../vocabulary.js';
import { slug, synthetic, type WorldContext } from './context.js';

export interface Associations {
  readonly associations: AssociationPlan[];
  readonly records: OutputRecord[];
}

/**
 * Associations: members heavy-tailed (a few large chambers, many small groups), each with a
 * member directory (one Source) per year of `DIRECTORY_YEARS`.
 */
export function buildAssociations(
  world: WorldContext,
  companies: readonly CompanyPlan[],
  chapterIds: readonly string[],
): Associations {
  const { sizes, registry, claims } = world;
  const random = new Random(world.seed, 'associations');
  const associations: AssociationPlan[] = [];
  const records: OutputRecord[] = [];
  const pools = {
    manufacturer: companies.filter((c) => c.type === 'manufacturer' || c.type === 'brand'),
    supplier: companies.filter((c) => c.type === 'supplier'),
    mixed: companies,
  };
  const largest = Math.max(5, Math.round(sizes.probeMembers * 2.5));
  const focusCycle = ['manufacturer', 'supplier', 'mixed'] as const;
  const associationCountries = cumulativeOf(
    MAJOR_COUNTRIES.map((c) => (c === 'MX' ? 40 : c === 'US' ? 20 : 2)),
  );
  for (let k = 0; k < sizes.associations; k += 1) {
    const focus = focusCycle[k % 3] ?? 'mixed';
    const country = random.pickWeighted(MAJOR_COUNTRIES, associationCountries);
    const chapter = focus === 'manufacturer' ? (chapterIds[0] ?? 'g-hs-87') : random.pick(chapterIds);
    const word = world.newWord();
    const what =
      focus === 'manufacturer'
        ? 'Vehicle Manufacturers'
        : focus === 'supplier'
          ? 'Parts Suppliers'
          : 'Industry and Trade';
    const nameEn = `${word} Association of ${what} of ${world.countryName(country)}`;
    const id = `g-assoc-${slug(word)}`;
    const founded = random.int(1940, 2015);
    const pool = pools[focus];
    const wanted = Math.min(
      Math.floor(pool.length * 0.6),
      Math.max(3, Math.round(largest / Math.pow(k + 1, 0.9))),
    );
    const weights = cumulativeOf(pool.map((c) => Math.sqrt(c.size) * (c.country === country ? 4 : 1)));
    const chosen = new Set<number>();
    for (let attempts = 0; chosen.size < wanted && attempts < wanted * 50; attempts += 1) {
      chosen.add(random.pickWeighted(pool, weights).index);
    }
    const members = [...chosen].map((company) => ({
      company,
      since: random.int(Math.max(founded, companies[company]?.founded ?? founded), 2024),
    }));
    associations.push({ id, name: nameEn, focus, country, founded, members });
    records.push({
      id,
      name: nameEn,
      aliases: [
        `${word} ${focus === 'manufacturer' ? 'Vehicle' : focus === 'supplier' ? 'Parts' : 'Trade'} Association`,
      ],
      description: synthetic(`industry association in ${world.countryName(country)}`),
      sources: [registry],
      nameEn,
      founded: String(founded),
    });
    claims.push({ type: 'HEADQUARTERED_IN', from: id, to: country, source: registry });
    claims.push({ type: 'IN_SECTOR', from: id, to: chapter, source: registry });
    const directories = DIRECTORY_YEARS.map((year) =>
      world.source(
        `g-source-${slug(word)}-directory-${year}`,
        `Synthetic member directory of the ${nameEn}, ${year}`,
        String(year),
        `members of a generated association as of ${year}.`,
      ),
    );
    const latest = directories[directories.length - 1] ?? registry;
    for (const member of members) {
      const company = companies[member.company];
      if (!company) continue;
      const since = String(member.since);
      claims.push({ type: 'MEMBER_OF', from: company.id, to: id, source: latest, asOf: '2024', since });
      DIRECTORY_YEARS.slice(0, -1).forEach((year, i) => {
        if (member.since <= year && random.chance(0.4)) {
          claims.push({
            type: 'MEMBER_OF',
            from: company.id,
            to: id,
            source: directories[i] ?? registry,
            asOf: String(year),
            since,
          });
        }
      });
    }
  }
  return { associations, records };
}
