/**
 * The packet walk on the canvas: the path as numbered arrows from box to box, each labelled with the addresses
 * the packet carries at that hop, and a packet glyph at the current step. Drawn in flow coordinates over the
 * boxes (ViewportPortal), never catching the pointer. With prefers-reduced-motion the packet jumps.
 */
import { useCallback, useMemo } from 'react';
import { useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import type { Walk } from '../core/index';
import { useCurrentWalk, useWalkStore } from '../store';
import { walkPoints, type WalkPoint } from './walk-geometry';
import './walk.css';

export function WalkOverlay() {
  const walk = useCurrentWalk();
  return walk ? <WalkDrawing walk={walk} /> : null;
}

function WalkDrawing({ walk }: { walk: Walk }) {
  const index = useWalkStore((s) => s.index);
  const ids = useMemo(() => [...new Set(walk.steps.flatMap((s) => s.resourceId ?? []))], [walk]);
  // Boxes as "id x y w h" lines: a string, so the drawing follows moves without re-rendering on every store change.
  const select = useCallback(
    (s: ReactFlowState) =>
      ids
        .map((id) => {
          const n = s.nodeLookup.get(id);
          if (!n) return '';
          const p = n.internals.positionAbsolute;
          return `${id} ${p.x} ${p.y} ${n.measured.width ?? 0} ${n.measured.height ?? 0}`;
        })
        .join('\n'),
    [ids],
  );
  const boxesText = useStore(select);
  const points = useMemo(() => walkPoints(walk, boxesText), [walk, boxesText]);
  const at = Math.min(index, walk.steps.length - 1);
  const here = points[at];
  return (
    <ViewportPortal>
      <svg className="walk-svg" data-testid="walk-overlay" width="1" height="1">
        <defs>
          <marker id="walk-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" className="walk-head" />
          </marker>
        </defs>
        {points.map((p, i) =>
          i > 0 ? <Arrow key={i} from={points[i - 1]!} to={p} n={i + 1} done={i <= at} walk={walk} /> : null,
        )}
        {walk.steps.map((s, i) =>
          s.resourceId || s.kind !== 'destination' || !points[i] ? null : (
            <text key={`out-${i}`} x={points[i].x} y={points[i].y - 14} textAnchor="middle" className="walk-outside">
              Internet
            </text>
          ),
        )}
      </svg>
      {here && (
        <div
          className={`walk-packet walk-packet-${walk.steps[at]!.verdict}`}
          data-testid="walk-packet"
          data-step={at}
          style={{ transform: `translate(${here.x}px, ${here.y}px)` }}
          title={`${walk.steps[at]!.src} → ${walk.steps[at]!.dst}`}
        />
      )}
    </ViewportPortal>
  );
}

function Arrow({ from, to, n, done, walk }: { from: WalkPoint; to: WalkPoint; n: number; done: boolean; walk: Walk }) {
  if (from.x === to.x && from.y === to.y) return null;
  const s = walk.steps[n - 1]!;
  const mx = (from.x + to.x) / 2;
  const my = (from.y + to.y) / 2;
  return (
    <g className={done ? 'walk-arrow walk-arrow-done' : 'walk-arrow'} data-testid={`walk-arrow-${n}`}>
      <line x1={from.x} y1={from.y} x2={to.x} y2={to.y} markerEnd="url(#walk-head)" />
      <circle cx={mx} cy={my} r="11" />
      <text x={mx} y={my + 4} textAnchor="middle" className="walk-num">
        {n}
      </text>
      <text x={mx + 16} y={my + 4} className="walk-label" data-testid={`walk-arrow-label-${n}`}>
        {s.src} → {s.dst}
      </text>
    </g>
  );
}
