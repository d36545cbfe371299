import { cumulativeOf, Random } from './random.js';
import { DESTINATION_WEIGHTS } from './vocabulary.js';
import {
  FIRST_YEAR,
  LAST_YEAR,
  MONTHS,
  type CompanyPlan,
  type SeriesSpec,
  type SubjectPlan,
  type WorldSizes,
} from './model.js';

/**
 * The plan of the monthly statistic series: which series each country and company could report,
 * and how many of them, how long, fit the scale's statistics budget.
 */

/** Vehicles a year, roughly, that the main producing countries build (the rest: about 300,000). */
const NATIONAL_PRODUCTION: Readonly<Record<string, number>> = {
  CN: 27_000_000, US: 10_500_000, JP: 8_500_000, IN: 5_500_000, KR: 4_000_000, DE: 4_000_000,
  MX: 3_800_000, BR: 2_500_000, ES: 2_400_000, TH: 1_800_000, CA: 1_500_000, FR: 1_500_000,
  TR: 1_400_000, CZ: 1_400_000, GB: 900_000, SK: 1_000_000, IT: 800_000,
}; // prettier-ignore

/** Yearly exports and production of the countries with a statistics office, from their companies. */
export function planCountries(
  seed: number,
  sizes: WorldSizes,
  companies: readonly CompanyPlan[],
  agencyOf: ReadonlyMap<string, { id: string; sourcePrefix: string }>,
): SubjectPlan[] {
  const plans: SubjectPlan[] = [];
  const budget = (sizes.statistics * 0.05) / Math.max(1, agencyOf.size);
  for (const [country, agency] of agencyOf) {
    const random = new Random(seed, 'country', country);
    const makers = companies.filter((c) => c.country === country && c.type === 'manufacturer');
    // The national industry: at least the country's generated makers, at least a realistic level.
    const production = Math.max(
      makers.reduce((sum, c) => sum + c.size, 0),
      (NATIONAL_PRODUCTION[country] ?? 300_000) * random.between(0.8, 1.2),
    );
    const exportShare = country === 'MX' ? random.between(0.75, 0.9) : random.between(0.2, 0.6);
    const value = random.between(25_000, 60_000);
    const potential: SeriesSpec[] = [
      { metric: 'production', unit: 'vehicles', yearly: production },
      { metric: 'exports', unit: 'USD', yearly: production * exportShare * value },
    ];
    const partners = destinationsFor(random, country, 15);
    for (const [destination, share] of partners) {
      potential.push({
        metric: 'exports',
        unit: 'USD',
        destination,
        yearly: production * exportShare * value * share,
      });
    }
    potential.push({ metric: 'imports', unit: 'USD', yearly: production * value * random.between(0.3, 0.8) });
    const seriesCount = Math.max(1, Math.min(potential.length, Math.ceil(budget / MONTHS)));
    const length = Math.max(1, Math.min(MONTHS, Math.floor(budget / seriesCount)));
    plans.push({
      id: country,
      statisticPrefix: `g-country-${country.toLowerCase()}`,
      publishedBy: agency.id,
      sourcePrefix: agency.sourcePrefix,
      growth: random.between(-0.01, 0.05),
      potential,
      seriesCount,
      length,
      maxLength: MONTHS,
    });
  }
  return plans;
}

/** Destinations a subject exports to, most first, with their shares of its exports (summing below 1). */
function destinationsFor(random: Random, home: string, count: number): [string, number][] {
  const all = Object.keys(DESTINATION_WEIGHTS).filter((d) => d !== home);
  const chosen: [string, number][] = [];
  const remaining = [...all];
  for (let i = 0; i < count && remaining.length > 0; i += 1) {
    const cumulative = cumulativeOf(remaining.map((d) => DESTINATION_WEIGHTS[d] ?? 0.1));
    const destination = random.pickWeighted(remaining, cumulative);
    remaining.splice(remaining.indexOf(destination), 1);
    chosen.push([destination, (DESTINATION_WEIGHTS[destination] ?? 0.1) * random.between(0.5, 1.5)]);
  }
  const total = chosen.reduce((sum, [, w]) => sum + w, 0) / 0.9;
  return chosen.map(([d, w]) => [d, w / total]);
}

