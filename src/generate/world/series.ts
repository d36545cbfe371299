import {
  FIRST_YEAR,
  type AssociationPlan,
  type AssociationSeries,
  type CompanyPlan,
  type SubjectPlan,
  type WorldSizes,
} from '../model.js';
import { allocate, planCompanies, planCountries } from '../series-plan.js';
import type { Publisher } from './agencies.js';

/**
 * Statistic series: countries with a statistics office, then every maker and supplier, sized so
 * that with the associations' yearly member counts they come close to the scale's budget.
 */
export function planSeries(
  seed: number,
  sizes: WorldSizes,
  companies: readonly CompanyPlan[],
  associations: readonly AssociationPlan[],
  agencyOf: ReadonlyMap<string, Publisher>,
  observatory: Publisher,
): { subjects: SubjectPlan[]; associationSeries: AssociationSeries[] } {
  const subjects: SubjectPlan[] = [];
  const countrySubjects = planCountries(seed, sizes, companies, agencyOf);
  subjects.push(...countrySubjects);
  const companySubjects = planCompanies(seed, companies, agencyOf, observatory);
  const companyWeights = companySubjects.map((plan) =>
    Math.pow(companies[plan.companyIndex]?.size ?? 1, 0.7),
  );
  // Association member counts (yearly), from the membership years.
  const associationSeries: AssociationSeries[] = associations.map((association) => {
    const counts: { year: number; members: number }[] = [];
    for (let year = Math.max(FIRST_YEAR, association.founded); year <= 2024; year += 1) {
      counts.push({ year, members: association.members.filter((m) => m.since <= year).length });
    }
    return {
      id: association.id,
      source: `g-source-${association.id.replace(/^g-assoc-/, '')}-directory-2024`,
      counts,
    };
  });
  const fixed =
    countrySubjects.reduce((sum, s) => sum + s.seriesCount * s.length, 0) +
    associationSeries.reduce((sum, s) => sum + s.counts.length, 0);
  allocate(Math.max(0, sizes.statistics - fixed), companySubjects, companyWeights);
  for (const plan of companySubjects) if (plan.seriesCount > 0) subjects.push(plan);
  return { subjects, associationSeries };
}
