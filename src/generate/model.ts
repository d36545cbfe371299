/**
 * The shapes the generator's parts share: sizes, records, the plan of statistic series, probes.
 */

export interface WorldSizes {
  /** Statistics wanted (the result is close to it, not exact). */
  readonly statistics: number;
  readonly companies: number;
  readonly associations: number;
  readonly plants: number;
  readonly people: number;
  readonly policies: number;
  /** Statistics agencies (one is an international observatory, the others national offices). */
  readonly agencies: number;
  readonly chapters: number;
  readonly headingsPerChapter: number;
  readonly subheadingsPerHeading: number;
  /** Countries (of the major ones) that get states, and how many each. */
  readonly regionCountries: number;
  readonly regionsPerCountry: number;
  /** Members wanted in the association the benchmark probes. */
  readonly probeMembers: number;
}

/** A record as written: JSON-ready, fields in the order of its schema, absent fields left out. */
export type OutputRecord = Record<string, string | number | readonly string[]>;

export type CompanyType = 'manufacturer' | 'supplier' | 'logistics' | 'carrier' | 'brand' | 'other';

export type SeriesMetric = 'production' | 'exports' | 'imports';

/** One monthly series of statistics: what it measures, and its yearly level in 2026. */
export interface SeriesSpec {
  readonly metric: SeriesMetric;
  readonly unit: 'vehicles' | 'USD';
  readonly destination?: string;
  readonly origin?: string;
  readonly sector?: string;
  /** The series' level: the value of a year around 2026, before noise. */
  readonly yearly: number;
}

export interface SubjectPlan {
  readonly id: string;
  /** Prefix of the subject's statistic ids. */
  readonly statisticPrefix: string;
  readonly publishedBy: string;
  /** Source id prefix: a statistic of year Y cites `<sourcePrefix>-<Y>`. */
  readonly sourcePrefix: string;
  /** Yearly growth of the subject's activity. */
  readonly growth: number;
  /** The series in the order they are taken; `seriesCount` of them are generated. */
  readonly potential: readonly SeriesSpec[];
  seriesCount: number;
  /** Months per series, each ending in the last month. */
  length: number;
  /** The longest a series may be: no figures before the subject existed. */
  readonly maxLength: number;
}

export interface CompanyPlan {
  readonly index: number;
  readonly id: string;
  readonly word: string;
  readonly name: string;
  readonly shortName: string;
  readonly type: CompanyType;
  readonly country: string;
  readonly size: number;
  readonly founded: number;
  readonly sectors: readonly string[];
  parent: number | null;
  subject: SubjectPlan | null;
}

export interface AssociationPlan {
  readonly id: string;
  readonly name: string;
  readonly focus: 'manufacturer' | 'supplier' | 'mixed';
  readonly country: string;
  readonly founded: number;
  readonly members: { company: number; since: number }[];
}

export interface Claim {
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly source: string;
  readonly asOf?: string;
  readonly role?: string;
  readonly since?: string;
  readonly until?: string;
  readonly note?: string;
}

export interface AssociationSeries {
  readonly id: string;
  readonly source: string;
  /** Members per year (member_count statistics, 2000 … the directory's year). */
  readonly counts: readonly { year: number; members: number }[];
}

export interface World {
  readonly records: {
    readonly sources: OutputRecord[];
    readonly countries: OutputRecord[];
    readonly regions: OutputRecord[];
    readonly sectors: OutputRecord[];
    readonly agencies: OutputRecord[];
    readonly associations: OutputRecord[];
    readonly companies: OutputRecord[];
    readonly plants: OutputRecord[];
    readonly policies: OutputRecord[];
    readonly people: OutputRecord[];
  };
  readonly claims: Claim[];
  /** Subjects of monthly series: countries first, then companies. */
  readonly subjects: readonly SubjectPlan[];
  readonly associationSeries: readonly AssociationSeries[];
  readonly probes: WorldProbes;
}

/** Ids the benchmark's fixed operations use; all exist in the generated data. */
export interface WorldProbes {
  /** A mid-size company, for "entity lookup". */
  company: string;
  /** Matches a few entities by name or alias: a word of company names. */
  searchText: string;
  /** An association with tens of members (hundreds at L). */
  association: string;
  /** A country its members export to. */
  destination: string;
  /** A month (`YYYY-MM`) in which its members have exports to that destination. */
  period: string;
  timeSeriesSubject: string;
  timeSeriesMetric: string;
  /** 12 consecutive months with data. */
  timeSeriesFrom: string;
  timeSeriesTo: string;
  /** Two entities whose shortest relationship path is exactly 3 hops. */
  pathFrom: string;
  pathTo: string;
}

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2026;
export const MONTHS = (LAST_YEAR - FIRST_YEAR + 1) * 12;
/** The month the probes' ranking asks about, and the year of their time series. */
export const PROBE_PERIOD = '2025-06';
export const PROBE_YEAR = 2025;
/** Directories of association members, by year: every member is in the last one. */
export const DIRECTORY_YEARS = [2014, 2019, 2024] as const;

export const GENERATOR_PUBLISHER = 'tradegraph synthetic generator';

export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The label of month `i` (0: 2000-01). */
export function monthLabel(i: number): string {
  return `${FIRST_YEAR + Math.floor(i / 12)}-${pad2((i % 12) + 1)}`;
}

/** Whether a subject's planned series cover a month (series end in the last month). */
export function covers(plan: SubjectPlan, month: number): boolean {
  return plan.seriesCount > 0 && month >= MONTHS - plan.length;
}

export const monthIndex = (label: string): number => {
  const [year, month] = label.split('-').map(Number);
  return ((year ?? FIRST_YEAR) - FIRST_YEAR) * 12 + (month ?? 1) - 1;
};
