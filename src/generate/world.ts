import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import {
  DIRECTORY_YEARS,
  FIRST_YEAR,
  GENERATOR_PUBLISHER,
  LAST_YEAR,
  pad2,
  type AssociationPlan,
  type AssociationSeries,
  type Claim,
  type CompanyPlan,
  type CompanyType,
  type OutputRecord,
  type SubjectPlan,
  type World,
  type WorldSizes,
} from './model.js';
import { chooseProbes } from './probes.js';
import { cumulativeOf, Random } from './random.js';
import { allocate, planCompanies, planCountries } from './series-plan.js';
import {
  AGENCY_ROLES,
  ASSOCIATION_ROLES,
  COMPANY_ROLES,
  COMPANY_WORDS,
  FIRST_NAMES,
  HEADQUARTERS_WEIGHTS,
  HS_CHAPTERS,
  HS_HEADINGS,
  HS_SUBHEADINGS,
  LAST_NAMES,
  LEGAL_FORMS,
  MAJOR_COUNTRIES,
  SYLLABLES,
} from './vocabulary.js';

countries.registerLocale(english);

/**
 * The entities of a generated graph, decided in memory (they grow with the scale, but slowly:
 * tens of thousands at L), their claims, the plan of its statistic series (`series-plan.ts`),
 * which `statistics.ts` turns into millions of records on the fly, and the probes (`probes.ts`).
 */

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** Builds the whole world for a seed. `curatedIds` are ids the curated dataset holds: never emitted. */
export function buildWorld(seed: number, sizes: WorldSizes, curatedIds: ReadonlySet<string>): World {
  const seedText = `seed ${seed}`;
  const sources: OutputRecord[] = [];
  const claims: Claim[] = [];
  const source = (id: string, title: string, published: string, description: string): string => {
    sources.push({
      id,
      title,
      publisher: GENERATOR_PUBLISHER,
      published,
      url: `https://example.org/tradegraph-synthetic/${seed}/${id}`,
      language: 'en',
      description: `Synthetic, made up by the tradegraph generator (${seedText}): ${description}`,
    });
    return id;
  };
  const registry = source(
    'g-source-registry',
    'Synthetic register of companies, facilities and people',
    '2026',
    'names, places, ownership and roles of generated entities.',
  );
  const nomenclature = source(
    'g-source-hs-nomenclature',
    'Synthetic product nomenclature (HS-like)',
    '2022',
    'an HS-like hierarchy of chapters, headings and subheadings.',
  );
  const policyDigest = source(
    'g-source-policy-digest',
    'Synthetic digest of trade policies',
    '2026',
    'generated agreements, tariffs, programs and rules.',
  );
  const synthetic = (what: string): string => `Synthetic ${what}, made up by the tradegraph generator.`;

  // Countries: every ISO 3166-1 country; the curated ones are referred to, never written.
  const countryNames = countries.getNames('en', { select: 'official' });
  const countryIds = Object.keys(countryNames).sort();
  const countryRecords: OutputRecord[] = [];
  for (const id of countryIds) {
    if (curatedIds.has(id)) continue;
    countryRecords.push({ id, name: countryNames[id] ?? id, sources: [registry] });
  }
  const countryName = (id: string): string => countryNames[id] ?? id;
  const allCountries = [...new Set([...countryIds, ...MAJOR_COUNTRIES])].sort();

  // Made-up words, for places and company names.
  const wordRandom = new Random(seed, 'words');
  const usedWords = new Set<string>();
  const newWord = (): string => {
    for (;;) {
      const parts = wordRandom.int(2, 3);
      let word = '';
      for (let i = 0; i < parts; i += 1) word += wordRandom.pick(SYLLABLES);
      if (word.length >= 4 && !usedWords.has(word)) {
        usedWords.add(word);
        return capitalise(word);
      }
    }
  };

  // Regions: states of the first few major countries, ids ISO 3166-2-like with a G (generated) code.
  const regionRecords: OutputRecord[] = [];
  const regionsOf = new Map<string, { id: string; name: string }[]>();
  for (const country of MAJOR_COUNTRIES.slice(0, sizes.regionCountries)) {
    const list: { id: string; name: string }[] = [];
    for (let k = 1; k <= sizes.regionsPerCountry; k += 1) {
      const id = `${country}-G${pad2(k)}`;
      if (curatedIds.has(id)) continue;
      const name = wordRandom.chance(0.2) ? `Nuevo ${newWord()}` : newWord();
      regionRecords.push({
        id,
        name,
        description: synthetic(`state of ${countryName(country)}`),
        sources: [registry],
        regionType: 'state',
      });
      claims.push({ type: 'LOCATED_IN', from: id, to: country, source: registry });
      list.push({ id, name });
    }
    regionsOf.set(country, list);
  }

  // Sectors: chapters > headings > subheadings, as in the Harmonized System.
  const sectorRecords: OutputRecord[] = [];
  const headingIds: string[] = [];
  const subheadingIds: string[] = [];
  const sectorNames = new Map<string, string>();
  const chapterIds: string[] = [];
  const sector = (code: string, name: string, parent: string | null): string => {
    const id = `g-hs-${code}`;
    sectorRecords.push({
      id,
      name,
      description: synthetic(`HS-like product group ${code}`),
      sources: [nomenclature],
      hsCodes: [code],
    });
    sectorNames.set(id, name);
    if (parent) claims.push({ type: 'SUBSECTOR_OF', from: id, to: parent, source: nomenclature });
    return id;
  };
  /** A numbered code below `parent` that no named or earlier code uses, from `start` on. */
  const usedCodes = new Set<string>([
    ...Object.values(HS_HEADINGS).flatMap((list) => list.map(([code]) => code)),
    ...Object.values(HS_SUBHEADINGS).flatMap((list) => list.map(([code]) => code)),
  ]);
  const numbered = (parent: string, start: number, name: (code: string) => string): [string, string] => {
    for (let n = 0; n < 99; n += 1) {
      const code = `${parent}${pad2(((start - 1 + n) % 99) + 1)}`;
      if (!usedCodes.has(code)) {
        usedCodes.add(code);
        return [code, name(code)];
      }
    }
    throw new RangeError(`no free HS code left below ${parent}`);
  };
  for (const [chapter, chapterName] of HS_CHAPTERS.slice(0, sizes.chapters)) {
    const chapterId = sector(chapter, chapterName, null);
    chapterIds.push(chapterId);
    const named = HS_HEADINGS[chapter] ?? [];
    for (let h = 0; h < sizes.headingsPerChapter; h += 1) {
      const [heading, headingName] =
        named[h] ?? numbered(chapter, h * 7 + 1, (code) => `${chapterName}, heading ${code}`);
      const headingId = sector(heading, headingName, chapterId);
      headingIds.push(headingId);
      const namedSub = HS_SUBHEADINGS[heading] ?? [];
      for (let s = 0; s < sizes.subheadingsPerHeading; s += 1) {
        const [sub, subName] =
          namedSub[s] ??
          numbered(heading, s * 10 + 10, (code) => `${headingName}, subheading ${heading}.${code.slice(-2)}`);
        subheadingIds.push(sector(sub, subName, headingId));
      }
    }
  }
  const vehicleSectors = subheadingIds.filter((id) => /^g-hs-870[1-4]/.test(id));
  const partSectors = subheadingIds.filter((id) => !/^g-hs-870[1-4]/.test(id));
  if (vehicleSectors.length === 0) vehicleSectors.push(chapterIds[0] ?? 'g-hs-87');
  if (partSectors.length === 0) partSectors.push(...subheadingIds, ...chapterIds);

  // Agencies: an international observatory and national statistics offices; each publishes a
  // yearly bulletin (one Source a year) that its statistics cite.
  const agencyRecords: OutputRecord[] = [];
  const agencyOf = new Map<string, { id: string; sourcePrefix: string }>();
  const yearlySources = (prefix: string, title: string): void => {
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
      source(`${prefix}-${year}`, `${title}, ${year}`, String(year), `monthly figures for ${year}.`);
    }
  };
  const observatory = { id: 'g-agency-trade-observatory', sourcePrefix: 'g-source-trade-observatory' };
  agencyRecords.push({
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
    agencyRecords.push({
      id,
      name: `National Statistics Office of ${countryName(country)}`,
      description: synthetic(`national statistics office of ${countryName(country)}`),
      sources: [registry],
    });
    claims.push({ type: 'HEADQUARTERED_IN', from: id, to: country, source: registry });
    const prefix = `g-source-${key}`;
    yearlySources(prefix, `Synthetic ${country} statistics office bulletin`);
    agencyOf.set(country, { id, sourcePrefix: prefix });
  }

  // Companies: heavy-tailed sizes (Pareto), headquarters mostly in the major countries.
  const hqCountries = [...MAJOR_COUNTRIES, ...allCountries.filter((c) => !MAJOR_COUNTRIES.includes(c))];
  const hqCumulative = cumulativeOf(
    hqCountries.map((c) => HEADQUARTERS_WEIGHTS[c] ?? (MAJOR_COUNTRIES.includes(c) ? 0.4 : 0.02)),
  );
  const types: CompanyType[] = ['manufacturer', 'supplier', 'logistics', 'carrier', 'brand', 'other'];
  const typeCumulative = cumulativeOf([25, 50, 8, 7, 4, 6]);
  const companyRandom = new Random(seed, 'companies');
  const companyWords: string[] = [];
  const wordPool = Math.max(8, Math.ceil(sizes.companies / 2.5));
  for (let i = 0; i < wordPool; i += 1) companyWords.push(newWord());
  const companyIds = new Set<string>();
  const companies: CompanyPlan[] = [];
  for (let index = 0; index < sizes.companies; index += 1) {
    const type = companyRandom.pickWeighted(types, typeCumulative);
    const country = companyRandom.pickWeighted(hqCountries, hqCumulative);
    const word = companyRandom.pick(companyWords);
    const kindWord = companyRandom.pick(COMPANY_WORDS[type] ?? ['Group']);
    const base = `${word} ${kindWord}`;
    let id = `g-${slug(base)}`;
    if (companyIds.has(id) || curatedIds.has(id)) id = `${id}-${index}`;
    companyIds.add(id);
    const legal = LEGAL_FORMS[country];
    const size = Math.min(2_500_000, Math.round(companyRandom.pareto(50, 1.1)));
    const founded = companyRandom.int(1930, 2022);
    const primary =
      type === 'manufacturer' || type === 'brand'
        ? companyRandom.pick(vehicleSectors)
        : type === 'supplier'
          ? companyRandom.pick(partSectors)
          : companyRandom.pick(headingIds.length > 0 ? headingIds : chapterIds);
    const sectors = [primary];
    if (companyRandom.chance(0.25)) {
      const second = companyRandom.pick(subheadingIds.length > 0 ? subheadingIds : chapterIds);
      if (second !== primary) sectors.push(second);
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
      sectors,
      parent: null,
      subject: null,
    });
  }
  // Parents: some companies belong to a much larger one (no cycles: a parent is always larger).
  const bySize = [...companies].sort((a, b) => b.size - a.size || a.index - b.index);
  const parentPool = bySize.slice(0, Math.max(1, Math.ceil(companies.length * 0.05)));
  const parentCumulative = cumulativeOf(parentPool.map((c) => Math.sqrt(c.size)));
  for (const company of companies) {
    if (!companyRandom.chance(0.12)) continue;
    const parent = companyRandom.pickWeighted(parentPool, parentCumulative);
    if (parent.size >= company.size * 3) company.parent = parent.index;
  }
  const companyRecords: OutputRecord[] = [];
  for (const company of companies) {
    const record: OutputRecord = { id: company.id, name: company.name };
    // The name without its legal form, as people write it.
    if (company.shortName !== company.name) record.aliases = [company.shortName];
    record.description = synthetic(`${company.type} headquartered in ${countryName(company.country)}`);
    record.sources = [registry];
    record.companyType = company.type;
    companyRecords.push(record);
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
          since: String(Math.min(2025, Math.max(company.founded, parent.founded) + companyRandom.int(0, 20))),
        });
      }
    }
  }

  // Associations: members heavy-tailed (a few large chambers, many small groups).
  const associationRandom = new Random(seed, 'associations');
  const associations: AssociationPlan[] = [];
  const associationRecords: OutputRecord[] = [];
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
    const country = associationRandom.pickWeighted(MAJOR_COUNTRIES, associationCountries);
    const chapter =
      focus === 'manufacturer' ? (chapterIds[0] ?? 'g-hs-87') : associationRandom.pick(chapterIds);
    const word = newWord();
    const what =
      focus === 'manufacturer'
        ? 'Vehicle Manufacturers'
        : focus === 'supplier'
          ? 'Parts Suppliers'
          : 'Industry and Trade';
    const nameEn = `${word} Association of ${what} of ${countryName(country)}`;
    const id = `g-assoc-${slug(word)}`;
    const founded = associationRandom.int(1940, 2015);
    const pool = pools[focus];
    const wanted = Math.min(
      Math.floor(pool.length * 0.6),
      Math.max(3, Math.round(largest / Math.pow(k + 1, 0.9))),
    );
    const weights = cumulativeOf(pool.map((c) => Math.sqrt(c.size) * (c.country === country ? 4 : 1)));
    const chosen = new Set<number>();
    for (let attempts = 0; chosen.size < wanted && attempts < wanted * 50; attempts += 1) {
      chosen.add(associationRandom.pickWeighted(pool, weights).index);
    }
    const members = [...chosen].map((company) => ({
      company,
      since: associationRandom.int(Math.max(founded, companies[company]?.founded ?? founded), 2024),
    }));
    associations.push({ id, name: nameEn, focus, country, founded, members });
    associationRecords.push({
      id,
      name: nameEn,
      aliases: [
        `${word} ${focus === 'manufacturer' ? 'Vehicle' : focus === 'supplier' ? 'Parts' : 'Trade'} Association`,
      ],
      description: synthetic(`industry association in ${countryName(country)}`),
      sources: [registry],
      nameEn,
      founded: String(founded),
    });
    claims.push({ type: 'HEADQUARTERED_IN', from: id, to: country, source: registry });
    claims.push({ type: 'IN_SECTOR', from: id, to: chapter, source: registry });
    const directories = DIRECTORY_YEARS.map((year) =>
      source(
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
        if (member.since <= year && associationRandom.chance(0.4)) {
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

  // Plants: run by makers and suppliers (larger companies run more), in states where there are states.
  const plantRandom = new Random(seed, 'plants');
  const operators = companies.filter((c) => c.type !== 'brand' && c.type !== 'other');
  const operatorWeights = cumulativeOf(operators.map((c) => Math.pow(c.size, 0.6)));
  const plantRecords: OutputRecord[] = [];
  const facilityWord: Record<string, string> = {
    plant: 'Plant',
    warehouse: 'Distribution Center',
    office: 'Office',
    'test-center': 'Test Center',
  };
  for (let n = 0; n < sizes.plants && operators.length > 0; n += 1) {
    const company = plantRandom.pickWeighted(operators, operatorWeights);
    const roll = plantRandom.float();
    const country =
      roll < 0.6
        ? company.country
        : roll < 0.85
          ? 'MX'
          : roll < 0.93
            ? 'US'
            : plantRandom.pick(MAJOR_COUNTRIES);
    const states = regionsOf.get(country) ?? [];
    const state = states.length > 0 ? plantRandom.pick(states) : null;
    const facilityType =
      company.type === 'logistics' || company.type === 'carrier'
        ? 'warehouse'
        : plantRandom.pickWeighted(['plant', 'warehouse', 'office', 'test-center'], [80, 90, 95, 100]);
    const place = state ? state.name : countryName(country);
    const id = `g-plant-${n + 1}`;
    const opened = plantRandom.int(Math.max(company.founded, 1950), 2025);
    const primary = company.sectors[0] ?? chapterIds[0] ?? 'g-hs-87';
    const record: OutputRecord = {
      id,
      name: `${company.word} ${place} ${facilityWord[facilityType] ?? 'Site'}`,
      description: synthetic(`${facilityType} of ${company.name}`),
      sources: [registry],
      facilityType,
      opened: String(opened),
    };
    if (facilityType === 'plant') record.products = [(sectorNames.get(primary) ?? 'parts').toLowerCase()];
    plantRecords.push(record);
    claims.push({ type: 'OPERATES', from: company.id, to: id, source: registry, since: String(opened) });
    claims.push({ type: 'LOCATED_IN', from: id, to: state ? state.id : country, source: registry });
    if (facilityType === 'plant') claims.push({ type: 'IN_SECTOR', from: id, to: primary, source: registry });
  }

  // Policies: agreements between countries, tariffs and rules bearing on sectors and companies.
  const policyRandom = new Random(seed, 'policies');
  const policyRecords: OutputRecord[] = [];
  const agreements: { id: string; name: string; parties: string[] }[] = [];
  const policyTypes = ['agreement', 'tariff', 'program', 'regulation', 'standard', 'review'] as const;
  const policyCumulative = cumulativeOf([20, 30, 20, 15, 10, 5]);
  for (let n = 0; n < sizes.policies; n += 1) {
    let type = policyRandom.pickWeighted(policyTypes, policyCumulative);
    if (type === 'review' && agreements.length === 0) type = 'agreement';
    const id = `g-policy-${n + 1}`;
    const country = policyRandom.pick(MAJOR_COUNTRIES.slice(0, 12));
    const heading = policyRandom.pick(headingIds.length > 0 ? headingIds : chapterIds);
    const startYear = policyRandom.int(1994, 2026);
    let name: string;
    const affects: string[] = [];
    const parties: { country: string; role: string }[] = [];
    let partOf: string | null = null;
    switch (type) {
      case 'agreement': {
        const members = policyRandom
          .distinct(Math.min(MAJOR_COUNTRIES.length, 20), policyRandom.int(2, 5))
          .map((i) => MAJOR_COUNTRIES[i] ?? 'MX');
        name = `${newWord()} Trade Agreement (${members.join('–')})`;
        for (const member of members) parties.push({ country: member, role: 'party' });
        affects.push(policyRandom.pick(chapterIds));
        agreements.push({ id, name, parties: members });
        break;
      }
      case 'tariff':
        name = `${countryName(country)} tariff on ${(sectorNames.get(heading) ?? 'goods').toLowerCase()} (${startYear})`;
        parties.push({ country, role: 'imposes' });
        affects.push(heading);
        break;
      case 'program':
        name = `${countryName(country)} ${newWord()} export program`;
        parties.push({ country, role: 'runs' });
        affects.push(policyRandom.pick(chapterIds));
        break;
      case 'regulation':
        name = `${countryName(country)} vehicle emissions rule ${startYear}`;
        parties.push({ country, role: 'issues' });
        affects.push(heading);
        break;
      case 'standard':
        name = `${newWord()} heavy vehicle standard`;
        parties.push({ country, role: 'issues' });
        affects.push(heading);
        break;
      case 'review': {
        const agreement = policyRandom.pick(agreements);
        name = `Review of the ${agreement.name}, ${startYear}`;
        partOf = agreement.id;
        for (const party of agreement.parties) parties.push({ country: party, role: 'reviewer' });
        break;
      }
    }
    if (type !== 'review' && companies.length > 0 && policyRandom.chance(0.3)) {
      affects.push(policyRandom.pick(bySize.slice(0, Math.max(1, Math.ceil(bySize.length / 20)))).id);
    }
    const record: OutputRecord = {
      id,
      name,
      description: synthetic(`${type}`),
      sources: [policyDigest],
      policyType: type,
      startDate: String(startYear),
    };
    if (policyRandom.chance(0.2) && startYear < 2024)
      record.endDate = String(policyRandom.int(startYear + 1, 2026));
    policyRecords.push(record);
    for (const party of parties) {
      claims.push({ type: 'PARTY_TO', from: party.country, to: id, source: policyDigest, role: party.role });
    }
    if (partOf) claims.push({ type: 'PART_OF', from: id, to: partOf, source: policyDigest });
    for (const target of [...new Set(affects)])
      claims.push({ type: 'AFFECTS', from: id, to: target, source: policyDigest });
  }

  // People: one role each, a few with a second one.
  const peopleRandom = new Random(seed, 'people');
  const personRecords: OutputRecord[] = [];
  const employerWeights = cumulativeOf(companies.map((c) => Math.sqrt(c.size)));
  /** People with exactly one role, by the company they work for. */
  const soleEmployees = new Map<number, string>();
  for (let n = 0; n < sizes.people; n += 1) {
    const id = `g-person-${n + 1}`;
    const name = `${peopleRandom.pick(FIRST_NAMES)} ${peopleRandom.pick(LAST_NAMES)}`;
    personRecords.push({ id, name, description: synthetic('person'), sources: [registry] });
    const roles = peopleRandom.chance(0.08) ? 2 : 1;
    const organisations = new Set<string>();
    for (let r = 0; r < roles; r += 1) {
      const roll = peopleRandom.float();
      let to: string;
      let role: string;
      let company: CompanyPlan | null = null;
      if (roll < 0.85 && companies.length > 0) {
        company = peopleRandom.pickWeighted(companies, employerWeights);
        to = company.id;
        role = peopleRandom.pick(COMPANY_ROLES);
      } else if (roll < 0.95 && associations.length > 0) {
        to = peopleRandom.pick(associations).id;
        role = peopleRandom.pick(ASSOCIATION_ROLES);
      } else {
        to = peopleRandom.pick(agencyRecords).id as string;
        role = peopleRandom.pick(AGENCY_ROLES);
      }
      if (organisations.has(to)) continue;
      organisations.add(to);
      claims.push({
        type: 'WORKS_FOR',
        from: id,
        to,
        source: registry,
        role,
        since: String(peopleRandom.int(Math.max(1995, company?.founded ?? 1995), 2025)),
      });
      if (roles === 1 && company && !soleEmployees.has(company.index)) soleEmployees.set(company.index, id);
    }
  }

  // Statistic series: countries with a statistics office, then every maker and supplier.
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

  const records = {
    sources,
    countries: countryRecords,
    regions: regionRecords,
    sectors: sectorRecords,
    agencies: agencyRecords,
    associations: associationRecords,
    companies: companyRecords,
    plants: plantRecords,
    policies: policyRecords,
    people: personRecords,
  };
  const probes = chooseProbes(sizes, companies, associations, soleEmployees, records);
  return { records, claims, subjects, associationSeries, probes };
}
