import type { NodeKind } from './kinds.js';

/** Lower-case slug: `freightliner`, `anpact`, `usmca-2026-review`. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** ISO 3166-1 alpha-2: `US`, `MX`. */
const COUNTRY = /^[A-Z]{2}$/;
/** ISO 3166-2 subdivision (`MX-COA`, `US-TX`) or a city/place slug below one (`MX-COA-ramos-arizpe`). */
const REGION = /^[A-Z]{2}-[A-Z0-9]{1,3}(?:-[a-z0-9]+(?:-[a-z0-9]+)*)?$/;

const RULES: Record<NodeKind, { pattern: RegExp; example: string }> = {
  Company: { pattern: SLUG, example: 'freightliner' },
  Plant: { pattern: SLUG, example: 'dtna-saltillo-plant' },
  Association: { pattern: SLUG, example: 'anpact' },
  Sector: { pattern: SLUG, example: 'heavy-trucks' },
  Policy: { pattern: SLUG, example: 'usmca' },
  Statistic: { pattern: SLUG, example: 'mx-exports-2026-01-a045' },
  Country: { pattern: COUNTRY, example: 'MX' },
  Region: { pattern: REGION, example: 'MX-COA' },
  Person: { pattern: SLUG, example: 'alejandro-osorio' },
  Agency: { pattern: SLUG, example: 'inegi' },
  Source: { pattern: SLUG, example: 'a045-elhorizonte' },
};

/** Why an id is not acceptable for a kind, or `null` when it is. */
export function idProblem(kind: NodeKind, id: string): string | null {
  const rule = RULES[kind];
  if (rule.pattern.test(id)) return null;
  return `"${id}" is not a valid ${kind} id (expected something like "${rule.example}")`;
}