/** The series each maker and supplier could report, in the order they are taken. */
export function planCompanies(
  seed: number,
  companies: readonly CompanyPlan[],
  agencyOf: ReadonlyMap<string, { id: string; sourcePrefix: string }>,
  observatory: { id: string; sourcePrefix: string },
): (SubjectPlan & { companyIndex: number })[] {
  const plans: (SubjectPlan & { companyIndex: number })[] = [];
  for (const company of companies) {
    if (company.type !== 'manufacturer' && company.type !== 'supplier') continue;
    const random = new Random(seed, 'company-series', company.index);
    const agency = agencyOf.get(company.country) ?? observatory;
    const maker = company.type === 'manufacturer';
    const unit = maker ? 'vehicles' : 'USD';
    const perUnit = maker ? 1 : random.between(2_000, 20_000);
    const exportShare = company.country === 'MX' ? random.between(0.6, 0.95) : random.between(0.1, 0.6);
    const exported = company.size * exportShare * perUnit;
    const sector = company.sectors[0];
    const destinationCount = Math.max(1, Math.min(20, Math.round(1 + 3 * Math.log10(company.size / 50))));
    const destinations = destinationsFor(random, company.country, destinationCount);
    const origins = destinationsFor(random, company.country, Math.ceil(destinationCount / 3));
    const imported = company.size * random.between(2_000, 15_000);
    const potential: SeriesSpec[] = [];
    if (maker) potential.push({ metric: 'production', unit: 'vehicles', sector, yearly: company.size });
    destinations.forEach(([destination, share], i) => {
      potential.push({ metric: 'exports', unit, destination, sector, yearly: exported * share });
      // The all-destinations total comes after the main destination.
      if (i === 0) potential.push({ metric: 'exports', unit, sector, yearly: exported });
      if (i % 2 === 1) {
        const j = (i - 1) / 2;
        if (j === 0) potential.push({ metric: 'imports', unit: 'USD', yearly: imported });
        else {
          const origin = origins[j - 1];
          if (origin)
            potential.push({
              metric: 'imports',
              unit: 'USD',
              origin: origin[0],
              yearly: imported * origin[1],
            });
        }
      }
    });
    const plan = {
      companyIndex: company.index,
      id: company.id,
      statisticPrefix: company.id,
      publishedBy: agency.id,
      sourcePrefix: agency.sourcePrefix,
      growth: random.between(-0.03, 0.08),
      potential,
      seriesCount: 0,
      length: 0,
      maxLength: Math.min(MONTHS, (LAST_YEAR - Math.max(FIRST_YEAR, company.founded) + 1) * 12),
    };
    company.subject = plan;
    plans.push(plan);
  }
  return plans;
}

/**
 * Shares the statistics budget among companies by size (softened: size^0.7), none above what its
 * series can hold ("water filling"), then turns each share into a number of series and a length.
 */
export function allocate(budget: number, plans: SubjectPlan[], weights: readonly number[]): void {
  const caps = plans.map((plan) => plan.potential.length * plan.maxLength);
  const order = plans
    .map((_, i) => i)
    .sort((a, b) => (caps[a] ?? 0) / (weights[a] ?? 1) - (caps[b] ?? 0) / (weights[b] ?? 1) || a - b);
  let remaining = budget;
  let weightLeft = weights.reduce((sum, w) => sum + w, 0);
  for (const i of order) {
    const plan = plans[i];
    const weight = weights[i] ?? 0;
    const cap = caps[i] ?? 0;
    if (!plan) continue;
    const share = weightLeft > 0 ? (remaining * weight) / weightLeft : 0;
    const given = Math.min(cap, share);
    remaining -= given;
    weightLeft -= weight;
    const b = Math.round(given);
    if (b < 3) continue;
    let count = Math.max(1, Math.min(plan.potential.length, Math.round(Math.sqrt(b / 12))));
    let length = Math.floor(b / count);
    if (length > plan.maxLength) {
      count = Math.min(plan.potential.length, Math.ceil(b / plan.maxLength));
      length = Math.min(plan.maxLength, Math.floor(b / count));
    }
    plan.seriesCount = count;
    plan.length = length;
  }
}
