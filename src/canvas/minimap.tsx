/**
 * The minimap: it can be hidden (a view setting kept in this browser), and it moves to a free corner, or out of
 * the way, when the selection is under it, so it never covers what is being edited.
 *
 * It draws the design's boxes as a few SVG paths (one per nesting depth and kind family), made again only when
 * the layout or the design changes. React Flow's own minimap mounts one component per node, each subscribed to
 * its store: on the 17x enterprise design that is 11,500 selectors run on every drag frame, selection and reveal
 * step. A box being dragged shows at its new place in the minimap once it is dropped. Panning and zooming by the
 * minimap are React Flow's own (XYMinimap), as in its component.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { Panel, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { XYMinimap, type XYMinimapInstance } from '@xyflow/system';
import { FAMILIES, elementsOf, layoutBoxes, styleOf, type KindFamily } from '../export/diagram/index';
import { useDesignStore } from '../store';

const KEY = 'aksnet.minimap';
/** React Flow's minimap: 200 × 150 pixels, 15 pixels from the corner. */
const SIZE = { w: 200, h: 150, margin: 15 };
type Corner = 'bottom-right' | 'top-right' | 'top-left';
const CORNERS: readonly Corner[] = ['bottom-right', 'top-right', 'top-left'];

function readShown(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'hidden';
  } catch {
    return true;
  }
}

type Box = [number, number, number, number];

function cornerRect(c: Corner, width: number, height: number): Box {
  const x = c === 'top-left' ? SIZE.margin : width - SIZE.margin - SIZE.w;
  const y = c === 'bottom-right' ? height - SIZE.margin - SIZE.h : SIZE.margin;
  return [x, y, x + SIZE.w, y + SIZE.h];
}

const hits = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/**
 * Where the minimap goes: its usual corner unless a selected box is under it; then another corner with no box
 * under it at all (moving it onto other boxes would only hide those); with none free, nowhere (hidden).
 */
export function placeMinimap(s: ReactFlowState): Corner | 'none' {
  const [tx, ty, zoom] = s.transform;
  const corners = CORNERS.map((c) => ({ c, r: cornerRect(c, s.width, s.height), selected: false, other: false }));
  for (const n of s.nodeLookup.values()) {
    const p = n.internals.positionAbsolute;
    const w = n.measured.width ?? n.width ?? 0;
    const h = n.measured.height ?? n.height ?? 0;
    const r: Box = [p.x * zoom + tx, p.y * zoom + ty, (p.x + w) * zoom + tx, (p.y + h) * zoom + ty];
    for (const k of corners)
      if (hits(k.r, r)) {
        if (n.selected) k.selected = true;
        else k.other = true;
      }
  }
  if (!corners[0]!.selected) return corners[0]!.c;
  return corners.slice(1).find((k) => !k.selected && !k.other)?.c ?? 'none';
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Boxes as path data, a layer per nesting depth (parents under children) and kind family. */
interface Layer {
  key: string;
  family: KindFamily;
  depth: number;
  d: string;
}

const rectPath = (b: Rect) => `M${b.x} ${b.y}h${b.w}v${b.h}h${-b.w}z`;

/** The layers and the drawing's bounds, for a design and its layout. */
export function minimapScene(
  design: Parameters<typeof layoutBoxes>[0],
  layout: Parameters<typeof layoutBoxes>[1],
): { layers: Layer[]; bounds: Rect | null; boxes: Map<string, Rect> } {
  const kinds = elementsOf(design);
  const boxes = layoutBoxes(design, layout);
  const depth = new Map<string, number>();
  const paths = new Map<string, Layer & { parts: string[] }>();
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    const level = b.parentId ? (depth.get(b.parentId) ?? 0) + 1 : 0;
    depth.set(b.id, level);
    const family = styleOf(kinds.get(b.id)!.kind).family;
    const key = `${level}-${family}`;
    let layer = paths.get(key);
    if (!layer) paths.set(key, (layer = { key, family, depth: level, d: '', parts: [] }));
    layer.parts.push(rectPath(b));
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.w);
    y1 = Math.max(y1, b.y + b.h);
  }
  const layers = [...paths.values()]
    .sort((a, b) => a.depth - b.depth || a.key.localeCompare(b.key))
    .map(({ parts, ...l }) => ({ ...l, d: parts.join('') }));
  return {
    layers,
    bounds: boxes.length ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : null,
    boxes: new Map(boxes.map((b) => [b.id, b])),
  };
}

/** The boxes: rendered again only when the layers change, never on a pan, zoom or drag frame. */
const Boxes = memo(function Boxes({ layers }: { layers: Layer[] }) {
  return (
    <g className="minimap-boxes">
      {layers.map((l) => (
        <path
          key={l.key}
          d={l.d}
          fill={l.depth === 0 ? FAMILIES[l.family].fill : FAMILIES[l.family].band}
          stroke={FAMILIES[l.family].stroke}
          strokeOpacity={0.5}
          strokeWidth={1}
          vectorEffect="non-scaling-stroke"
          data-depth={l.depth}
        />
      ))}
    </g>
  );
});

