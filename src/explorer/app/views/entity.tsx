import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import {
  ENTITY_QUERY,
  ENTITY_STATISTICS_QUERY,
  entityAnswer,
  graphql,
  type DatedFact,
  type Entity,
  type Relation,
  type Statistic,
} from '../api';
import { SourceRef } from '../components/cite';
import { CsvButton } from '../components/csv-button';
import { formatNumber, KIND_STYLE, relationLabel } from '../kinds';
import { entityHref, Link, navigate } from '../router';
import { scopeOf } from '../components/series-scope';

const NeighbourhoodGraph = lazy(() => import('../components/graph'));
const SeriesChart = lazy(() => import('../components/series-chart'));

/** /explore/<kind>/<id>: who or what it is, its relationships with their sources, its figures. */
export function EntityView({ id, metric }: { id: string; metric: string | null }) {
  const [entity, setEntity] = useState<Entity | null | undefined>(undefined);
  const [statistics, setStatistics] = useState<readonly Statistic[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setEntity(undefined);
    setStatistics(null);
    setError(null);
    const failed = (failure: unknown): void =>
      setError(failure instanceof Error ? failure.message : String(failure));
    // Two requests at once: the header, graph and relationships paint before the statistics arrive.
    entityAnswer<{ entity: Entity | null }>(id, ENTITY_QUERY)
      .then((data) => setEntity(data.entity))
      .catch(failed);
    graphql<{ entity: { statistics: Statistic[] } | null }>(ENTITY_STATISTICS_QUERY, { id })
      .then((data) => setStatistics(data.entity?.statistics ?? []))
      .catch(failed);
  }, [id]);
  useEffect(() => {
    if (entity) document.title = `${entity.name} · tradegraph explorer`;
  }, [entity]);

  if (error) return <p className="error">{error}</p>;
  if (entity === undefined) return <p className="muted">Loading {id}…</p>;
  if (entity === null) return <p className="error">No entity has the id “{id}”.</p>;
  return (
    <article className="entity" aria-labelledby="entity-name">
      <EntityHeader entity={entity} />
      <section aria-labelledby="graph-title" className="card">
        <h2 id="graph-title">Neighbourhood</h2>
        <Suspense fallback={<p className="muted">Loading the graph…</p>}>
          <NeighbourhoodGraph
            root={{ id: entity.id, name: entity.name, kind: entity.kind }}
            statistics={statistics ?? []}
            onOpen={(node) => navigate(entityHref(node))}
          />
        </Suspense>
      </section>
      {statistics === null ? (
        <section className="card" aria-busy="true">
          <h2>Statistics</h2>
          <p className="muted">Loading the figures…</p>
        </section>
      ) : (
        <Statistics entity={entity} statistics={statistics} metric={metric} />
      )}
      <Relationships entity={entity} />
    </article>
  );
}

/** A date as the API's scalar gives it, or, when sources name it, each source's date side by side. */
function dated(value: string | null | undefined, facts: readonly DatedFact[] | undefined): string | null {
  if (!facts || (facts.length <= 1 && facts.every((fact) => fact.sourceId === null))) return value ?? null;
  return facts.map((fact) => (fact.sourceId ? `${fact.value} (${fact.sourceId})` : fact.value)).join(' · ');
}

