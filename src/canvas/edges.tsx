/**
 * The edge component: the line's route (straight between the borders of the two boxes when nothing is in the
 * way, else orthogonal around the boxes it has no part in, as the picture exports draw it), so a line never loops
 * back onto the box it starts from and a peering runs from VNet border to VNet border with its label at the middle. A line between a box and a box
 * that holds it is not drawn: the nesting says it. Labels are HTML above the edges: React Flow's own SVG label
 * measures itself with getBBox when it mounts, forcing a layout of the whole canvas once per label.
 */
import { memo, useCallback, useSyncExternalStore } from 'react';
import {
  BaseEdge,
  EdgeLabelRenderer,
  useStore,
  type EdgeProps,
  type InternalNode,
  type ReactFlowState,
} from '@xyflow/react';
import { contains, midpointOf, pathOf, type Rect } from '../export/diagram/index';
import { useRouter } from './routes';

function rectOf(n: InternalNode | undefined): Rect | undefined {
  if (!n) return undefined;
  const w = n.measured.width ?? n.width;
  const h = n.measured.height ?? n.height;
  if (w === undefined || h === undefined) return undefined;
  return { x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, w, h };
}

type Ends = readonly [Rect | undefined, Rect | undefined];

const sameRect = (p: Rect | undefined, q: Rect | undefined) =>
  p === q || (!!p && !!q && p.x === q.x && p.y === q.y && p.w === q.w && p.h === q.h);
const sameEnds = (p: Ends, q: Ends) => sameRect(p[0], q[0]) && sameRect(p[1], q[1]);

function LabeledEdge(props: EdgeProps) {
  // One subscription for both ends, compared by the numbers the route uses: every store change (each drag frame)
  // runs every mounted line's selector, and a node's other fields change without moving it.
  const ends = useCallback(
    (s: ReactFlowState): Ends => [rectOf(s.nodeLookup.get(props.source)), rectOf(s.nodeLookup.get(props.target))],
    [props.source, props.target],
  );
  const [a, b] = useStore(ends, sameEnds);
  const router = useRouter();
  // A route the router put off for a later task re-renders this line alone when it is ready.
  const subscribe = useCallback(
    (listener: () => void) => (router ? router.subscribe(props.id, listener) : () => {}),
    [router, props.id],
  );
  useSyncExternalStore(subscribe, () => router?.version(props.id) ?? 0);
  if (a && b && (contains(a, b) || contains(b, a))) return null;
  const points =
    a && b && router
      ? router.route(props.id, props.source, props.target, a, b)
      : [
          { x: props.sourceX, y: props.sourceY },
          { x: props.targetX, y: props.targetY },
        ];
  const path = pathOf(points);
  const { x: labelX, y: labelY } = midpointOf(points);
  const kind = (props.data as { kind?: string } | undefined)?.kind;
  return (
    <g data-testid={`edge-${props.id}`} data-kind={kind}>
      <BaseEdge
        id={props.id}
        path={path}
        markerEnd={props.markerEnd}
        style={props.style}
        interactionWidth={props.interactionWidth}
      />
      {props.label ? (
        <EdgeLabelRenderer>
          <div
            className="edge-label"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {props.label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </g>
  );
}

export const EDGE_TYPES = { default: memo(LabeledEdge) };
