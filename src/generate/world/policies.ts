import type { CompanyPlan, OutputRecord } from '../model.js';
import { cumulativeOf, Random } from '../random.js';
import { MAJOR_COUNTRIES } from '../vocabulary.js';
import { synthetic, type WorldContext } from './context.js';
import type { Sectors } from './sectors.js';

const POLICY_TYPES = ['agreement', 'tariff', 'program', 'regulation', 'standard', 'review'] as const;

/** Policies: agreements between countries, tariffs and rules bearing on sectors and companies. */
export function buildPolicies(
  world: WorldContext,
  bySize: readonly CompanyPlan[],
  sectors: Sectors,
): OutputRecord[] {
  const { sizes, policyDigest, claims } = world;
  const { chapterIds, headingIds, sectorNames } = sectors;
  const random = new Random(world.seed, 'policies');
  const records: OutputRecord[] = [];
  const agreements: { id: string; name: string; parties: string[] }[] = [];
  const policyCumulative = cumulativeOf([20, 30, 20, 15, 10, 5]);
  for (let n = 0; n < sizes.policies; n += 1) {
    let type = random.pickWeighted(POLICY_TYPES, policyCumulative);
    if (type === 'review' && agreements.length === 0) type = 'agreement';
    const id = `g-policy-${n + 1}`;
    const country = random.pick(MAJOR_COUNTRIES.slice(0, 12));
    const countryName = world.countryName(country);
    const heading = random.pick(headingIds.length > 0 ? headingIds : chapterIds);
    const startYear = random.int(1994, 2026);
    let name: string;
    const affects: string[] = [];
    const parties: { country: string; role: string }[] = [];
    let partOf: string | null = null;
    switch (type) {
      case 'agreement': {
        const members = random
          .distinct(Math.min(MAJOR_COUNTRIES.length, 20), random.int(2, 5))
          .map((i) => MAJOR_COUNTRIES[i] ?? 'MX');
        name = `${world.newWord()} Trade Agreement (${members.join('–')})`;
        for (const member of members) parties.push({ country: member, role: 'party' });
        affects.push(random.pick(chapterIds));
        agreements.push({ id, name, parties: members });
        break;
      }
      case 'tariff':
        name = `${countryName} tariff on ${(sectorNames.get(heading) ?? 'goods').toLowerCase()} (${startYear})`;
        parties.push({ country, role: 'imposes' });
        affects.push(heading);
        break;
      case 'program':
        name = `${countryName} ${world.newWord()} export program`;
        parties.push({ country, role: 'runs' });
        affects.push(random.pick(chapterIds));
        break;
      case 'regulation':
        name = `${countryName} vehicle emissions rule ${startYear}`;
        parties.push({ country, role: 'issues' });
        affects.push(heading);
        break;
      case 'standard':
        name = `${world.newWord()} heavy vehicle standard`;
        parties.push({ country, role: 'issues' });
        affects.push(heading);
        break;
      case 'review': {
        const agreement = random.pick(agreements);
        name = `Review of the ${agreement.name}, ${startYear}`;
        partOf = agreement.id;
        for (const party of agreement.parties) parties.push({ country: party, role: 'reviewer' });
        break;
      }
    }
    if (type !== 'review' && bySize.length > 0 && random.chance(0.3)) {
      affects.push(random.pick(bySize.slice(0, Math.max(1, Math.ceil(bySize.length / 20)))).id);
    }
    const record: OutputRecord = {
      id,
      name,
      description: synthetic(`${type}`),
      sources: [policyDigest],
      policyType: type,
      startDate: String(startYear),
    };
    if (random.chance(0.2) && startYear < 2024) record.endDate = String(random.int(startYear + 1, 2026));
    records.push(record);
    for (const party of parties) {
      claims.push({ type: 'PARTY_TO', from: party.country, to: id, source: policyDigest, role: party.role });
    }
    if (partOf) claims.push({ type: 'PART_OF', from: id, to: partOf, source: policyDigest });
    for (const target of [...new Set(affects)])
      claims.push({ type: 'AFFECTS', from: id, to: target, source: policyDigest });
  }
  return records;
}
