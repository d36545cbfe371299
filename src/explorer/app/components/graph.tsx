import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  graphql,
  NEIGHBOURS_QUERY,
  type Edge,
  type EntityRef,
  type Kind,
  type Neighbourhood,
  type Source,
  type Statistic,
} from '../api';
import { KIND_STYLE, formatNumber, relationLabel } from '../kinds';
import { entityHref, Link } from '../router';
import { SourceRef } from './cite';

cytoscape.use(fcose);

/** One drawn edge: a relationship between two nodes, with every claim (source) that states it. */
export interface DrawnEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly type: string;
  readonly claims: readonly {
    readonly source: Source | null;
    readonly asOf: string | null;
    readonly note?: string | null;
  }[];
}

export interface DrawnNode extends EntityRef {
  readonly label?: string;
}

const edgeKey = (edge: { fromId: string; type: string; toId: string }): string =>
  `${edge.fromId}>${edge.type}>${edge.toId}`;

/** Merges API edges (one per claim) into drawn edges (one per relationship, all its claims). */
export function mergeEdges(
  edges: readonly Edge[],
  into = new Map<string, DrawnEdge>(),
): Map<string, DrawnEdge> {
  for (const edge of edges) {
    const key = edgeKey(edge);
    const claim = { source: edge.source, asOf: edge.asOf, note: edge.note };
    const known = into.get(key);
    if (!known)
      into.set(key, { id: key, from: edge.fromId, to: edge.toId, type: edge.type, claims: [claim] });
    else if (!known.claims.some((each) => each.source?.id === edge.source?.id && each.asOf === edge.asOf)) {
      into.set(key, { ...known, claims: [...known.claims, claim] });
    }
  }
  return into;
}

function ringPosition(
  id: string,
  index: number,
  count: number,
  edges: readonly DrawnEdge[],
  known: ReadonlyMap<string, { x: number; y: number }>,
): { x: number; y: number } {
  const neighbour = edges
    .flatMap((edge) => (edge.from === id ? [edge.to] : edge.to === id ? [edge.from] : []))
    .map((other) => known.get(other))
    .find((position) => position !== undefined);
  const centre = neighbour ?? { x: 0, y: 0 };
  const angle = (2 * Math.PI * index) / Math.max(count, 1);
  const radius = 120 + 6 * count;
  return { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
}

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'background-color': 'data(color)',
      shape: 'data(shape)' as never,
      width: 26,
      height: 26,
      'font-size': 11,
      'font-family': 'system-ui, sans-serif',
      color: '#1f2328',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '120px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
      'border-width': 1,
      'border-color': '#ffffff',
    },
  },
  {
    selector: 'node.root',
    style: { width: 38, height: 38, 'border-width': 3, 'border-color': '#1f2328', 'font-weight': 'bold' },
  },
  { selector: 'node.Statistic', style: { width: 16, height: 16, 'font-size': 9, color: '#57606a' } },
  {
    selector: 'edge',
    style: {
      width: 'mapData(claims, 1, 5, 1.2, 4)' as never,
      'line-color': '#8c959f',
      'target-arrow-color': '#8c959f',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-size': 8,
      color: '#57606a',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '1px',
    },
  },
  {
    selector: 'edge.selected, edge:selected',
    style: { 'line-color': '#bf3989', 'target-arrow-color': '#bf3989', width: 4 },
  },
  { selector: 'node:selected', style: { 'border-color': '#bf3989', 'border-width': 4 } },
];

/**
 * Draws nodes and edges with Cytoscape.js and the fCoSE force layout: colour and shape by kind,
 * edge labels by relationship type. Tap a node: `onOpen`; double-tap: `onExpand`; tap or hover
 * an edge: `onEdge` (its sources). Keeps positions across updates so expanding does not reshuffle.
 */
