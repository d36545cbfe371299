import type { CompanyPlan, OutputRecord } from '../model.js';
import { cumulativeOf, Random } from '../random.js';
import { MAJOR_COUNTRIES } from '../vocabulary.js';
import { synthetic, type WorldContext } from './context.js';
import type { Region } from './places.js';
import type { Sectors } from './sectors.js';

const FACILITY_WORD: Readonly<Record<string, string>> = {
  plant: 'Plant',
  warehouse: 'Distribution Center',
  office: 'Office',
  'test-center': 'Test Center',
};

/** Plants: run by makers and suppliers (larger companies run more), in states where there are states. */
export function buildPlants(
  world: WorldContext,
  companies: readonly CompanyPlan[],
  regionsOf: ReadonlyMap<string, readonly Region[]>,
  sectors: Sectors,
): OutputRecord[] {
  const { sizes, registry, claims } = world;
  const random = new Random(world.seed, 'plants');
  const operators = companies.filter((c) => c.type !== 'brand' && c.type !== 'other');
  const operatorWeights = cumulativeOf(operators.map((c) => Math.pow(c.size, 0.6)));
  const records: OutputRecord[] = [];
  for (let n = 0; n < sizes.plants && operators.length > 0; n += 1) {
    const company = random.pickWeighted(operators, operatorWeights);
    const roll = random.float();
    const country =
      roll < 0.6 ? company.country : roll < 0.85 ? 'MX' : roll < 0.93 ? 'US' : random.pick(MAJOR_COUNTRIES);
    const states = regionsOf.get(country) ?? [];
    const state = states.length > 0 ? random.pick(states) : null;
    const facilityType =
      company.type === 'logistics' || company.type === 'carrier'
        ? 'warehouse'
        : random.pickWeighted(['plant', 'warehouse', 'office', 'test-center'], [80, 90, 95, 100]);
    const place = state ? state.name : world.countryName(country);
    const id = `g-plant-${n + 1}`;
    const opened = random.int(Math.max(company.founded, 1950), 2025);
    const primary = company.sectors[0] ?? sectors.chapterIds[0] ?? 'g-hs-87';
    const record: OutputRecord = {
      id,
      name: `${company.word} ${place} ${FACILITY_WORD[facilityType] ?? 'Site'}`,
      description: synthetic(`${facilityType} of ${company.name}`),
      sources: [registry],
      facilityType,
      opened: String(opened),
    };
    if (facilityType === 'plant')
      record.products = [(sectors.sectorNames.get(primary) ?? 'parts').toLowerCase()];
    records.push(record);
    claims.push({ type: 'OPERATES', from: company.id, to: id, source: registry, since: String(opened) });
    claims.push({ type: 'LOCATED_IN', from: id, to: state ? state.id : country, source: registry });
    if (facilityType === 'plant') claims.push({ type: 'IN_SECTOR', from: id, to: primary, source: registry });
  }
  return records;
}
