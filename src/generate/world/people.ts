import type { AssociationPlan, CompanyPlan, OutputRecord } from '../model.js';
import { cumulativeOf, Random } from '../random.js';
import { AGENCY_ROLES, ASSOCIATION_ROLES, COMPANY_ROLES, FIRST_NAMES, LAST_NAMES } from '../vocabulary.js';
import { synthetic, type WorldContext } from './context.js';

export interface People {
  readonly records: OutputRecord[];
  /** People with exactly one role, by the index of the company they work for. */
  readonly soleEmployees: Map<number, string>;
}

/** People: one role each (at a company, an association or an agency), a few with a second one. */
export function buildPeople(
  world: WorldContext,
  companies: readonly CompanyPlan[],
  associations: readonly AssociationPlan[],
  agencies: readonly OutputRecord[],
): People {
  const { sizes, registry, claims } = world;
  const random = new Random(world.seed, 'people');
  const records: OutputRecord[] = [];
  const employerWeights = cumulativeOf(companies.map((c) => Math.sqrt(c.size)));
  const soleEmployees = new Map<number, string>();
  for (let n = 0; n < sizes.people; n += 1) {
    const id = `g-person-${n + 1}`;
    const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    records.push({ id, name, description: synthetic('person'), sources: [registry] });
    const roles = random.chance(0.08) ? 2 : 1;
    const organisations = new Set<string>();
    for (let r = 0; r < roles; r += 1) {
      const roll = random.float();
      let to: string;
      let role: string;
      let company: CompanyPlan | null = null;
      if (roll < 0.85 && companies.length > 0) {
        company = random.pickWeighted(companies, employerWeights);
        to = company.id;
        role = random.pick(COMPANY_ROLES);
      } else if (roll < 0.95 && associations.length > 0) {
        to = random.pick(associations).id;
        role = random.pick(ASSOCIATION_ROLES);
      } else {
        to = random.pick(agencies).id as string;
        role = random.pick(AGENCY_ROLES);
      }
      if (organisations.has(to)) continue;
      organisations.add(to);
      claims.push({
        type: 'WORKS_FOR',
        from: id,
        to,
        source: registry,
        role,
        since: String(random.int(Math.max(1995, company?.founded ?? 1995), 2025)),
      });
      if (roles === 1 && company && !soleEmployees.has(company.index)) soleEmployees.set(company.index, id);
    }
  }
  return { records, soleEmployees };
}
