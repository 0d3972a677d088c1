/**
 * Connection handles where a connection can start or end: on the hovered or selected box, and on every box while
 * a connection is being drawn. Every other box carries two bare ports instead: plain elements at the handles'
 * places, so React Flow still finds a source and a target when it measures the box (it draws a line only
 * between measured handles) without mounting, laying out and painting two handle components per box, each
 * subscribed to React Flow's store (1,408 of them on the enterprise design).
 */
import { Handle, Position } from '@xyflow/react';
import { create } from 'zustand';

interface PortState {
  /** The box under the pointer: React Flow's node enter and leave events, so its handles count as inside. */
  hovered: string | null;
  connecting: boolean;
}

/** View state of the canvas only: not part of the document, never saved, never undone. */
export const usePorts = create<PortState>(() => ({ hovered: null, connecting: false }));

export const setHovered = (id: string | null) => usePorts.setState({ hovered: id });

/** The box the pointer is over after a press, applied when the press ends. */
let pending: string | null | undefined;

/**
 * The pointer entered (an id) or left (null) a box. With a button held the pointer drags (a box, the view, a
 * line from a live handle): boxes it crosses on the way need no handles, and swapping a box's ports on each
 * crossing would re-render it mid-drag, so the box it ends on gets its handles when the button is released.
 */
export function hoverBox(id: string | null, buttons: number) {
  if (buttons === 0) return setHovered(id);
  if (pending === undefined)
    window.addEventListener(
      'pointerup',
      () => {
        if (pending !== undefined) setHovered(pending);
        pending = undefined;
      },
      { once: true },
    );
  pending = id;
}
export const setConnecting = (connecting: boolean) => usePorts.setState({ connecting });

/** The box's two handles, live or bare. */
export function Ports({ id, selected, side }: { id: string; selected: boolean; side: 'target' | 'source' }) {
  // Each box's selector compares two values; only the boxes whose answer flips render again.
  const live = usePorts((s) => selected || s.hovered === id || s.connecting);
  if (live)
    return side === 'target' ? (
      <Handle type="target" position={Position.Top} data-testid={`handle-${id}-target`} />
    ) : (
      <Handle type="source" position={Position.Bottom} data-testid={`handle-${id}-source`} />
    );
  // The classes React Flow's measurement looks for (`source`, `target`), at the handle's place, never painted.
  return side === 'target' ? (
    <div className="box-port box-port-top target" data-handlepos="top" aria-hidden="true" />
  ) : (
    <div className="box-port box-port-bottom source" data-handlepos="bottom" aria-hidden="true" />
  );
}