export function CytoscapeCanvas({
  nodes,
  edges,
  rootId,
  onOpen,
  onExpand,
  onEdge,
  label,
  height = 460,
}: {
  nodes: readonly DrawnNode[];
  edges: readonly DrawnEdge[];
  rootId?: string;
  onOpen?: (node: DrawnNode) => void;
  onExpand?: (node: DrawnNode) => void;
  onEdge: (edge: DrawnEdge) => void;
  label: string;
  height?: number;
}) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const handlers = useRef({ onOpen, onExpand, onEdge });
  handlers.current = { onOpen, onExpand, onEdge };
  const byId = useRef(new Map<string, DrawnNode>());
  const edgeById = useRef(new Map<string, DrawnEdge>());

  useEffect(() => {
    if (!container.current) return undefined;
    const instance = cytoscape({
      container: container.current,
      style: STYLE,
      minZoom: 0.2,
      maxZoom: 3,
      boxSelectionEnabled: false,
    });
    cy.current = instance;
    (window as unknown as { tradegraphGraph?: Core }).tradegraphGraph = instance;
    let pending: ReturnType<typeof setTimeout> | undefined;
    instance.on('tap', 'node', (event) => {
      const node = byId.current.get(event.target.id() as string);
      if (!node) return;
      clearTimeout(pending);
      // Wait for a possible second tap: a double tap expands instead of opening.
      pending = setTimeout(() => handlers.current.onOpen?.(node), 280);
    });
    instance.on('dbltap', 'node', (event) => {
      clearTimeout(pending);
      const node = byId.current.get(event.target.id() as string);
      if (node) handlers.current.onExpand?.(node);
    });
    const showEdge = (event: cytoscape.EventObject): void => {
      const edge = edgeById.current.get(event.target.id() as string);
      if (!edge) return;
      instance.edges().removeClass('selected');
      event.target.addClass('selected');
      handlers.current.onEdge(edge);
    };
    instance.on('tap', 'edge', showEdge);
    instance.on('mouseover', 'edge', showEdge);
    instance.on('mouseover', 'node', () => {
      if (container.current) container.current.style.cursor = 'pointer';
    });
    instance.on('mouseout', 'node', () => {
      if (container.current) container.current.style.cursor = '';
    });
    return () => {
      clearTimeout(pending);
      instance.destroy();
      cy.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    byId.current = new Map(nodes.map((node) => [node.id, node]));
    edgeById.current = new Map(edges.map((edge) => [edge.id, edge]));
    const known = new Map(instance.nodes().map((node) => [node.id(), { ...node.position() }]));
    const elements: ElementDefinition[] = [
      ...nodes.map((node, index): ElementDefinition => {
        const style = KIND_STYLE[node.kind];
        // New nodes start on a ring around a drawn neighbour, so no two overlap before the layout runs.
        const position = known.get(node.id) ?? ringPosition(node.id, index, nodes.length, edges, known);
        return {
          group: 'nodes',
          data: { id: node.id, label: node.label ?? node.name, color: style.color, shape: style.shape },
          classes: [node.kind, node.id === rootId ? 'root' : ''].join(' '),
          position,
        };
      }),
      ...edges.map((edge): ElementDefinition => ({
        group: 'edges',
        data: {
          id: edge.id,
          source: edge.from,
          target: edge.to,
          label: relationLabel(edge.type),
          claims: edge.claims.length,
        },
      })),
    ];
    instance.batch(() => {
      instance.elements().remove();
      instance.add(elements);
    });
    const fresh = nodes.some((node) => !known.has(node.id));
    if (fresh || known.size === 0) {
      instance
        .layout({
          name: 'fcose',
          animate: false,
          randomize: known.size === 0,
          nodeRepulsion: () => 9000,
          idealEdgeLength: () => 110,
          padding: 30,
        } as cytoscape.LayoutOptions)
        .run();
    }
    instance.fit(undefined, 30);
  }, [nodes, edges, rootId]);

  return <div ref={container} className="graph-canvas" style={{ height }} role="img" aria-label={label} />;
}

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