function EntityHeader({ entity }: { entity: Entity }) {
  const ids: [string, React.ReactNode][] = [['id', <code key="id">{entity.id}</code>]];
  if (entity.wikidata)
    ids.push([
      'Wikidata',
      <a
        key="wd"
        href={`https://www.wikidata.org/wiki/${entity.wikidata}`}
        target="_blank"
        rel="noreferrer noopener"
      >
        {entity.wikidata}
      </a>,
    ]);
  if (entity.hsCodes?.length) ids.push(['HS', entity.hsCodes.join(', ')]);
  if (entity.naicsCodes?.length) ids.push(['NAICS', entity.naicsCodes.join(', ')]);
  const facts: [string, string | null | undefined][] = [
    ['type', entity.companyType ?? entity.facilityType ?? entity.policyType ?? entity.regionType],
    ['English name', entity.nameEn],
    ['Spanish name', entity.nameEs],
    ['founded', dated(entity.founded, entity.foundedFacts)],
    ['opened', dated(entity.opened, entity.openedFacts)],
    ['products', entity.products?.join(', ')],
    [
      'in force',
      entity.startDate
        ? `${dated(entity.startDate, entity.startDateFacts)}${entity.endDate ? ` – ${dated(entity.endDate, entity.endDateFacts)}` : ''}`
        : null,
    ],
  ];
  return (
    <header className="entity-header card">
      <span className="badge" style={{ background: KIND_STYLE[entity.kind].color }}>
        {entity.kind}
      </span>
      <h1 id="entity-name">{entity.name}</h1>
      {entity.aliases.length > 0 ? <p className="aliases">also {entity.aliases.join(' · ')}</p> : null}
      {entity.description ? <p className="description">{entity.description}</p> : null}
      <dl className="facts">
        {ids.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        {facts
          .filter((fact): fact is [string, string] => Boolean(fact[1]))
          .map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </header>
  );
}

function Relationships({ entity }: { entity: Entity }) {
  const groups = useMemo(() => {
    const byKey = new Map<string, Relation[]>();
    for (const relation of entity.relations) {
      const key = `${relation.type}|${relation.direction}`;
      byKey.set(key, [...(byKey.get(key) ?? []), relation]);
    }
    return [...byKey.entries()];
  }, [entity.relations]);
  return (
    <section aria-labelledby="relations-title" className="card">
      <div className="section-head">
        <h2 id="relations-title">Relationships ({entity.relations.length})</h2>
        <CsvButton
          data={() => ({ relations: entity.relations })}
          filename={`${entity.id}-relationships.csv`}
        />
      </div>
      {groups.length === 0 ? <p className="muted">No relationships recorded.</p> : null}
      {groups.map(([key, relations]) => {
        const [type = '', direction] = key.split('|');
        const heading =
          direction === 'OUT'
            ? `${entity.name} → ${relationLabel(type)} →`
            : `→ ${relationLabel(type)} → ${entity.name}`;
        return (
          <div key={key} className="relation-group">
            <h3>
              {heading} <span className="muted">({relations.length})</span>
            </h3>
            <table className="data-table">
              <thead>
                <tr>
                  <th>{direction === 'OUT' ? 'to' : 'from'}</th>
                  <th>sources (as of)</th>
                </tr>
              </thead>
              <tbody>
                {relations.map((relation) => (
                  <tr key={relation.node.id}>
                    <td>
                      <span
                        className="kind-dot"
                        style={{ background: KIND_STYLE[relation.node.kind].color }}
                      />
                      <Link href={entityHref(relation.node)}>{relation.node.name}</Link>
                    </td>
                    <td>
                      <ul className="claims">
                        {relation.claims.map((claim, index) => (
                          <li key={`${claim.source?.id ?? ''}-${index}`}>
                            <SourceRef source={claim.source} asOf={claim.asOf} />
                            {claim.role ? <span className="muted"> · {claim.role}</span> : null}
                            {claim.since ? <span className="muted"> · since {claim.since}</span> : null}
                            {claim.until ? <span className="muted"> · until {claim.until}</span> : null}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}

function Statistics({
  entity,
  statistics,
  metric,
}: {
  entity: Entity;
  statistics: readonly Statistic[];
  metric: string | null;
}) {
  const metrics = useMemo(() => {
    const counts = new Map<string, number>();
    for (const stat of statistics) counts.set(stat.metric, (counts.get(stat.metric) ?? 0) + 1);
    return [...counts]
      .sort((a, b) => (a[0] === 'exports' ? -1 : b[0] === 'exports' ? 1 : b[1] - a[1]))
      .map(([name]) => name);
  }, [statistics]);
  const chosen = metric && metrics.includes(metric) ? metric : metrics[0];
  const shown: Statistic[] = statistics.filter((stat) => stat.metric === chosen);
  if (statistics.length === 0) return null;
  return (
    <section aria-labelledby="stats-title" className="card">
      <div className="section-head">
        <h2 id="stats-title">Statistics ({statistics.length})</h2>
        <label>
          Metric{' '}
          <select
            value={chosen}
            name="metric"
            onChange={(event) =>
              navigate(`${entityHref(entity)}?metric=${encodeURIComponent(event.target.value)}`)
            }
          >
            {metrics.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <CsvButton
          data={() => ({ statistics: shown })}
          filename={`${entity.id}-${chosen ?? 'statistics'}.csv`}
        />
      </div>
      {chosen ? (
        <Suspense fallback={<p className="muted">Loading the chart…</p>}>
          <SeriesChart statistics={shown} metric={chosen} />
        </Suspense>
      ) : null}
      <table className="data-table stats-table">
        <thead>
          <tr>
            <th>period</th>
            <th className="num">value</th>
            <th>covers</th>
            <th className="num">reported change</th>
            <th className="num">computed change</th>
            <th>source</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((stat) => (
            <tr key={stat.id}>
              <td>
                {stat.period.label}
                {stat.periodStated ? null : (
                  <span className="flag" title="The source does not name the period; it was inferred">
                    inferred
                  </span>
                )}
              </td>
              <td className="num">
                <Figure stat={stat} />
              </td>
              <td>
                {scopeOf(stat)}
                {stat.scope ? <div className="muted small">{stat.scope}</div> : null}
              </td>
              <td className="num">
                {stat.reportedChangePercent === null ? '' : `${stat.reportedChangePercent}%`}
              </td>
              <td className="num">
                {stat.computedChange
                  ? `${stat.computedChange.percent}% vs ${stat.computedChange.comparedTo.period.label}`
                  : ''}
              </td>
              <td>
                <SourceRef source={stat.source} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A figure as precisely as its source states it: "3,556", or "about 30" marked approximate. */
export function Figure({ stat }: { stat: Statistic }) {
  if (stat.qualifier === 'EXACT')
    return (
      <>
        {formatNumber(stat.value)} <span className="muted">{stat.unit}</span>
      </>
    );
  return (
    <>
      {stat.stated} <span className="muted">{stat.unit}</span>
      <span className="flag">{stat.qualifier.toLowerCase().replace('_', ' ')}</span>
    </>
  );
}
