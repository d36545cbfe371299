import { registerEnumType } from 'type-graphql';
import { NODE_KINDS } from '../../domain/kinds.js';
import { RELATIONSHIP_TYPES } from '../../domain/relationships.js';

const enumOf = <T extends string>(values: readonly T[]): { [K in T]: K } =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const NodeKindEnum = enumOf(NODE_KINDS);
const KIND_DESCRIPTIONS: Record<keyof typeof NodeKindEnum, string> = {
  Company: 'A company or brand.',
  Plant: 'A plant, office or other facility.',
  Association: 'An industry association.',
  Sector: 'A sector of industry or trade.',
  Policy: 'A trade agreement, review, tariff, programme, regulation or standard.',
  Statistic: 'One cited observation.',
  Country: 'A country (ISO 3166-1 alpha-2).',
  Region: 'A state (ISO 3166-2) or a place within one.',
  Person: 'A person named by a source.',
  Agency: 'A public body such as a statistics office.',
  Source: 'A cited document.',
};
registerEnumType(NodeKindEnum, {
  name: 'NodeKind',
  description: 'The kind of a node: an entity kind, a Statistic or a Source.',
  valuesConfig: Object.fromEntries(
    Object.entries(KIND_DESCRIPTIONS).map(([kind, description]) => [kind, { description }]),
  ),
});

export const RelationshipTypeEnum = enumOf(
  Object.keys(RELATIONSHIP_TYPES) as (keyof typeof RELATIONSHIP_TYPES)[],
);
registerEnumType(RelationshipTypeEnum, {
  name: 'RelationshipType',
  description: 'A type of relationship between entities; every relationship is a claim made by a source.',
  valuesConfig: Object.fromEntries(
    Object.entries(RELATIONSHIP_TYPES).map(([type, definition]) => [
      type,
      { description: definition.description },
    ]),
  ),
});

export enum Direction {
  OUT = 'OUT',
  IN = 'IN',
  BOTH = 'BOTH',
}
registerEnumType(Direction, {
  name: 'Direction',
  description: 'Which way a relationship runs from the entity asked about.',
  valuesConfig: {
    OUT: { description: 'The entity is the start of the relationship (Freightliner MEMBER_OF Anpact).' },
    IN: { description: 'The entity is the end of the relationship (Anpact has member Freightliner).' },
    BOTH: { description: 'Either way.' },
  },
});

export enum GranularityEnum {
  day = 'day',
  month = 'month',
  quarter = 'quarter',
  half = 'half',
  year = 'year',
  range = 'range',
}
registerEnumType(GranularityEnum, {
  name: 'Granularity',
  description:
    'How long the period of a statistic is: a day, month, quarter, half year, year, or a range of months.',
  valuesConfig: {
    day: { description: 'One day (2026-01-15).' },
    month: { description: 'One calendar month (2026-01).' },
    quarter: { description: 'One quarter (2024-Q1).' },
    half: { description: 'One half year (2023-H1).' },
    year: { description: 'One calendar year (2025).' },
    range: { description: 'A range of months, such as year to date (2025-01/2025-10).' },
  },
});

export enum QualifierEnum {
  EXACT = 'exact',
  APPROXIMATE = 'approximate',
  LOWER_BOUND = 'lower-bound',
  UPPER_BOUND = 'upper-bound',
  RANGE = 'range',
}
registerEnumType(QualifierEnum, {
  name: 'Qualifier',
  description: 'How precisely the source states a figure.',
  valuesConfig: {
    EXACT: { description: 'As stated, to the unit ("4,783").' },
    APPROXIMATE: { description: 'An approximation ("almost", "about", "some").' },
    LOWER_BOUND: {
      description: 'A lower bound ("over", "more than"): value is the bound; the figure may be higher.',
    },
    UPPER_BOUND: {
      description: 'An upper bound ("less than", "under"): value is the bound; the figure may be lower.',
    },
    RANGE: { description: 'A range ("17 to 19"): low and high give its ends; value is the low end.' },
  },
});

export enum PeriodBasisEnum {
  STATED = 'stated',
  ARTICLE_DATE = 'article-date',
  CONTEXT = 'context',
}
registerEnumType(PeriodBasisEnum, {
  name: 'PeriodBasis',
  description: 'Whether the source names the period of a figure, or it was inferred, and from what.',
  valuesConfig: {
    STATED: { description: 'The source names the period.' },
    ARTICLE_DATE: {
      description: 'Inferred from the article’s date (it says "last month" or "this year").',
    },
    CONTEXT: { description: 'Inferred from the article’s context (the figures it sits among).' },
  },
});
