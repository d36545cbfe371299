import { STATISTIC_LINKS } from '../domain/relationships.js';
import type { NodeKind } from '../domain/kinds.js';
import {
  STATISTICS_BY_KEYS,
  STATISTICS_BY_SUBJECTS,
  SUBJECT_KINDS,
  statisticsOfKindByKeyStatementName,
  statisticsOfKindStatementName,
} from './generated-statements.js';
import { readStatement, type Columns, type Statement, type StatementInfo } from './statements.js';
import type { GraphNode, ParamValue } from './values.js';

/*
 * The statements that read statistics, generated per subject kind (labels cannot be parameters):
 * their typed parameters and rows. Their texts are written by `cypher-generator.ts`.
 */

/** The parameters of every statement that filters statistics (statistics-by-subjects and its per-kind forms). */
export const STATISTIC_FILTER_PARAMS = [
  'subjectIds',
  'metric',
  'periodFrom',
  'periodTo',
  'destination',
  'origin',
  'totalsOnly',
  'sector',
] as const;

/** Empty strings mean "no filter"; the period bounds are ISO dates. */
export interface StatisticFilterParams {
  subjectIds: string[];
  metric: string;
  periodFrom: string;
  periodTo: string;
  destination: string;
  origin: string;
  totalsOnly: boolean;
  sector: string;
  [key: string]: ParamValue;
}

/** The filter parameters that keep every statistic of the subjects asked. */
export const EVERY_STATISTIC = {
  metric: '',
  periodFrom: '0001-01-01',
  periodTo: '9999-12-31',
  destination: '',
  origin: '',
  totalsOnly: false,
  sector: '',
} as const satisfies Omit<StatisticFilterParams, 'subjectIds'>;

/** Kinds a statistic's destination can be. */
type DestinationKind = (typeof STATISTIC_LINKS.DESTINATION.to)[number];

/**
 * The ends of a statistic each statistics-of-<kind> row carries beside it (null when it names
 * none): its source, and its destination under one column per kind a destination can be. The
 * GraphQL layer hands them to its lookups, so a statistic's `source` and `destination` cost no
 * statement of their own.
 */
export type StatisticEndColumn = 'source' | `destination${DestinationKind}`;

export const STATISTIC_END_COLUMNS: readonly {
  readonly column: StatisticEndColumn;
  readonly kind: NodeKind;
  /** The statistic's property holding the end's id. */
  readonly property: 'sourceId' | 'destinationId';
}[] = [
  { column: 'source', kind: 'Source', property: 'sourceId' },
  ...STATISTIC_LINKS.DESTINATION.to.map((kind) => ({
    column: `destination${kind}` as const,
    kind,
    property: 'destinationId' as const,
  })),
];

type KeyedParams = { subjectIds: string[]; keySuffix: string };

/** Each subject's statistics are its own rows, whichever other subjects are asked with it. */
const BY_SUBJECT = { keyedBy: { param: 'subjectIds', column: 'subjectId' } } as const;

/** A statistic with its subject's id, as a statement without the ends returns it. */
export type StatisticRow = { subjectId: string; statistic: GraphNode };

export type StatisticOfSubjectRow = StatisticRow & {
  readonly [C in StatisticEndColumn]: GraphNode | null;
};

/** Statistics of subjects of any kind (one scan per subject kind: prefer statisticsOfKind). */
export const statisticsBySubjects = readStatement<
  StatisticFilterParams,
  { subjectId: string; statistic: GraphNode }
>(STATISTICS_BY_SUBJECTS, STATISTIC_FILTER_PARAMS, { subjectId: true, statistic: true }, BY_SUBJECT);

/** A kind of destination added to the domain fails to compile here until its column is named. */
const STATISTIC_OF_SUBJECT_COLUMNS: Columns<StatisticOfSubjectRow> = {
  subjectId: true,
  statistic: true,
  source: true,
  destinationCountry: true,
  destinationRegion: true,
};

