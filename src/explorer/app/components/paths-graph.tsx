import { useMemo, useState } from 'react';
import type { Route } from '../views/paths';
import { CytoscapeCanvas, EdgeSources, type DrawnEdge, type DrawnNode } from './graph';
import { entityHref, navigate } from '../router';

/** Every route between two entities drawn at once, each edge with all the sources that state it. */
export default function PathsGraph({
  routes,
  fromId,
  toId,
  names,
}: {
  routes: readonly Route[];
  fromId: string;
  toId: string;
  names: (id: string) => string;
}) {
  const [selected, setSelected] = useState<DrawnEdge | null>(null);
  const { nodes, edges } = useMemo(() => {
    const nodeMap = new Map<string, DrawnNode>();
    const edgeMap = new Map<string, DrawnEdge>();
    for (const route of routes) {
      for (const node of route.nodes) nodeMap.set(node.id, node);
      for (const edge of route.edges) {
        const known = edgeMap.get(edge.id);
        edgeMap.set(
          edge.id,
          known
            ? {
                ...known,
                claims: [
                  ...known.claims,
                  ...edge.claims.filter(
                    (claim) =>
                      !known.claims.some(
                        (each) => each.source?.id === claim.source?.id && each.asOf === claim.asOf,
                      ),
                  ),
                ],
              }
            : edge,
        );
      }
    }
    return { nodes: [...nodeMap.values()], edges: [...edgeMap.values()] };
  }, [routes]);
  return (
    <div className="graph-layout">
      <div className="graph-main">
        <CytoscapeCanvas
          nodes={nodes}
          edges={edges}
          rootId={fromId}
          height={360}
          label={`Paths from ${names(fromId)} to ${names(toId)}`}
          onOpen={(node) => navigate(entityHref(node))}
          onEdge={setSelected}
        />
      </div>
      <aside className="graph-panel">
        <section className="panel-block">
          <h3>Sources of the edge</h3>
          <EdgeSources edge={selected} names={names} />
        </section>
      </aside>
    </div>
  );
}
