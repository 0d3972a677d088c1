/** What a palette kind adds to the document: the element, with what it needs (its subnet, a public IP, ...). */
import type { Design, Id } from '../core/index';
import type { DesignDocument } from '../io';
import { addCluster, addPeering, addPool, addSubnet, addVnet } from './factory';
import { addResource, RESOURCE_KINDS, type AddResult, type DropTarget, type ResourceKind } from './factory-resources';
import type { NewId } from './ids';

type Layout = DesignDocument['layout']['nodes'];

export type AddKind = 'vnet' | 'subnet' | 'node-subnet' | 'cluster' | 'pool' | 'peering' | ResourceKind;

const need = (id: Id | null, error: string): AddResult => (id ? { id } : { error });

function addPeeringFor(d: Design, t: DropTarget, ids: NewId): AddResult {
  const a = t.vnetId ?? d.vnets[0]?.id;
  if (!a) return { error: 'Add two VNets first, then drop a peering on one of them (or connect their handles).' };
  const peered = new Set(
    d.peerings.flatMap((p) => (p.localVnetId === a ? [p.remoteVnetId] : p.remoteVnetId === a ? [p.localVnetId] : [])),
  );
  const b = d.vnets.find((v) => v.id !== a && !peered.has(v.id));
  if (!b) return { error: 'Every other VNet is already peered with this one.' };
  return {
    id: addPeering(
      d,
      ids('peer'),
      d.vnets.find((v) => v.id === a)!,
      b,
    ),
  };
}

/**
 * Adds an element of `kind` at (x, y) to a draft document. A node pool joins the selected cluster (or the
 * cluster of a selected pool), else the first one.
 */
export function addElement(
  doc: DesignDocument,
  kind: AddKind,
  x: number,
  y: number,
  t: DropTarget,
  selection: readonly Id[],
  ids: NewId,
): AddResult {
  const d = doc.design;
  const layout: Layout = doc.layout.nodes;
  switch (kind) {
    case 'vnet':
      return { id: addVnet(d, layout, x, y, ids) };
    case 'subnet':
    case 'node-subnet':
      if (!t.vnetId) return { error: 'Drop a subnet on a VNet.' };
      return need(
        addSubnet(d, layout, t.vnetId, kind === 'node-subnet' ? 'aks-nodes' : 'general', ids),
        'The VNet has no free block left for a subnet.',
      );
    case 'cluster':
      return { id: addCluster(d, layout, x, y, ids) };
    case 'pool': {
      if (!t.subnetId) return { error: 'Drop a node pool on a subnet: its nodes take addresses there.' };
      const selected = selection
        .map((id) => d.clusters.find((c) => c.id === id || c.nodePools.some((p) => p.id === id)))
        .find(Boolean);
      return need(addPool(d, layout, t.subnetId, selected?.id, ids), 'Drop the node pool on a subnet.');
    }
    case 'peering':
      return addPeeringFor(d, t, ids);
    default:
      return addResource(d, layout, kind, x, y, t, ids);
  }
}

const KINDS: readonly string[] = ['vnet', 'subnet', 'node-subnet', 'cluster', 'pool', 'peering', ...RESOURCE_KINDS];

/** Whether a dropped palette kind is one the store can add. */
export const isAddKind = (k: string): k is AddKind => KINDS.includes(k);