const STATISTIC_ROW_COLUMNS: Columns<StatisticRow> = { subjectId: true, statistic: true };

/** One read statement per kind a statistic measures. */
function perSubjectKind<P extends StatisticFilterParams | KeyedParams, R extends StatisticRow>(
  name: (kind: NodeKind) => string,
  params: readonly (keyof P & string)[],
  columns: Columns<R>,
): Map<NodeKind, Statement<P, R>> {
  // Both parameter types list their subjects in `subjectIds`, which a generic P cannot show.
  return new Map(
    SUBJECT_KINDS.map((kind) => [
      kind,
      { ...readStatement<P, R>(name(kind), params, columns), ...BY_SUBJECT },
    ]),
  );
}

const statisticsOfKindStatements = perSubjectKind<StatisticFilterParams, StatisticOfSubjectRow>(
  (kind) => statisticsOfKindStatementName(kind),
  STATISTIC_FILTER_PARAMS,
  STATISTIC_OF_SUBJECT_COLUMNS,
);

const statisticsOfKindWithoutEndsStatements = perSubjectKind<StatisticFilterParams, StatisticRow>(
  (kind) => statisticsOfKindStatementName(kind, { ends: false }),
  STATISTIC_FILTER_PARAMS,
  STATISTIC_ROW_COLUMNS,
);

/** Statistics listed by statistic keys (subjectId|metric|periodStart|periodEnd), whatever their subjects' kinds. */
export const statisticsByKeys = readStatement<{ keys: string[] }, StatisticOfSubjectRow>(
  STATISTICS_BY_KEYS,
  ['keys'],
  STATISTIC_OF_SUBJECT_COLUMNS,
);

const statisticsOfKindByKeyStatements = perSubjectKind<KeyedParams, StatisticOfSubjectRow>(
  (kind) => statisticsOfKindByKeyStatementName(kind),
  ['subjectIds', 'keySuffix'],
  STATISTIC_OF_SUBJECT_COLUMNS,
);

const statisticsOfKindByKeyWithoutEndsStatements = perSubjectKind<KeyedParams, StatisticRow>(
  (kind) => statisticsOfKindByKeyStatementName(kind, { ends: false }),
  ['subjectIds', 'keySuffix'],
  STATISTIC_ROW_COLUMNS,
);

/** Statistics of subjects of one kind through their keys (`$keySuffix`: |metric|periodStart|periodEnd). */
export function statisticsOfKindByKey(
  kind: NodeKind,
): Statement<KeyedParams, StatisticOfSubjectRow> | undefined {
  return statisticsOfKindByKeyStatements.get(kind);
}

/** statisticsOfKindByKey without each statistic's source and destination nodes. */
export function statisticsOfKindByKeyWithoutEnds(
  kind: NodeKind,
): Statement<KeyedParams, StatisticRow> | undefined {
  return statisticsOfKindByKeyWithoutEndsStatements.get(kind);
}

/** Statistics of subjects of one kind (the per-kind form of statistics-by-subjects); undefined for kinds no statistic measures. */
export function statisticsOfKind(
  kind: NodeKind,
): Statement<StatisticFilterParams, StatisticOfSubjectRow> | undefined {
  return statisticsOfKindStatements.get(kind);
}

/** statisticsOfKind without each statistic's source and destination nodes. */
export function statisticsOfKindWithoutEnds(
  kind: NodeKind,
): Statement<StatisticFilterParams, StatisticRow> | undefined {
  return statisticsOfKindWithoutEndsStatements.get(kind);
}

export const STATISTIC_READ_STATEMENTS: readonly StatementInfo[] = [
  statisticsBySubjects,
  ...statisticsOfKindStatements.values(),
  ...statisticsOfKindWithoutEndsStatements.values(),
  statisticsByKeys,
  ...statisticsOfKindByKeyStatements.values(),
  ...statisticsOfKindByKeyWithoutEndsStatements.values(),
];
