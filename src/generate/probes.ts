import {
  covers,
  monthIndex,
  PROBE_PERIOD,
  PROBE_YEAR,
  type AssociationPlan,
  type CompanyPlan,
  type World,
  type WorldProbes,
  type WorldSizes,
} from './model.js';

/**
 * Picks the ids the benchmark's fixed operations use, from what the world holds: each is checked
 * against the plan, so it resolves in the imported graph (test/generate/generate.test.ts).
 */
export function chooseProbes(
  sizes: WorldSizes,
  companies: readonly CompanyPlan[],
  associations: readonly AssociationPlan[],
  soleEmployees: ReadonlyMap<number, string>,
  records: World['records'],
): WorldProbes {
  const probeMonth = monthIndex(PROBE_PERIOD);
  const yearStart = monthIndex(`${PROBE_YEAR}-01`);
  const makers = companies
    .filter((c) => c.type === 'manufacturer' && c.subject && covers(c.subject, yearStart))
    .sort((a, b) => b.size - a.size || a.index - b.index);
  // A mid-size maker: a tenth of the way down the list of makers with statistics.
  const company = makers[Math.floor(makers.length / 10)] ?? makers[0] ?? companies[0];
  if (!company) throw new Error('the generated graph has no companies');

  // The association: a makers' association with about the wanted number of members, enough of
  // whom export to one destination in the probe month; that destination is the members' most common.
  const destinationsOf = (association: AssociationPlan): [string, number][] => {
    const counts = new Map<string, number>();
    for (const member of association.members) {
      const plan = companies[member.company]?.subject;
      if (!plan || !covers(plan, probeMonth)) continue;
      for (const spec of plan.potential.slice(0, plan.seriesCount)) {
        if (spec.metric === 'exports' && spec.destination) {
          counts.set(spec.destination, (counts.get(spec.destination) ?? 0) + 1);
        }
      }
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  const target = sizes.probeMembers;
  // The US when enough members export there (so every scale probes the same destination), else
  // the members' most common destination.
  const scored = associations.map((association) => {
    const counts = destinationsOf(association);
    const enough = ([, count]: [string, number]): boolean => count >= Math.min(5, association.members.length);
    const us = counts.find(([d]) => d === 'US');
    const best = us && enough(us) ? us : counts[0];
    return { association, best, enough: best !== undefined && enough(best), us: best?.[0] === 'US' };
  });
  const chosen = scored.sort(
    (a, b) =>
      Number(b.association.focus === 'manufacturer') - Number(a.association.focus === 'manufacturer') ||
      Number(b.enough) - Number(a.enough) ||
      Number(b.us) - Number(a.us) ||
      Math.abs(a.association.members.length - target) - Math.abs(b.association.members.length - target) ||
      a.association.id.localeCompare(b.association.id),
  )[0];
  if (!chosen) throw new Error('the generated graph has no associations');
  const association = chosen.association;
  const destination = chosen.best?.[0] ?? 'US';

  // A path of exactly three hops: a person whose only role is at company C, to another company
  // headquartered in C's country that is neither C's parent nor its subsidiary.
  let pathFrom = '';
  let pathTo = '';
  const candidates = [...soleEmployees].sort((a, b) => a[0] - b[0]);
  for (const [index, person] of candidates) {
    const c = companies[index];
    if (!c) continue;
    const other = companies.find(
      (q) => q.index !== c.index && q.country === c.country && q.parent !== c.index && c.parent !== q.index,
    );
    if (other) {
      pathFrom = person;
      pathTo = other.id;
      break;
    }
  }

  // Search text: a company word that a few entities' names or ids contain.
  const texts: string[] = [];
  for (const list of Object.values(records)) {
    for (const record of list) {
      texts.push(
        [record.id, record.name, record.title, ...((record.aliases as readonly string[] | undefined) ?? [])]
          .filter((x) => typeof x === 'string')
          .join('|')
          .toLowerCase(),
      );
    }
  }
  const matches = (word: string): number => texts.filter((t) => t.includes(word)).length;
  let searchText = company.word;
  const ordered = [company, ...companies];
  for (const candidate of ordered.slice(0, 200)) {
    const count = matches(candidate.word.toLowerCase());
    if (count >= 2 && count <= 8) {
      searchText = candidate.word;
      break;
    }
  }

  return {
    company: company.id,
    searchText,
    association: association.id,
    destination,
    period: PROBE_PERIOD,
    timeSeriesSubject: company.id,
    timeSeriesMetric: 'production',
    timeSeriesFrom: `${PROBE_YEAR}-01`,
    timeSeriesTo: `${PROBE_YEAR}-12`,
    pathFrom,
    pathTo,
  };
}
