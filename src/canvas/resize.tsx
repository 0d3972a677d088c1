/**
 * Resizing a VNet or subnet from its right and bottom edges: its children's positions are relative to its
 * top-left corner, so they stay where they are. It never gets smaller than what it holds (the store clamps the
 * committed size the same way).
 */
import { useMemo } from 'react';
import { NodeResizeControl, ResizeControlVariant, type NodeChange } from '@xyflow/react';
import { MIN_BOX, minSizes } from '../export';
import { useDesignStore } from '../store';

const LINES = ['right', 'bottom'] as const;

/** Mounted only while its box is selected, so only that box listens to the document. */
export function BoxResizer({ id }: { id: string }) {
  const design = useDesignStore((s) => s.doc.design);
  const layout = useDesignStore((s) => s.doc.layout.nodes);
  const min = useMemo(() => minSizes(design, layout, [id]).get(id) ?? MIN_BOX, [design, layout, id]);
  const common = { minWidth: min.w, minHeight: min.h } as const;
  return (
    <>
      {LINES.map((p) => (
        <NodeResizeControl key={p} position={p} variant={ResizeControlVariant.Line} {...common} />
      ))}
      <NodeResizeControl position="bottom-right" {...common}>
        <span className="box-resize" data-testid={`resize-${id}`} />
      </NodeResizeControl>
    </>
  );
}

export type Sizes = Record<string, { width: number; height: number }>;

/** The sizes a resize shows while it runs, and the ones it ends with (to commit), from React Flow's changes. */
export function resizesOf(changes: readonly NodeChange[]): { sizing: Sizes; done: Sizes } {
  const sizing: Sizes = {};
  const done: Sizes = {};
  for (const c of changes)
    if (c.type === 'dimensions' && c.dimensions && c.resizing !== undefined)
      (c.resizing ? sizing : done)[c.id] = c.dimensions;
  return { sizing, done };
}
