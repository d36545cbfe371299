import { z } from 'zod';
import { idProblem } from '../domain/ids.js';
import type { NodeKind } from '../domain/kinds.js';
import { isPartialDate, parsePeriod } from '../domain/period.js';
import { METRICS, isMetric } from '../domain/metrics.js';
import { RELATIONSHIP_TYPE_NAMES } from '../domain/relationships.js';
import { PERIOD_BASES, QUALIFIERS } from '../domain/statistic.js';

/**
 * The shapes of the records in `data/` (and of the project's own import formats).
 * Each schema checks one record on its own; references between records are checked by the dataset validator.
 */

const text = z.string().trim().min(1, 'must not be empty');
const idOf = (kind: NodeKind) =>
  z.string().superRefine((id, ctx) => {
    const problem = idProblem(kind, id);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const reference = z.string().min(1, 'must name an id');
const partialDate = z.string().refine(isPartialDate, 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD');
/**
 * `parsePeriod`, remembered: a large import repeats the same few hundred period labels millions of
 * times. The cache is emptied when it grows past a few thousand labels.
 */
const periods = new Map<string, ReturnType<typeof parsePeriod>>();
export function periodOf(label: string): ReturnType<typeof parsePeriod> {
  let period = periods.get(label);
  if (period === undefined) {
    if (periods.size >= 4096) periods.clear();
    period = parsePeriod(label);
    periods.set(label, period);
  }
  return period;
}

/**
 * A dated fact sources may state differently (`opened`, `founded`, `startDate`, `endDate`; see
 * src/domain/facts.ts): one date, resting on the record's own `sources` (the old form), or one
 * `{ value, source }` per source. A source gives one value of a field; `source` may be left out
 * once (a value that rests on the record's `sources`).
 */
const datedFacts = z.union(
  [
    partialDate,
    z
      .array(z.strictObject({ value: partialDate, source: reference.optional() }))
      .min(1, 'must give at least one { value, source }')
      .superRefine((items, ctx) => {
        const seen = new Set<string>();
        items.forEach((item, i) => {
          const key = item.source ?? '';
          if (seen.has(key)) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'source'],
              message:
                item.source === undefined
                  ? 'gives a second value without a source (only one value may rest on the record’s sources)'
                  : `gives a second value from ${item.source} (a source states one value; give each source once)`,
            });
          }
          seen.add(key);
        });
      }),
  ],
  { error: 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD, or a list of { value, source }' },
);

const periodLabel = z.string().refine((label) => typeof periodOf(label) !== 'string', {
  message: 'must be a period such as 2026-01, 2024-Q1, 2023-H1, 2025, 2026-01-15 or 2025-01/2025-10',
});

const entityBase = {
  name: text,
  aliases: z.array(text).default([]),
  description: text.optional(),
  wikidata: z
    .string()
    .regex(/^Q[1-9]\d*$/, 'must be a Wikidata item id such as Q12345')
    .optional(),
  sources: z.array(reference).default([]),
};

export const sourceRecord = z.strictObject({
  id: idOf('Source'),
  title: text,
  publisher: text,
  published: partialDate.optional(),
  url: z.url(),
  language: z.enum(['en', 'es']),
  description: text.optional(),
});

export const companyRecord = z.strictObject({
  id: idOf('Company'),
  ...entityBase,
  companyType: z
    .enum([
      'manufacturer',
      'brand',
      'supplier',
      'insurer',
      'carrier',
      'logistics',
      'railroad',
      'developer',
      'other',
    ])
    .default('other'),
});

export const plantRecord = z.strictObject({
  id: idOf('Plant'),
  ...entityBase,
  facilityType: z.enum(['plant', 'office', 'warehouse', 'test-center', 'industrial-park', 'other']),
  opened: datedFacts.optional(),
  products: z.array(text).default([]),
});

export const associationRecord = z.strictObject({
  id: idOf('Association'),
  ...entityBase,
  nameEs: text.optional(),
  nameEn: text.optional(),
  founded: datedFacts.optional(),
});

export const sectorRecord = z.strictObject({
  id: idOf('Sector'),
  ...entityBase,
  hsCodes: z.array(z.string().regex(/^\d{2,10}$/, 'must be an HS code of 2–10 digits')).default([]),
  naicsCodes: z.array(z.string().regex(/^\d{2,6}$/, 'must be a NAICS code of 2–6 digits')).default([]),
});

export const policyRecord = z.strictObject({
  id: idOf('Policy'),
  ...entityBase,
  policyType: z.enum(['agreement', 'review', 'tariff', 'program', 'regulation', 'standard']),
  startDate: datedFacts.optional(),
  endDate: datedFacts.optional(),
});

export const countryRecord = z.strictObject({ id: idOf('Country'), ...entityBase });

export const regionRecord = z.strictObject({
  id: idOf('Region'),
  ...entityBase,
  regionType: z.enum(['state', 'city', 'municipality', 'metro-area', 'border-crossing', 'region']),
});

