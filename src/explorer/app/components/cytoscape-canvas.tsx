import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useId, useRef, useState } from 'react';
import type { Edge, EntityRef, Source } from '../api';
import { KIND_STYLE, relationLabel } from '../kinds';
import { attachGraphKeyboard } from './graph-keyboard';

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
  const rootRef = useRef(rootId);
  rootRef.current = rootId;
  const [announcement, setAnnouncement] = useState('');
  const helpId = useId();
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
    const detachKeyboard = attachGraphKeyboard(
      instance,
      container.current,
      () => rootRef.current,
      () => ({
        onFocus: (id, edgeCount) => {
          const node = byId.current.get(id);
          if (!node) return;
          setAnnouncement(
            `${node.label ?? node.name} (${node.kind === 'Statistic' ? 'statistic' : node.kind}), ` +
              `${edgeCount} relationship${edgeCount === 1 ? '' : 's'} drawn.`,
          );
        },
        onOpen: (id) => {
          const node = byId.current.get(id);
          if (node) handlers.current.onOpen?.(node);
        },
        onExpand: (id) => {
          const node = byId.current.get(id);
          if (node) handlers.current.onExpand?.(node);
        },
        onEdge: (id) => {
          const edge = edgeById.current.get(id);
          if (edge) handlers.current.onEdge(edge);
        },
      }),
    );
    return () => {
      detachKeyboard();
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

  return (
    <>
      <div
        ref={container}
        className="graph-canvas"
        style={{ height }}
        tabIndex={0}
        role="application"
        aria-roledescription="graph"
        aria-label={label}
        aria-describedby={helpId}
      />
      <p id={helpId} className="visually-hidden">
        Arrow keys move between entities, Home returns to the first, Enter opens the entity, E adds its
        neighbours, and ] or [ step through its relationships and show their sources.
      </p>
      <p className="visually-hidden graph-announcement" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