const WIDTH = SIZE.w;
const HEIGHT = SIZE.h;
/** Margin around the drawing, in minimap pixels (React Flow's offsetScale). */
const OFFSET = 5;

const viewSelector = (s: ReactFlowState) => ({
  tx: s.transform[0],
  ty: s.transform[1],
  zoom: s.transform[2],
  width: s.width,
  height: s.height,
  panZoom: s.panZoom,
  translateExtent: s.translateExtent,
});
type View = ReturnType<typeof viewSelector>;
const sameView = (a: View, b: View) =>
  a.tx === b.tx &&
  a.ty === b.ty &&
  a.zoom === b.zoom &&
  a.width === b.width &&
  a.height === b.height &&
  a.panZoom === b.panZoom &&
  a.translateExtent === b.translateExtent;

function MinimapView({ corner }: { corner: Corner }) {
  const store = useStoreApi();
  const svg = useRef<SVGSVGElement>(null);
  const design = useDesignStore((s) => s.doc.design);
  const layout = useDesignStore((s) => s.doc.layout.nodes);
  const selection = useDesignStore((s) => s.selection);
  const scene = useMemo(() => minimapScene(design, layout), [design, layout]);
  const view = useStore(viewSelector, sameView);
  const seen = {
    x: -view.tx / view.zoom,
    y: -view.ty / view.zoom,
    w: view.width / view.zoom,
    h: view.height / view.zoom,
  };
  const b = scene.bounds;
  const all = b
    ? {
        x: Math.min(b.x, seen.x),
        y: Math.min(b.y, seen.y),
        w: Math.max(b.x + b.w, seen.x + seen.w) - Math.min(b.x, seen.x),
        h: Math.max(b.y + b.h, seen.y + seen.h) - Math.min(b.y, seen.y),
      }
    : seen;
  // As React Flow's minimap: the drawing and the view fitted to the minimap, centred, with a margin.
  const viewScale = Math.max(all.w / WIDTH, all.h / HEIGHT);
  const offset = OFFSET * viewScale;
  const x = all.x - (viewScale * WIDTH - all.w) / 2 - offset;
  const y = all.y - (viewScale * HEIGHT - all.h) / 2 - offset;
  const width = viewScale * WIDTH + offset * 2;
  const height = viewScale * HEIGHT + offset * 2;
  const scaleRef = useRef(viewScale);
  scaleRef.current = viewScale;
  const instance = useRef<XYMinimapInstance | null>(null);
  useEffect(() => {
    if (!svg.current || !view.panZoom) return;
    const m = XYMinimap({
      domNode: svg.current,
      panZoom: view.panZoom,
      getTransform: () => store.getState().transform,
      getViewScale: () => scaleRef.current,
    });
    instance.current = m;
    return () => {
      m.destroy();
      instance.current = null;
    };
  }, [view.panZoom, store]);
  useEffect(() => {
    instance.current?.update({
      translateExtent: view.translateExtent,
      width: view.width,
      height: view.height,
      pannable: true,
      zoomable: true,
      zoomStep: 1,
    });
  }, [view.panZoom, view.translateExtent, view.width, view.height]);
  const selected = selection.map((id) => scene.boxes.get(id)).filter((r): r is NonNullable<typeof r> => !!r);
  return (
    <Panel position={corner} className="react-flow__minimap" data-testid="rf__minimap">
      <svg
        ref={svg}
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${x} ${y} ${width} ${height}`}
        className="react-flow__minimap-svg"
        role="img"
        aria-label="Minimap"
      >
        <Boxes layers={scene.layers} />
        {selected.length ? (
          <path
            className="minimap-selected"
            d={selected.map(rectPath).join('')}
            fill="none"
            stroke="#1a1a1a"
            strokeWidth={2}
            vectorEffect="non-scaling-stroke"
          />
        ) : null}
        <path
          className="react-flow__minimap-mask"
          d={`M${x - offset},${y - offset}h${width + offset * 2}v${height + offset * 2}h${-width - offset * 2}z
        M${seen.x},${seen.y}h${seen.w}v${seen.h}h${-seen.w}z`}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
}

export function Minimap() {
  const [shown, setShown] = useState(readShown);
  // A string from the selector: the component renders again only when the corner changes.
  const place = useStore(placeMinimap);
  const corner = place === 'none' ? null : place;
  const toggle = () => {
    setShown(!shown);
    try {
      localStorage.setItem(KEY, shown ? 'hidden' : 'shown');
    } catch {
      // Private mode: the choice lasts until reload.
    }
  };
  return (
    <>
      <button
        type="button"
        className="minimap-toggle"
        data-testid="minimap-toggle"
        aria-pressed={shown}
        title={shown ? 'Hide the minimap' : 'Show the minimap'}
        onClick={toggle}
      >
        {shown ? 'Hide map' : 'Map'}
      </button>
      {shown && corner ? (
        // A layer over the canvas that takes no pointer itself, so our test id marks the minimap inside it.
        <div className="minimap-layer" data-testid="minimap" data-corner={corner}>
          <MinimapView corner={corner} />
        </div>
      ) : null}
    </>
  );
}