export const personRecord = z.strictObject({ id: idOf('Person'), ...entityBase });

export const agencyRecord = z.strictObject({ id: idOf('Agency'), ...entityBase });

export const relationshipRecord = z.strictObject({
  type: z.enum(RELATIONSHIP_TYPE_NAMES as [string, ...string[]]),
  from: reference,
  to: reference,
  source: reference,
  asOf: partialDate.optional(),
  role: text.optional(),
  since: partialDate.optional(),
  until: partialDate.optional(),
  note: text.optional(),
});

export const statisticRecord = z
  .strictObject({
    id: idOf('Statistic'),
    subject: reference,
    metric: z.string().refine(isMetric, 'is not a known metric (see src/domain/metrics.ts)'),
    /** Required, except for a range, where it may be left out (it is then the low end). */
    value: z.number({ error: 'must be a number' }).finite().optional(),
    unit: z.string(),
    qualifier: z.enum(QUALIFIERS, { error: `must be one of ${QUALIFIERS.join(', ')}` }).default('exact'),
    low: z.number({ error: 'must be a number' }).finite().optional(),
    high: z.number({ error: 'must be a number' }).finite().optional(),
    period: periodLabel,
    periodBasis: z
      .enum(PERIOD_BASES, { error: `must be one of ${PERIOD_BASES.join(', ')}` })
      .default('stated'),
    destination: reference.optional(),
    origin: reference.optional(),
    sector: reference.optional(),
    publishedBy: reference.optional(),
    source: reference,
    changePercent: z.number().finite().optional(),
    changeComparedTo: periodLabel.optional(),
    scope: text.optional(),
  })
  .superRefine((record, ctx) => {
    if (!isMetric(record.metric)) return;
    const units: readonly string[] = METRICS[record.metric].units;
    if (!units.includes(record.unit)) {
      ctx.addIssue({
        code: 'custom',
        path: ['unit'],
        message: `"${record.unit}" is not a unit of ${record.metric} (use ${units.join(' or ')})`,
      });
    }
    if (record.qualifier === 'range') {
      for (const end of ['low', 'high'] as const) {
        if (record[end] === undefined) {
          ctx.addIssue({ code: 'custom', path: [end], message: `is required when qualifier is range` });
        }
      }
      if (record.low !== undefined && record.high !== undefined && record.low >= record.high) {
        ctx.addIssue({ code: 'custom', path: ['high'], message: `must be greater than low (${record.low})` });
      }
      if (record.value !== undefined && record.low !== undefined && record.value !== record.low) {
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: `of a range is its low end (${record.low}); leave it out or give ${record.low}`,
        });
      }
    } else {
      if (record.value === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: 'is required (only a range may leave it out)',
        });
      }
      for (const end of ['low', 'high'] as const) {
        if (record[end] !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [end],
            message: `is only for qualifier range (this statistic's qualifier is ${record.qualifier}); a bound's number goes in value`,
          });
        }
      }
    }
    if (record.changeComparedTo !== undefined && record.changePercent === undefined) {
      ctx.addIssue({ code: 'custom', path: ['changeComparedTo'], message: 'is given without changePercent' });
    }
  });

export type SourceRecord = z.infer<typeof sourceRecord>;
export type CompanyRecord = z.infer<typeof companyRecord>;
export type PlantRecord = z.infer<typeof plantRecord>;
export type AssociationRecord = z.infer<typeof associationRecord>;
export type SectorRecord = z.infer<typeof sectorRecord>;
export type PolicyRecord = z.infer<typeof policyRecord>;
export type CountryRecord = z.infer<typeof countryRecord>;
export type RegionRecord = z.infer<typeof regionRecord>;
export type PersonRecord = z.infer<typeof personRecord>;
export type AgencyRecord = z.infer<typeof agencyRecord>;
export type RelationshipRecord = z.infer<typeof relationshipRecord>;
export type StatisticRecord = z.infer<typeof statisticRecord>;

/** One schema per file of `data/`: the file names are the record kinds. */
export const RECORD_FILES = {
  'sources.yaml': { kind: 'Source', schema: sourceRecord },
  'countries.yaml': { kind: 'Country', schema: countryRecord },
  'regions.yaml': { kind: 'Region', schema: regionRecord },
  'sectors.yaml': { kind: 'Sector', schema: sectorRecord },
  'agencies.yaml': { kind: 'Agency', schema: agencyRecord },
  'associations.yaml': { kind: 'Association', schema: associationRecord },
  'companies.yaml': { kind: 'Company', schema: companyRecord },
  'plants.yaml': { kind: 'Plant', schema: plantRecord },
  'policies.yaml': { kind: 'Policy', schema: policyRecord },
  'people.yaml': { kind: 'Person', schema: personRecord },
  'relationships.yaml': { kind: 'Relationship', schema: relationshipRecord },
  'statistics.yaml': { kind: 'Statistic', schema: statisticRecord },
} as const;
