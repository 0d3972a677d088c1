/**
 * The canvas. Nodes and edges come from the store's document (deriveFlow); while a node is dragged its position
 * goes straight into React Flow's own store, as an uncontrolled flow does, and is committed to the layout in one
 * step when the drag ends (one undo step per drag). The canvas itself does not render on a drag frame.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  applyNodeChanges,
  Background,
  Controls,
  ReactFlow,
  useReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type NodeChange,
  type NodePositionChange,
} from '@xyflow/react';
import { deleteElements, onFitRequest, usePlan, usePreview, useDesignStore } from '../store';
import { createFlowDeriver } from './derive-memo';
import { dropKind, visibleRect } from './drop';
import { connectElements } from './connect';
import { NODE_TYPES } from './nodes';
import { EDGE_TYPES } from './edges';
import { DRAG_TYPE } from './Palette';
import { Minimap } from './minimap';
import { PathOverlay } from './walk-overlay';
import { resizesOf, type Sizes } from './resize';
import { RouterContext, useLineRouter } from './routes';
import { hoverBox, setConnecting } from './ports';
import { FIT_PADDING } from '../export';

/**
 * Below this zoom, box text other than the name is under 5 px tall: it is hidden (semantic zoom), which also
 * keeps dragging smooth on large designs, since every repaint then rasterises far less text.
 */
export const FAR_ZOOM = 0.45;

/**
 * A loaded design with more boxes than REVEAL_OVER is put on the canvas in steps, a frame each: its top-level boxes
 * first (they already span the whole drawing, since every box lies inside its parent, so the view fits the same),
 * then REVEAL_STEP more of the boxes they hold per frame, parents before children. Mounting the thousands of boxes
 * in view at once would hold the page for seconds in one task.
 */
const REVEAL_OVER = 1500;
const REVEAL_STEP = 800;

/**
 * Props that never change, made once: React Flow copies a changed prop into its store (which every node and
 * line listens to) and re-renders all nodes when a node handler changes, so a new arrow or array on each render
 * (each drag frame) would cost a full update of the canvas.
 */
const STABLE_PROPS = {
  onConnectStart: () => setConnecting(true),
  onConnectEnd: () => setConnecting(false),
  onNodeMouseEnter: (e: React.MouseEvent, n: { id: string }) => hoverBox(n.id, e.buttons),
  onNodeMouseLeave: (e: React.MouseEvent) => hoverBox(null, e.buttons),
  onPaneClick: () => useDesignStore.getState().select([]),
  // A peering line selects the peering, so its settings can be edited.
  onEdgeClick: (_e: unknown, edge: { id: string }) => {
    if (edge.id.startsWith('peer:')) useDesignStore.getState().select([edge.id.slice('peer:'.length)]);
  },
  snapGrid: [10, 10] as [number, number],
  deleteKeyCode: ['Delete', 'Backspace'],
  multiSelectionKeyCode: ['Shift', 'Meta', 'Control'],
  proOptions: { hideAttribution: true },
};

/** What is drawn over the boxes; it has no props, so a drag frame (the canvas renders again) leaves it alone. */
const Chrome = memo(function Chrome() {
  return (
    <>
      <Background gap={20} />
      <Controls />
      <Minimap />
      <PathOverlay />
    </>
  );
});

