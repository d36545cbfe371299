import type { NodeKind } from './kinds.js';

/**
 * A relationship type between entities. Every stored relationship is one claim: it carries the
 * `source` that states it and the date `asOf` which the claim speaks for, so two sources stating
 * the same membership give two edges, and "members per a 2022 source" stays answerable.
 */
export interface RelationshipTypeDefinition {
  readonly description: string;
  readonly from: readonly NodeKind[];
  readonly to: readonly NodeKind[];
  /** Extra properties this type may carry besides `source`, `asOf` and `note`. */
  readonly properties: readonly RelationshipProperty[];
}

export type RelationshipProperty = 'role' | 'since' | 'until';

export const RELATIONSHIP_TYPES = {
  MEMBER_OF: {
    description: 'A company is a member (associate) of an industry association.',
    from: ['Company'],
    to: ['Association'],
    properties: ['since', 'until'],
  },
  SUBSIDIARY_OF: {
    description: 'A company (or brand) is owned by or part of a parent company.',
    from: ['Company'],
    to: ['Company'],
    properties: ['since'],
  },
  OPERATES: {
    description: 'A company owns or runs a plant, office or other facility.',
    from: ['Company'],
    to: ['Plant'],
    properties: ['since'],
  },
  LOCATED_IN: {
    description: 'A facility, organisation or place lies in a region or country.',
    from: ['Plant', 'Company', 'Association', 'Agency', 'Region'],
    to: ['Region', 'Country'],
    properties: [],
  },
  HEADQUARTERED_IN: {
    description: 'Where an organisation has its headquarters.',
    from: ['Company', 'Association', 'Agency'],
    to: ['Country', 'Region'],
    properties: [],
  },
  IN_SECTOR: {
    description: 'An organisation or facility works in a sector.',
    from: ['Company', 'Plant', 'Association'],
    to: ['Sector'],
    properties: [],
  },
  SUBSECTOR_OF: {
    description: 'A sector is part of a broader sector (trucks within heavy vehicles within automotive).',
    from: ['Sector'],
    to: ['Sector'],
    properties: [],
  },
  PARTY_TO: {
    description: 'A country is a party to an agreement, or imposes or runs a policy.',
    from: ['Country'],
    to: ['Policy'],
    properties: ['role'],
  },
  PART_OF: {
    description: 'A policy is a part, review or amendment of another policy.',
    from: ['Policy'],
    to: ['Policy'],
    properties: [],
  },
  AFFECTS: {
    description: 'A policy applies to or bears on a sector, company or country.',
    from: ['Policy'],
    to: ['Sector', 'Company', 'Country'],
    properties: [],
  },
  WORKS_FOR: {
    description: 'A person holds a role in an organisation.',
    from: ['Person'],
    to: ['Company', 'Association', 'Agency', 'Country'],
    properties: ['role', 'since', 'until'],
  },
} as const satisfies Record<string, RelationshipTypeDefinition>;

export type RelationshipType = keyof typeof RELATIONSHIP_TYPES;

export const RELATIONSHIP_TYPE_NAMES = Object.keys(RELATIONSHIP_TYPES) as RelationshipType[];

export function isRelationshipType(value: string): value is RelationshipType {
  return Object.hasOwn(RELATIONSHIP_TYPES, value);
}

/**
 * Relationships that tie a statistic to what it measures and where its figure comes from.
 * They are written from the statistic's own fields, never listed in the relationship data.
 */
export const STATISTIC_LINKS = {
  MEASURES: { to: ['Company', 'Plant', 'Association', 'Country', 'Region', 'Sector', 'Policy'] },
  DESTINATION: { to: ['Country', 'Region'] },
  ORIGIN: { to: ['Country', 'Region'] },
  FOR_SECTOR: { to: ['Sector'] },
  PUBLISHED_BY: { to: ['Agency', 'Association'] },
  STATED_IN: { to: ['Source'] },
} as const satisfies Record<string, { to: readonly NodeKind[] }>;

export type StatisticLink = keyof typeof STATISTIC_LINKS;
