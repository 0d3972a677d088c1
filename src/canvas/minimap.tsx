/**
 * The minimap: it can be hidden (a view setting kept in this browser), and it moves to a free corner, or out of
 * the way, when the selection is under it, so it never covers what is being edited.
 */
import { useState } from 'react';
import { MiniMap, useStore, type ReactFlowState } from '@xyflow/react';

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
          <MiniMap pannable zoomable position={corner} ariaLabel="Minimap" />
        </div>
      ) : null}
    </>
  );
}
