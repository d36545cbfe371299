import * as Plot from '@observablehq/plot';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Statistic } from '../api';
import { formatNumber } from '../kinds';
import { scopeOf } from './series-scope';

/** How the chart draws a figure's precision (the API's `qualifier`). */
export type Qualifier = 'exact' | 'approximate' | 'lower-bound' | 'upper-bound' | 'range';
export function qualifierOf(stat: Statistic): Qualifier {
  switch (stat.qualifier) {
    case 'APPROXIMATE':
      return 'approximate';
    case 'LOWER_BOUND':
      return 'lower-bound';
    case 'UPPER_BOUND':
      return 'upper-bound';
    case 'RANGE':
      return 'range';
    default:
      return 'exact';
  }
}

/** Distinct values, the most frequent first. */
function byCount(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}

interface Point {
  readonly date: Date;
  readonly value: number;
  readonly scope: string;
  readonly source: string;
  readonly qualifier: Qualifier;
  readonly text: string;
  readonly stat: Statistic;
}

const change = (stat: Statistic): string => {
  const parts: string[] = [];
  if (stat.reportedChangePercent !== null)
    parts.push(
      `reported change ${stat.reportedChangePercent > 0 ? '+' : ''}${stat.reportedChangePercent}%${stat.changeComparedTo ? ` vs ${stat.changeComparedTo}` : ''}`,
    );
  if (stat.computedChange)
    parts.push(
      `computed change ${stat.computedChange.percent > 0 ? '+' : ''}${stat.computedChange.percent}% vs ${stat.computedChange.comparedTo.period.label}`,
    );
  return parts.join('\n');
};

/**
 * A subject's metric over time with Observable Plot: one colour per scope (destination, sector),
 * one symbol per source, sources side by side when they give the same period, so disagreeing (or
 * agreeing) sources are separate marks; the reported and computed change on hover.
 */
export default function SeriesChart({
  statistics,
  metric,
}: {
  statistics: readonly Statistic[];
  metric: string;
}) {
  // Figures in different units (vehicles, USD) or of different period lengths never share an axis.
  const units = useMemo(() => byCount(statistics.map((stat) => stat.unit)), [statistics]);
  const [unit, setUnit] = useState(units[0] ?? '');
  useEffect(() => setUnit(units[0] ?? ''), [units]);
  const granularities = useMemo(
    () => byCount(statistics.filter((stat) => stat.unit === unit).map((stat) => stat.period.granularity)),
    [statistics, unit],
  );
  const [granularity, setGranularity] = useState(granularities[0] ?? 'month');
  useEffect(() => setGranularity(granularities[0] ?? 'month'), [granularities]);
  const chart = useRef<HTMLDivElement>(null);

  const points = useMemo(
    (): Point[] =>
      statistics
        .filter((stat) => stat.unit === unit && stat.period.granularity === granularity)
        .map((stat) => {
          const source = stat.source?.publisher ?? 'no source';
          const text = [
            `${stat.period.label}: ${stat.qualifier === 'EXACT' ? formatNumber(stat.value) : stat.stated} ${stat.unit}`,
            scopeOf(stat),
            `source: ${source}`,
            qualifierOf(stat) === 'exact' ? '' : `(${qualifierOf(stat).replace('-', ' ')})`,
            change(stat),
          ]
            .filter(Boolean)
            .join('\n');
          return {
            date: new Date(stat.period.start),
            value: stat.value,
            scope: scopeOf(stat),
            source,
            qualifier: qualifierOf(stat),
            text,
            stat,
          };
        })
        .sort((a, b) => a.date.getTime() - b.date.getTime()),
    [statistics, unit, granularity],
  );

  useEffect(() => {
    const element = chart.current;
    if (!element) return undefined;
    const sources = [...new Set(points.map((point) => point.source))];
    const width = Math.max(320, element.clientWidth);
    const step = sources.length > 1 ? Math.min(8, 40 / sources.length) : 0;
    const figure = Plot.plot({
      width,
      height: 300,
      marginLeft: 64,
      marginRight: 20,
      style: { fontSize: '12px', fontFamily: 'system-ui, sans-serif', background: 'transparent' },
      x: { type: 'utc', label: null },
      y: { grid: true, label: `${metric} (${unit})`, zero: true, tickFormat: '~s' },
      color: { legend: true, label: 'scope' },
      symbol: { legend: true, label: 'source', domain: sources },
      marks: [
        Plot.ruleY([0]),
        Plot.line(points, {
          x: 'date',
          y: 'value',
          z: (point: Point) => `${point.scope}|${point.source}`,
          stroke: 'scope',
          strokeOpacity: 0.45,
          strokeWidth: 1.5,
        }),
        ...sources.map((source, index) =>
          Plot.dot(
            points.filter((point) => point.source === source),
            {
              x: 'date',
              y: 'value',
              dx: (index - (sources.length - 1) / 2) * step,
              symbol: 'source',
              stroke: 'scope',
              fill: (point: Point) => (point.qualifier === 'approximate' ? 'white' : point.scope),
              r: 5,
              channels: { text: { value: 'text', label: '' } },
              tip: { format: { x: false, y: false, symbol: false, stroke: false, fill: false, text: true } },
            },
          ),
        ),
        // A range is drawn as a bar from its low to its high end.
        Plot.ruleX(
          points.filter((point) => point.qualifier === 'range' && point.stat.high !== null),
          {
            x: 'date',
            y1: (point: Point) => point.stat.low ?? point.value,
            y2: (point: Point) => point.stat.high ?? point.value,
            stroke: 'scope',
            strokeWidth: 3,
            strokeOpacity: 0.6,
          },
        ),
        Plot.text(
          points.filter((point) => point.qualifier === 'lower-bound' || point.qualifier === 'upper-bound'),
          {
            x: 'date',
            y: 'value',
            text: (point: Point) => (point.qualifier === 'lower-bound' ? '▲' : '▼'),
            dy: -10 as number,
            fill: 'scope',
          },
        ),
      ],
    });
    element.replaceChildren(figure);
    return () => figure.remove();
  }, [points, metric, unit]);

  return (
    <div className="series">
      <div className="series-controls">
        {units.length > 1 ? (
          <label>
            Unit{' '}
            <select value={unit} onChange={(event) => setUnit(event.target.value)}>
              {units.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          Periods{' '}
          <select value={granularity} onChange={(event) => setGranularity(event.target.value)}>
            {granularities.map((name) => (
              <option key={name} value={name}>
                {name === 'range' ? 'ranges of months' : `${name}s`}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div
        ref={chart}
        className="series-chart"
        role="img"
        aria-label={`${metric} over time, by scope and source`}
      />
      <details className="series-data">
        <summary>The plotted figures ({points.length})</summary>
        <table className="data-table series-points">
          <thead>
            <tr>
              <th>period</th>
              <th className="num">value</th>
              <th>scope</th>
              <th>source</th>
              <th>change</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.stat.id}>
                <td>{point.stat.period.label}</td>
                <td className="num">
                  {point.stat.qualifier === 'EXACT' ? formatNumber(point.value) : point.stat.stated}{' '}
                  {point.stat.unit}
                </td>
                <td>{point.scope}</td>
                <td>{point.source}</td>
                <td className="small">{change(point.stat).replace('\n', '; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
