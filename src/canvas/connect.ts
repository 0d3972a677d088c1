/** Connecting two handles: VNet to VNet makes a peering; subnet to NSG, route table or NAT gateway associates them. */
import { findElement, newId, useDesignStore } from '../store';

export function connectElements(source: string | null, target: string | null): void {
  if (!source || !target || source === target) return;
  const store = useDesignStore.getState();
  const d = store.doc.design;
  const a = findElement(d, source);
  const b = findElement(d, target);
  if (!a || !b) return;
  const pair = (k1: string, k2: string) => (a.kind === k1 && b.kind === k2 ? [a, b] : b.kind === k1 && a.kind === k2 ? [b, a] : null);
  if (a.kind === 'vnet' && b.kind === 'vnet') {
    const exists = d.peerings.some((p) => (p.localVnetId === source && p.remoteVnetId === target) || (p.localVnetId === target && p.remoteVnetId === source));
    if (exists) return;
    store.updateDesign((draft) => {
      draft.peerings.push({ id: newId(draft, store.doc.layout.nodes, 'peer'), name: `${a.element.name}-to-${b.element.name}`, localVnetId: source, remoteVnetId: target, allowForwardedTraffic: true, allowGatewayTransit: false, useRemoteGateways: false });
    });
    return;
  }
  for (const [kind, field] of [['nsg', 'nsgId'], ['routeTable', 'routeTableId'], ['natGateway', 'natGatewayId']] as const) {
    const p = pair('subnet', kind);
    if (!p) continue;
    const [subnet, res] = p;
    store.updateDesign((draft) => {
      for (const v of draft.vnets) for (const s of v.subnets) if (s.id === subnet!.element.id) s[field] = res!.element.id;
    });
    return;
  }
  store.setBanner({ kind: 'info', text: `A ${a.kind} cannot be connected to a ${b.kind}. Connect two VNets to peer them, or a subnet to an NSG, route table or NAT gateway.` });
}
