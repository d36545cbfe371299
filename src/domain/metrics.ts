/**
 * What a statistic measures. A metric fixes the meaning; the statistic's own fields fix the scope
 * (subject, period, destination, origin, sector). Values are stored in full (USD 120000000, not "120").
 */
export const UNITS = {
  vehicles: 'Vehicles (trucks, tractors, buses), counted one by one.',
  USD: 'United States dollars, nominal.',
  percent: 'A percentage, 0–100.',
  years: 'Years.',
  persons: 'People (jobs, employees).',
  count: 'A plain count of things (plants, incidents, companies).',
  sqft: 'Square feet of floor area.',
  'vehicles/year': 'Vehicles per year of capacity.',
} as const;

export type Unit = keyof typeof UNITS;

export interface MetricDefinition {
  readonly description: string;
  readonly units: readonly Unit[];
}

export const METRICS = {
  production: {
    description: 'Vehicles built in the period by the subject (a maker, or a country’s whole industry).',
    units: ['vehicles'],
  },
  exports: {
    description:
      'Exports in the period, one way, from the subject. Without a destination the figure covers all destinations; with one, only that destination. Not trade_value (both ways).',
    units: ['vehicles', 'USD'],
  },
  imports: {
    description: 'Imports in the period, by the subject; origin when the source states it.',
    units: ['vehicles', 'USD'],
  },
  used_vehicle_imports: {
    description: 'Used vehicles imported in the period.',
    units: ['vehicles'],
  },
  domestic_sales: {
    description:
      'Vehicles sold in the subject’s home market in the period (retail plus wholesale when the source adds them).',
    units: ['vehicles'],
  },
  retail_sales: {
    description:
      'Retail sales to end customers in the home market; with wholesale_sales, part of domestic_sales.',
    units: ['vehicles'],
  },
  wholesale_sales: {
    description:
      'Wholesale sales from makers to dealers in the home market; with retail_sales, part of domestic_sales.',
    units: ['vehicles'],
  },
  trade_value: {
    description:
      'Two-way trade (exports plus imports) between the subject and the destination, its partner: the same figure for either side, so asking for the partner finds it too. Not exports, which run one way.',
    units: ['USD'],
  },
  export_share: {
    description:
      'Share of the subject’s own exports that went to the destination (MX: 94.2% of its exports went to US). Not export_market_share (a maker’s share of its industry’s exports) nor production_share (a share of output).',
    units: ['percent'],
  },
  production_share: {
    description:
      'The subject’s share of a wider total of production, e.g. a maker’s share of its country’s output (named in the scope note). Counts vehicles built, wherever they went; not export_market_share (a share of exports) nor output_share_to_destination (the part of the subject’s own output shipped to one destination).',
    units: ['percent'],
  },
  export_market_share: {
    description:
      'The subject’s share of all exports of its industry, e.g. Freightliner’s share of Mexico’s heavy-truck exports (named in the scope note). Not export_share, which splits the subject’s own exports by destination.',
    units: ['percent'],
  },
  sales_market_share: {
    description:
      'The subject’s share of sales in a home market segment (named in the scope note); not production_share (output) nor export_market_share (exports).',
    units: ['percent'],
  },
  import_market_share: {
    description:
      'Share of the destination’s total imports supplied by the subject (MX supplied 15.5% of US imports); seen from the buyer, unlike export_share, which is seen from the seller.',
    units: ['percent'],
  },
  investment: { description: 'Money committed or spent on a project or facility.', units: ['USD'] },
  capacity: { description: 'Yearly production capacity.', units: ['vehicles/year'] },
  floor_area: { description: 'Floor area of a facility.', units: ['sqft'] },
  employees: { description: 'People employed.', units: ['persons'] },
  direct_jobs: { description: 'Direct jobs created or sustained.', units: ['persons'] },
  indirect_jobs: { description: 'Indirect jobs created or sustained.', units: ['persons'] },
  facilities: { description: 'Number of plants or facilities.', units: ['count'] },
  member_count: {
    description: 'Number of members of an association, as a source counts them.',
    units: ['count'],
  },
  manufacturing_gdp_share: { description: 'Share of the country’s manufacturing GDP.', units: ['percent'] },
  fleet_average_age: { description: 'Average age of the vehicles in service.', units: ['years'] },
  cargo_theft_incidents: { description: 'Reported cargo theft incidents.', units: ['count'] },
  regional_value_content: {
    description: 'Share of a product’s value that must (or does) originate in the region or country.',
    units: ['percent'],
  },
  tariff_rate: { description: 'An ad valorem tariff rate.', units: ['percent'] },
  tariff_cost: { description: 'Cost of tariffs borne by the subject.', units: ['USD'] },
  unit_price: { description: 'Typical price of one vehicle.', units: ['USD'] },
  change_in_sales: {
    description:
      'Change in sales over the period as a percentage, when the source gives no unit figure (otherwise a sales statistic carries the change it reports).',
    units: ['percent'],
  },
  change_in_production: {
    description:
      'Change in production over the period as a percentage, when the source gives no unit figure.',
    units: ['percent'],
  },
  change_in_exports: {
    description: 'Change in exports over the period as a percentage, when the source gives no unit figure.',
    units: ['percent'],
  },
  producer_count: {
    description:
      'Number of companies or brands producing in the subject’s industry, as a source counts them.',
    units: ['count'],
  },
  output_share_to_destination: {
    description:
      'Share of the subject’s production that is shipped to the destination; unlike export_share, the base is all output, sold at home or abroad.',
    units: ['percent'],
  },
  trade_modal_share: {
    description:
      'Share of the trade between the subject and the destination carried by one transport mode (named in the scope note).',
    units: ['percent'],
  },
  investment_share: {
    description:
      'Share of the investment received by the subject (a country or region) that went to the statistic’s sector.',
    units: ['percent'],
  },
  import_age_limit: {
    description: 'Maximum age a rule allows for used vehicles imported by the subject.',
    units: ['years'],
  },
} as const satisfies Record<string, MetricDefinition>;

export type Metric = keyof typeof METRICS;

/**
 * Metrics of what passes between two places (the subject and its destination, the partner): the
 * same figure answers for either side. Stored once, from the side the source speaks from.
 */
export const TWO_WAY_METRICS: ReadonlySet<string> = new Set(['trade_value', 'trade_modal_share']);

export const METRIC_NAMES = Object.keys(METRICS) as Metric[];

export function isMetric(value: string): value is Metric {
  return Object.hasOwn(METRICS, value);
}
