import type { Core, NodeSingular } from 'cytoscape';

export type Direction = 'left' | 'right' | 'up' | 'down';

const DIRECTIONS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * The node to move to from `from` in a direction: among the nodes lying within 60° either side
 * of it, the closest, with the sideways distance counted twice so that a node straight ahead
 * wins over a nearer one off to the side. Null when nothing lies that way.
 */
export function nearestInDirection<T extends Point>(
  from: Point,
  candidates: readonly T[],
  direction: Direction,
): T | null {
  let best: T | null = null;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const dx = candidate.x - from.x;
    const dy = candidate.y - from.y;
    const ahead = direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'down' ? dy : -dy;
    const aside = Math.abs(direction === 'left' || direction === 'right' ? dy : dx);
    if (ahead <= 0 || aside > ahead * Math.tan(Math.PI / 3)) continue;
    const score = ahead + 2 * aside;
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

export interface KeyboardHandlers {
  /** A node gained the keyboard focus: what to announce. */
  readonly onFocus: (id: string, edgeCount: number) => void;
  readonly onOpen: (id: string) => void;
  readonly onExpand: (id: string) => void;
  /** An edge of the focused node was chosen with [ or ]: show its sources. */
  readonly onEdge: (id: string) => void;
}

/**
 * Keyboard use of the graph canvas (it takes the focus with Tab): the arrow keys move between
 * nodes by where they are drawn, Home goes back to the entity of the page, Enter opens the
 * focused node, E (or +) adds its neighbours, and ] and [ step through its relationships, showing
 * each one's sources as a hover does. The focused node is drawn selected. Returns a detach
 * function.
 */
export function attachGraphKeyboard(
  instance: Core,
  container: HTMLElement,
  rootId: () => string | undefined,
  handlers: () => KeyboardHandlers,
): () => void {
  let focusedId: string | null = null;
  let edgeIndex = -1;

  const focusNode = (node: NodeSingular): void => {
    focusedId = node.id();
    edgeIndex = -1;
    instance.nodes().unselect();
    instance.edges().removeClass('selected');
    node.select();
    const extent = instance.extent();
    const { x, y } = node.position();
    if (x < extent.x1 || x > extent.x2 || y < extent.y1 || y > extent.y2) instance.center(node);
    handlers().onFocus(focusedId, node.connectedEdges().length);
  };

  const current = (): NodeSingular | null => {
    const byId = focusedId === null ? null : instance.getElementById(focusedId);
    if (byId && byId.nonempty() && byId.isNode()) return byId;
    const root = rootId();
    const fallback = root === undefined ? instance.nodes().first() : instance.getElementById(root);
    return fallback.nonempty() && fallback.isNode() ? fallback : null;
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    const node = current();
    if (!node) return;
    const direction = DIRECTIONS[event.key];
    if (direction) {
      if (focusedId === null) {
        focusNode(node);
      } else {
        const others = instance
          .nodes()
          .filter((each) => each.id() !== node.id())
          .map((each) => ({ node: each as NodeSingular, ...(each as NodeSingular).position() }));
        const next = nearestInDirection(node.position(), others, direction);
        if (next) focusNode(next.node);
      }
    } else if (event.key === 'Home') {
      const root = rootId();
      const target = root === undefined ? null : instance.getElementById(root);
      if (target && target.nonempty() && target.isNode()) focusNode(target);
    } else if (event.key === 'Enter') {
      handlers().onOpen(node.id());
    } else if (event.key === 'e' || event.key === 'E' || event.key === '+') {
      handlers().onExpand(node.id());
    } else if (event.key === ']' || event.key === '[') {
      const edges = node.connectedEdges();
      if (edges.length === 0) return;
      if (focusedId === null) focusNode(node);
      edgeIndex = (edgeIndex + (event.key === ']' ? 1 : edges.length - 1)) % edges.length;
      const edge = edges[edgeIndex];
      if (!edge) return;
      instance.edges().removeClass('selected');
      edge.addClass('selected');
      handlers().onEdge(edge.id());
    } else {
      return;
    }
    event.preventDefault();
  };

  const onFocus = (): void => {
    const node = current();
    if (node && focusedId === null) focusNode(node);
  };

  container.addEventListener('keydown', onKeyDown);
  container.addEventListener('focus', onFocus);
  return () => {
    container.removeEventListener('keydown', onKeyDown);
    container.removeEventListener('focus', onFocus);
  };
}
