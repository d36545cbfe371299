import { useEffect, useMemo, useState } from 'react';
import {
  graphql,
  NEIGHBOURS_QUERY,
  type EntityRef,
  type Kind,
  type Neighbourhood,
  type Statistic,
} from '../api';
import { KIND_STYLE, formatNumber, relationLabel } from '../kinds';
import { entityHref, Link } from '../router';
import { SourceRef } from './cite';

import { CytoscapeCanvas, mergeEdges, type DrawnEdge, type DrawnNode } from './cytoscape-canvas';

export { CytoscapeCanvas, mergeEdges, type DrawnEdge, type DrawnNode };

export function EdgeSources({ edge, names }: { edge: DrawnEdge | null; names: (id: string) => string }) {
  if (!edge) return <p className="muted">Hover over or click an edge to see its sources.</p>;
  return (
    <div className="edge-sources" aria-live="polite">
      <p className="edge-title">
        <strong>{names(edge.from)}</strong> → {relationLabel(edge.type)} → <strong>{names(edge.to)}</strong>
      </p>
      <ul>
        {edge.claims.map((claim, index) => (
          <li key={`${claim.source?.id ?? 'none'}-${index}`}>
            <SourceRef source={claim.source} asOf={claim.asOf} />
            {claim.note ? <div className="muted small">{claim.note}</div> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The neighbourhood of an entity: its neighbours drawn, filters by relationship type and kind
 * (statistics hidden until asked for), double-click (or "Expand") to add a node's neighbours.
 */
export default function NeighbourhoodGraph({
  root,
  statistics,
  onOpen,
}: {
  root: EntityRef;
  statistics: readonly Statistic[];
  onOpen: (entity: EntityRef) => void;
}) {
  const [nodes, setNodes] = useState(new Map<string, EntityRef>([[root.id, root]]));
  const [edges, setEdges] = useState(new Map<string, DrawnEdge>());
  const [expanded, setExpanded] = useState(new Set<string>());
  const [hiddenTypes, setHiddenTypes] = useState(new Set<string>());
  const [hiddenKinds, setHiddenKinds] = useState(new Set<Kind>(['Statistic']));
  const [selected, setSelected] = useState<DrawnEdge | null>(null);
  const [status, setStatus] = useState('Loading the neighbourhood…');

  const expand = (id: string): void => {
    setStatus(`Loading the neighbours of ${nodes.get(id)?.name ?? id}…`);
    graphql<{ neighbours: Neighbourhood | null }>(NEIGHBOURS_QUERY, { id, depth: 1 })
      .then((data) => {
        const found = data.neighbours;
        if (!found) return;
        setNodes((current) => {
          const next = new Map(current);
          for (const node of found.nodes) if (!next.has(node.id)) next.set(node.id, node);
          return next;
        });
        setEdges((current) => mergeEdges(found.edges, new Map(current)));
        setExpanded((current) => new Set(current).add(id));
        setStatus(found.truncated ? 'Some neighbours were left out (more than 150).' : '');
      })
      .catch((error: unknown) => setStatus(`Could not load neighbours: ${String(error)}`));
  };

  useEffect(() => {
    setNodes(new Map([[root.id, root]]));
    setEdges(new Map());
    setExpanded(new Set());
    setSelected(null);
    expand(root.id);
  }, [root.id]);

  const statNodes = useMemo(
    () =>
      statistics.map((stat) => ({
        node: {
          id: `stat:${stat.id}`,
          name: stat.id,
          kind: 'Statistic' as const,
          label: `${stat.metric} ${stat.period.label}: ${formatNumber(stat.value)}`,
        },
        edge: {
          id: `stat:${stat.id}>MEASURES`,
          from: `stat:${stat.id}`,
          to: root.id,
          type: 'MEASURES',
          claims: [{ source: stat.source, asOf: stat.period.label }],
        } satisfies DrawnEdge,
      })),
    [statistics, root.id],
  );

  const types = useMemo(() => [...new Set([...edges.values()].map((edge) => edge.type))].sort(), [edges]);
  const kinds = useMemo(() => {
    const present = new Set([...nodes.values()].map((node) => node.kind));
    if (statistics.length > 0) present.add('Statistic');
    return [...present].sort();
  }, [nodes, statistics.length]);

  const visible = useMemo(() => {
    const allNodes: DrawnNode[] = [...nodes.values()];
    const allEdges: DrawnEdge[] = [...edges.values()];
    for (const each of statNodes) {
      allNodes.push(each.node);
      allEdges.push(each.edge);
    }
    const shownNodes = allNodes.filter((node) => node.id === root.id || !hiddenKinds.has(node.kind));
    const ids = new Set(shownNodes.map((node) => node.id));
    const shownEdges = allEdges.filter(
      (edge) => ids.has(edge.from) && ids.has(edge.to) && !hiddenTypes.has(edge.type),
    );
    const linked = new Set([root.id, ...shownEdges.flatMap((edge) => [edge.from, edge.to])]);
    return { nodes: shownNodes.filter((node) => linked.has(node.id)), edges: shownEdges };
  }, [nodes, edges, statNodes, hiddenKinds, hiddenTypes, root.id]);

  const toggle = <T,>(set: Set<T>, value: T): Set<T> => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };
  const names = (id: string): string =>
    nodes.get(id)?.name ?? statNodes.find((each) => each.node.id === id)?.node.label ?? id;

  return (
    <div className="graph-layout">
      <div className="graph-main">
        <CytoscapeCanvas
          nodes={visible.nodes}
          edges={visible.edges}
          rootId={root.id}
          label={`Neighbourhood of ${root.name}: ${visible.nodes.length} entities, ${visible.edges.length} relationships`}
          onOpen={(node) => node.kind !== 'Statistic' && onOpen(node)}
          onExpand={(node) => node.kind !== 'Statistic' && expand(node.id)}
          onEdge={setSelected}
        />
        <p className="muted small graph-help">
          Click a node to open it, double-click to add its neighbours; hover or click an edge for its sources.
          From the keyboard: Tab to the graph, arrows move, Enter opens, E expands, ] and [ show the sources
          of each relationship.
          {status ? <span className="status"> {status}</span> : null}
        </p>
      </div>
      <aside className="graph-panel">
        <fieldset>
          <legend>Relationship types</legend>
          {types.map((type) => (
            <label key={type} className="check">
              <input
                type="checkbox"
                checked={!hiddenTypes.has(type)}
                onChange={() => setHiddenTypes((set) => toggle(set, type))}
              />
              {relationLabel(type)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Kinds</legend>
          {kinds.map((kind) => (
            <label key={kind} className="check">
              <input
                type="checkbox"
                name={`kind-${kind}`}
                checked={!hiddenKinds.has(kind)}
                onChange={() => setHiddenKinds((set) => toggle(set, kind))}
              />
              <span className="kind-dot" style={{ background: KIND_STYLE[kind].color }} />
              {kind === 'Statistic' ? 'Statistics' : kind}
            </label>
          ))}
        </fieldset>
        <section className="panel-block">
          <h3>Sources of the edge</h3>
          <EdgeSources edge={selected} names={names} />
        </section>
        <details className="panel-block graph-entities">
          <summary>
            Entities drawn ({visible.nodes.filter((node) => node.kind !== 'Statistic').length})
          </summary>
          <ul>
            {visible.nodes
              .filter((node) => node.kind !== 'Statistic')
              .map((node) => (
                <li key={node.id} data-id={node.id}>
                  <span className="kind-dot" style={{ background: KIND_STYLE[node.kind].color }} />
                  <Link href={entityHref(node)}>{node.name}</Link>{' '}
                  {expanded.has(node.id) ? null : (
                    <button type="button" className="link-button" onClick={() => expand(node.id)}>
                      expand
                    </button>
                  )}
                </li>
              ))}
          </ul>
        </details>
      </aside>
    </div>
  );
}
