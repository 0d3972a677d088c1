/**
 * The baseline of the canvas overhead benchmark: React Flow alone drawing the app's derived nodes and edges of the
 * 1x enterprise design (same ids, positions, sizes and parents) with its default node and edge components,
 * uncontrolled (React Flow keeps the nodes), no store, no panels. Built by its vite.config.ts beside it; it lives beside the canvas, not in bench/, because bench scripts use only the core, exports and io.
 */
import { createRoot } from 'react-dom/client';
import { ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { computePlan } from '../../core/index';
import { deriveFlow } from '../derive';
import { gridLayout } from '../../../bench/canvas-layout';
import { makeEnterpriseDesign } from '../../../bench/make-enterprise-design';

const design = makeEnterpriseDesign(1);
const doc = {
  format: 'aks-network-design',
  schemaVersion: 1,
  meta: { name: 'bare' },
  design,
  layout: gridLayout(design),
} as unknown as Parameters<typeof deriveFlow>[0];
const derived = deriveFlow(doc, computePlan(design), [], new Set(), 'auto');

const nodes: Node[] = derived.nodes.map((n) => ({
  id: n.id,
  type: 'default',
  position: n.position,
  width: n.width,
  height: n.height,
  ...(n.parentId ? { parentId: n.parentId, extent: n.extent } : {}),
  data: { label: n.data.name },
  domAttributes: { 'data-testid': `bare-${n.id}` } as Node['domAttributes'],
}));
const edges: Edge[] = derived.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));

createRoot(document.getElementById('root')!).render(
  <div style={{ width: '100%', height: '100%' }}>
    <ReactFlow defaultNodes={nodes} defaultEdges={edges} fitView minZoom={0.1} proOptions={{ hideAttribution: true }} />
  </div>,
);
