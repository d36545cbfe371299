import type { CompanyPlan, CompanyType, OutputRecord } from '../model.js';
import { cumulativeOf, Random } from '../random.js';
import { COMPANY_WORDS, HEADQUARTERS_WEIGHTS, LEGAL_FORMS, MAJOR_COUNTRIES } from '../vocabulary.js';
import { slug, synthetic, type WorldContext } from './context.js';
import type { Sectors } from './sectors.js';

export interface Companies {
  readonly companies: CompanyPlan[];
  /** The companies, largest first (ties by index). */
  readonly bySize: readonly CompanyPlan[];
  readonly records: OutputRecord[];
}

/** Companies: heavy-tailed sizes (Pareto), headquarters mostly in the major countries. */
export function buildCompanies(world: WorldContext, sectors: Sectors): Companies {
  const { sizes, curatedIds, registry, claims } = world;
  const { vehicleSectors, partSectors, headingIds, subheadingIds, chapterIds } = sectors;
  const allCountries = [...new Set([...world.countryIds, ...MAJOR_COUNTRIES])].sort();
  const hqCountries = [...MAJOR_COUNTRIES, ...allCountries.filter((c) => !MAJOR_COUNTRIES.includes(c))];
  const hqCumulative = cumulativeOf(
    hqCountries.map((c) => HEADQUARTERS_WEIGHTS[c] ?? (MAJOR_COUNTRIES.includes(c) ? 0.4 : 0.02)),
  );
  const types: CompanyType[] = ['manufacturer', 'supplier', 'logistics', 'carrier', 'brand', 'other'];
  const typeCumulative = cumulativeOf([25, 50, 8, 7, 4, 6]);
  const random = new Random(world.seed, 'companies');
  const companyWords: string[] = [];
  const wordPool = Math.max(8, Math.ceil(sizes.companies / 2.5));
  for (let i = 0; i < wordPool; i += 1) companyWords.push(world.newWord());
  const companyIds = new Set<string>();
  const companies: CompanyPlan[] = [];
  for (let index = 0; index < sizes.companies; index += 1) {
    const type = random.pickWeighted(types, typeCumulative);
    const country = random.pickWeighted(hqCountries, hqCumulative);
    const word = random.pick(companyWords);
    const kindWord = random.pick(COMPANY_WORDS[type] ?? ['Group']);
    const base = `${word} ${kindWord}`;
    let id = `g-${slug(base)}`;
    if (companyIds.has(id) || curatedIds.has(id)) id = `${id}-${index}`;
    companyIds.add(id);
    const legal = LEGAL_FORMS[country];
    const size = Math.min(2_500_000, Math.round(random.pareto(50, 1.1)));
    const founded = random.int(1930, 2022);
    const primary =
      type === 'manufacturer' || type === 'brand'
        ? random.pick(vehicleSectors)
        : type === 'supplier'
          ? random.pick(partSectors)
          : random.pick(headingIds.length > 0 ? headingIds : chapterIds);
    const companySectors = [primary];
    if (random.chance(0.25)) {
      const second = random.pick(subheadingIds.length > 0 ? subheadingIds : chapterIds);
      if (second !== primary) companySectors.push(second);
    }
    companies.push({
      index,
      id,
      word,
      name: legal ? `${base} ${legal}` : base,
      shortName: base,
      type,
      country,
      size,
      founded,
      sectors: companySectors,
      parent: null,
      subject: null,
    });
  }
  // Parents: some companies belong to a much larger one (no cycles: a parent is always larger).
  const bySize = [...companies].sort((a, b) => b.size - a.size || a.index - b.index);
  const parentPool = bySize.slice(0, Math.max(1, Math.ceil(companies.length * 0.05)));
  const parentCumulative = cumulativeOf(parentPool.map((c) => Math.sqrt(c.size)));
  for (const company of companies) {
    if (!random.chance(0.12)) continue;
    const parent = random.pickWeighted(parentPool, parentCumulative);
    if (parent.size >= company.size * 3) company.parent = parent.index;
  }
  const records: OutputRecord[] = [];
  for (const company of companies) {
    const record: OutputRecord = { id: company.id, name: company.name };
    // The name without its legal form, as people write it.
    if (company.shortName !== company.name) record.aliases = [company.shortName];
    record.description = synthetic(`${company.type} headquartered in ${world.countryName(company.country)}`);
    record.sources = [registry];
    record.companyType = company.type;
    records.push(record);
    claims.push({ type: 'HEADQUARTERED_IN', from: company.id, to: company.country, source: registry });
    for (const s of company.sectors)
      claims.push({ type: 'IN_SECTOR', from: company.id, to: s, source: registry });
    if (company.parent !== null) {
      const parent = companies[company.parent];
      if (parent) {
        claims.push({
          type: 'SUBSIDIARY_OF',
          from: company.id,
          to: parent.id,
          source: registry,
          since: String(Math.min(2025, Math.max(company.founded, parent.founded) + random.int(0, 20))),
        });
      }
    }
  }
  return { companies, bySize, records };
}
