import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { graphql, PATHS_QUERY, type EntityRef, type Path } from '../api';
import { SourceRef } from '../components/cite';
import { CsvButton } from '../components/csv-button';
import { EntitySearch } from '../components/entity-search';
import { KIND_STYLE, relationLabel } from '../kinds';
import { entityHref, Link, navigate } from '../router';
import type { DrawnEdge } from '../components/graph';

const PathsGraph = lazy(() => import('../components/paths-graph'));

/** A route through the graph: the same nodes and relationship types, with every source that states each step. */
export interface Route {
  readonly key: string;
  readonly nodes: readonly EntityRef[];
  readonly edges: readonly DrawnEdge[];
}

/** The API gives one path per combination of claims; a reader wants each route once, with all its sources. */
export function routesOf(paths: readonly Path[]): Route[] {
  const routes = new Map<string, { nodes: readonly EntityRef[]; edges: Map<string, DrawnEdge>[] }>();
  for (const path of paths) {
    const key =
      path.nodes.map((node) => node.id).join('>') + '|' + path.edges.map((edge) => edge.type).join('>');
    const route = routes.get(key) ?? {
      nodes: path.nodes,
      edges: path.edges.map(() => new Map<string, DrawnEdge>()),
    };
    path.edges.forEach((edge, index) => {
      const step = route.edges[index];
      if (!step) return;
      const id = `${edge.fromId}>${edge.type}>${edge.toId}`;
      const known = step.get(id) ?? { id, from: edge.fromId, to: edge.toId, type: edge.type, claims: [] };
      if (!known.claims.some((claim) => claim.source?.id === edge.source?.id && claim.asOf === edge.asOf)) {
        step.set(id, {
          ...known,
          claims: [...known.claims, { source: edge.source, asOf: edge.asOf, note: edge.note }],
        });
      }
    });
    routes.set(key, route);
  }
  return [...routes.entries()].map(([key, route]) => ({
    key,
    nodes: route.nodes,
    edges: route.edges.flatMap((step) => [...step.values()]),
  }));
}

/** /explore/paths?from=…&to=…: the shortest relationship paths between two entities, each step cited. */
export function PathsView({ from, to }: { from: string; to: string }) {
  const [paths, setPaths] = useState<Path[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<{ from: string; to: string }>({ from, to });
  useEffect(() => setPicked({ from, to }), [from, to]);
  useEffect(() => {
    setPaths(null);
    setError(null);
    if (!from || !to) return;
    graphql<{ paths: Path[] }>(PATHS_QUERY, { from, to })
      .then((data) => setPaths(data.paths))
      .catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  }, [from, to]);
  const routes = useMemo(() => (paths ? routesOf(paths) : []), [paths]);
  const go = (next: { from: string; to: string }): void => {
    if (next.from && next.to)
      navigate(`/explore/paths?from=${encodeURIComponent(next.from)}&to=${encodeURIComponent(next.to)}`);
  };
  const pick = (side: 'from' | 'to') => (entity: EntityRef) => {
    const next = { ...picked, [side]: entity.id };
    setPicked(next);
    go(next);
  };
  const nameOf = (id: string): string =>
    routes.flatMap((route) => route.nodes).find((node) => node.id === id)?.name ?? id;

  return (
    <section aria-labelledby="paths-title">
      <h1 id="paths-title">Paths between two entities</h1>
      <form
        className="card form-row"
        onSubmit={(event) => {
          event.preventDefault();
          go(picked);
        }}
      >
        <EntitySearch
          label="From"
          placeholder="e.g. Daimay"
          initial={nameOf(from)}
          onPick={pick('from')}
          name="from"
        />
        <EntitySearch
          label="To"
          placeholder="e.g. USMCA"
          initial={nameOf(to)}
          onPick={pick('to')}
          name="to"
        />
        <button type="submit">Find paths</button>
      </form>
      {error ? <p className="error">{error}</p> : null}
      {from && to && !paths && !error ? <p className="muted">Looking for paths…</p> : null}
      {paths && routes.length === 0 ? <p>No path of up to six relationships joins them.</p> : null}
      {routes.length > 0 ? (
        <>
          <div className="card">
            <div className="section-head">
              <h2>
                {routes.length} route{routes.length === 1 ? '' : 's'} of {routes[0]?.edges.length} step
                {routes[0]?.edges.length === 1 ? '' : 's'}
              </h2>
              <CsvButton data={() => ({ paths: paths ?? [] })} filename={`paths-${from}-${to}.csv`} />
            </div>
            <Suspense fallback={<p className="muted">Loading the graph…</p>}>
              <PathsGraph routes={routes} fromId={from} toId={to} names={nameOf} />
            </Suspense>
          </div>
          <ol className="routes">
            {routes.map((route) => (
              <li key={route.key} className="route card">
                <p className="route-line">
                  {route.nodes.map((node, index) => (
                    <span key={node.id}>
                      {index > 0 ? <span className="muted"> · </span> : null}
                      <span className="kind-dot" style={{ background: KIND_STYLE[node.kind].color }} />
                      <Link href={entityHref(node)}>{node.name}</Link>
                    </span>
                  ))}
                </p>
                <table className="data-table">
                  <thead>
                    <tr>
                      <th>step</th>
                      <th>sources (as of)</th>
                    </tr>
                  </thead>
                  <tbody>
                    {route.edges.map((edge) => (
                      <tr key={edge.id} className="path-edge">
                        <td>
                          {nameOf(edge.from)} → <strong>{relationLabel(edge.type)}</strong> →{' '}
                          {nameOf(edge.to)}
                        </td>
                        <td>
                          <ul className="claims">
                            {edge.claims.map((claim, index) => (
                              <li key={`${claim.source?.id ?? ''}-${index}`}>
                                <SourceRef source={claim.source} asOf={claim.asOf} />
                              </li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
