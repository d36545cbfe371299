import type { Statistic } from '../api';

/** What a figure covers: destination and sector (one chart series each). */
export const scopeOf = (stat: Statistic): string =>
  [stat.destination ? `to ${stat.destination.name}` : 'all destinations', stat.sector?.name]
    .filter(Boolean)
    .join(' · ');
