/**
 * A path on the canvas as numbered arrows from box to box, each labelled with the addresses the packet carries
 * there: the packet walk (with a packet glyph at the current step) or, when no walk is picked, the trace the
 * Paths panel shows on the canvas. Drawn in flow coordinates over the boxes (ViewportPortal), never catching the
 * pointer. With prefers-reduced-motion the packet jumps.
 */
import { useCallback, useMemo } from 'react';
import { useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import type { PathLeg, PathLegs, Walk } from '../core/index';
import { useCurrentWalk, useDesignStore, useWalkStore } from '../store';
import { pathPoints, walkLegs, type WalkPoint } from './walk-geometry';
import './walk.css';

export function PathOverlay() {
  const walk = useCurrentWalk();
  const traced = useDesignStore((s) => s.highlight?.legs);
  if (walk) return <WalkDrawing walk={walk} />;
  return traced ? <PathDrawing path={traced} prefix="trace" /> : null;
}

function WalkDrawing({ walk }: { walk: Walk }) {
  const index = useWalkStore((s) => s.index);
  const path = useMemo(() => walkLegs(walk), [walk]);
  const at = Math.min(index, walk.steps.length - 1);
  const step = walk.steps[at];
  const packet = step ? { verdict: step.verdict, title: `${step.src} → ${step.dst}` } : undefined;
  return <PathDrawing path={path} prefix="walk" at={at} packet={packet} />;
}

interface DrawingProps {
  path: PathLegs;
  /** Test ids and marker ids start with it: `walk-arrow-2`, `trace-arrow-1`. */
  prefix: string;
  /** The stop the packet is at: legs up to it are drawn done. Without it every leg is. */
  at?: number;
  packet?: { verdict: string; title: string } | undefined;
}

/** Boxes as "id x y w h" lines: a string, so the drawing follows moves without re-rendering on every store change. */
function useBoxesText(path: PathLegs): string {
  const ids = useMemo(() => [...new Set(path.stops.flatMap((s) => s.resourceId ?? []))], [path]);
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
  return useStore(select);
}

function PathDrawing({ path, prefix, at, packet }: DrawingProps) {
  const boxesText = useBoxesText(path);
  const points = useMemo(() => pathPoints(path.stops, boxesText), [path, boxesText]);
  const here = at === undefined ? undefined : points[at];
  const head = `${prefix}-head`;
  return (
    <ViewportPortal>
      <svg className="walk-svg" data-testid={`${prefix}-overlay`} width="1" height="1">
        <defs>
          <marker id={head} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" className="walk-head" />
          </marker>
        </defs>
        {path.legs.map((leg) => (
          <Arrow
            key={leg.n}
            from={points[leg.from]}
            to={points[leg.to]}
            leg={leg}
            done={at === undefined || leg.to <= at}
            head={head}
            prefix={prefix}
          />
        ))}
        {path.stops.map((s, i) =>
          s.resourceId || !s.outside || !points[i] ? null : (
            <text key={`out-${i}`} x={points[i].x} y={points[i].y - 14} textAnchor="middle" className="walk-outside">
              {s.outside}
            </text>
          ),
        )}
      </svg>
      {here && packet && (
        <div
          className={`walk-packet walk-packet-${packet.verdict}`}
          data-testid={`${prefix}-packet`}
          data-step={at}
          style={{ transform: `translate(${here.x}px, ${here.y}px)` }}
          title={packet.title}
        />
      )}
    </ViewportPortal>
  );
}

interface ArrowProps {
  from: WalkPoint | undefined;
  to: WalkPoint | undefined;
  leg: PathLeg;
  done: boolean;
  head: string;
  prefix: string;
}

function Arrow({ from, to, leg, done, head, prefix }: ArrowProps) {
  if (!from || !to || (from.x === to.x && from.y === to.y)) return null;
  const mx = (from.x + to.x) / 2;
  const my = (from.y + to.y) / 2;
  return (
    <g className={done ? 'walk-arrow walk-arrow-done' : 'walk-arrow'} data-testid={`${prefix}-arrow-${leg.n}`}>
      <line x1={from.x} y1={from.y} x2={to.x} y2={to.y} markerEnd={`url(#${head})`} />
      <circle cx={mx} cy={my} r="11" />
      <text x={mx} y={my + 4} textAnchor="middle" className="walk-num">
        {leg.n}
      </text>
      <text x={mx + 16} y={my + 4} className="walk-label" data-testid={`${prefix}-arrow-label-${leg.n}`}>
        {leg.label}
      </text>
    </g>
  );
}