export function Canvas() {
  const far = useStore((s) => s.transform[2] < FAR_ZOOM);
  const doc = useDesignStore((s) => s.doc);
  const selection = useDesignStore((s) => s.selection);
  const highlight = useDesignStore((s) => s.highlight);
  const lines = useDesignStore((s) => s.lines);
  // A what-if preview draws its plan (usage, overflows, findings) over the unchanged design.
  const preview = usePreview();
  const current = usePlan();
  const plan = preview?.plan ?? current;
  // Where the boxes being dragged are now: React Flow's store has them already; a render during the drag (a plan
  // arriving) passes them on, so the boxes stay under the pointer.
  const overlay = useRef<Record<string, { x: number; y: number }>>({});
  const flowStore = useStoreApi();
  const flow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const loads = useDesignStore((s) => s.loads);
  // Every document put in place (template, open, share link, restore) is shown whole, once its nodes are drawn.
  useEffect(() => {
    if (loads === 0) return;
    // Two frames: the banner a load shows changes the canvas's size, and React Flow learns the new size from a
    // resize observer, which reports after the first frame's callbacks.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => void flow.fitView({ padding: FIT_PADDING }));
    });
    return () => cancelAnimationFrame(frame);
  }, [loads, flow]);

  // Undoing a replacement brings back a whole design: it is shown whole too.
  const [fitWanted, setFitWanted] = useState(0);
  useEffect(() => onFitRequest(() => setFitWanted((n) => n + 1)), []);
  useEffect(() => {
    if (fitWanted) void flow.fitView({ padding: FIT_PADDING });
  }, [fitWanted, flow]);

  const router = useLineRouter();
  const hot = useMemo(() => new Set(highlight?.nodeIds ?? []), [highlight]);
  const [derive] = useState(createFlowDeriver);
  const derived = useMemo(() => derive(doc, plan, selection, hot, lines), [derive, doc, plan, selection, hot, lines]);
  // A box being resized shows its new size until the resize ends and commits it.
  const [sizes, setSizes] = useState<Sizes>({});
  const nodes = useMemo(() => {
    const moved = overlay.current;
    return Object.keys(moved).length === 0 && Object.keys(sizes).length === 0
      ? derived.nodes
      : derived.nodes.map((n) => {
          const s = sizes[n.id];
          const sized = s ? { ...n, width: s.width, height: s.height, measured: s } : n;
          return moved[n.id] ? { ...sized, position: moved[n.id]!, dragging: true } : sized;
        });
  }, [derived.nodes, sizes]);

  // How many nested boxes of the latest load are revealed so far (see REVEAL_OVER); an edit never hides any.
  const [reveal, setReveal] = useState({ loads: 0, count: Infinity });
  const nested = useMemo(() => derived.nodes.filter((n) => n.parentId).length, [derived.nodes]);
  const count = reveal.loads === loads ? reveal.count : derived.nodes.length > REVEAL_OVER ? 0 : Infinity;
  useEffect(() => {
    if (reveal.loads !== loads) return setReveal({ loads, count });
    if (count >= nested) return;
    // Once all are shown the count is unbounded, so boxes an edit adds later are never held back.
    const next = count + REVEAL_STEP;
    const frame = requestAnimationFrame(() => setReveal({ loads, count: next >= nested ? Infinity : next }));
    return () => cancelAnimationFrame(frame);
  }, [reveal.loads, loads, count, nested]);
  const shown = useMemo(() => {
    if (count >= nested) return nodes;
    let left = count;
    // Nodes come parents first, so the first nested ones revealed always have their parent on the canvas.
    return nodes.filter((n) => !n.parentId || left-- > 0);
  }, [nodes, count, nested]);

  // Ids drawn as boxes: React Flow knows their selection; anything else selected (a peering added from the
  // palette, a finding's subject) it never deselects, so a box selection replaces it.
  const boxIdSet = useMemo(() => new Set(derived.nodes.map((n) => n.id)), [derived.nodes]);
  const boxIds = useRef(boxIdSet);
  boxIds.current = boxIdSet;

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const store = useDesignStore.getState();
      const positions: NodePositionChange[] = [];
      const removed: string[] = [];
      let select: string[] | null = null;
      for (const c of changes) {
        // Drag positions stay out of the document until onNodeDragStop commits them.
        if (c.type === 'position' && c.position) {
          positions.push(c);
          if (c.dragging) overlay.current = { ...overlay.current, [c.id]: c.position };
          else {
            const { [c.id]: _done, ...rest } = overlay.current;
            overlay.current = rest;
          }
        } else if (c.type === 'remove') removed.push(c.id);
        else if (c.type === 'select') {
          const base: string[] = select ?? store.selection.filter((id) => boxIds.current.has(id));
          const cur = new Set<string>(base);
          if (c.selected) cur.add(c.id);
          else cur.delete(c.id);
          select = [...cur];
        }
      }
      if (positions.length) {
        const flowNow = flowStore.getState();
        flowNow.setNodes(applyNodeChanges(positions, flowNow.nodes));
      }
      const { sizing, done } = resizesOf(changes);
      if (Object.keys(sizing).length) setSizes((o) => ({ ...o, ...sizing }));
      if (Object.keys(done).length) {
        const at = store.doc.layout.nodes;
        const sized = Object.entries(done).filter(
          ([id, s]) => at[id] && (s.width !== at[id].w || s.height !== at[id].h),
        );
        if (sized.length)
          store.setLayout(Object.fromEntries(sized.map(([id, s]) => [id, { ...at[id]!, w: s.width, h: s.height }])));
        setSizes({});
      }
      if (removed.length) {
        // React Flow also removes the children of a removed box; the banner names those as taken with it.
        const asked = removed.filter((id) => store.selection.includes(id));
        deleteElements(asked.length ? asked : removed);
      }
      if (select) store.select(select);
    },
    [flowStore],
  );

  const onNodeDragStop = useCallback(
    (_e: unknown, _n: unknown, dragged: { id: string; position: { x: number; y: number } }[]) => {
      const store = useDesignStore.getState();
      const nodesNow = store.doc.layout.nodes;
      overlay.current = {};
      store.setLayout(
        Object.fromEntries(dragged.map((n) => [n.id, { ...nodesNow[n.id], x: n.position.x, y: n.position.y }])),
      );
    },
    [],
  );

  const onDrop = useCallback(
    (e: React.DragEvent) => {
      const kind = e.dataTransfer.getData(DRAG_TYPE);
      if (!kind) return;
      e.preventDefault();
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      dropKind(kind, p.x, p.y, undefined, visibleRect(wrapper.current, flow.screenToFlowPosition));
    },
    [flow],
  );

  const onConnect = useCallback((c: Connection) => connectElements(c.source, c.target), []);

  return (
    <div
      className={far ? 'canvas canvas-far' : 'canvas'}
      ref={wrapper}
      data-testid="canvas"
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDrop={onDrop}
    >
      <RouterContext.Provider value={router}>
        <ReactFlow
          nodes={shown}
          edges={derived.edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          onNodesChange={onNodesChange}
          onNodeDragStop={onNodeDragStop}
          onConnect={onConnect}
          // Boxes outside the view are not mounted: a large design keeps only what is seen in the DOM.
          onlyRenderVisibleElements
          snapToGrid
          fitView
          minZoom={0.1}
          {...STABLE_PROPS}
        >
          <Chrome />
        </ReactFlow>
      </RouterContext.Provider>
    </div>
  );
}
