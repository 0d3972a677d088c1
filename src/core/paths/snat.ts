/**
 * SNAT port capacity of the outbound paths. Load balancer: 64,000 ports per frontend IP, handed to each node
 * either by the default table (by backend pool size) or as a fixed allocatedOutboundPorts.
 * https://learn.microsoft.com/azure/load-balancer/load-balancer-outbound-connections#preallocatedports
 * https://learn.microsoft.com/azure/aks/configure-load-balancer-standard#configure-the-allocated-outbound-ports
 * NAT gateway: 64,512 ports per public IP, shared on demand by every VM in its subnets.
 * https://learn.microsoft.com/azure/nat-gateway/nat-gateway-resource#source-network-address-translation
 */
import type { Cluster, Design } from '../model';

export const LB_PORTS_PER_IP = 64000;
export const NAT_PORTS_PER_IP = 64512;
export const LB_SNAT_URL = 'https://learn.microsoft.com/azure/load-balancer/load-balancer-outbound-connections#preallocatedports';
export const NAT_SNAT_URL = 'https://learn.microsoft.com/azure/nat-gateway/nat-gateway-resource#source-network-address-translation';

/** Default ports per instance by backend pool size (the load balancer's preallocation table). */
const DEFAULT_TABLE: readonly [maxPool: number, ports: number][] = [
  [50, 1024],
  [100, 512],
  [200, 256],
  [400, 128],
  [800, 64],
  [1000, 32],
];

/** Ports each node gets by default for a pool of `nodes` backends and one frontend IP; 0 past 1,000. */
export function defaultPortsPerNode(nodes: number): number {
  return DEFAULT_TABLE.find(([max]) => nodes <= max)?.[1] ?? 0;
}

export interface SnatCapacity {
  kind: 'load-balancer' | 'nat-gateway';
  ips: number;
  nodes: number;
  portsPerNode: number;
  /** Ports the nodes need at their allocation. */
  needed: number;
  capacity: number;
  ok: boolean;
  formula: string;
}

export function lbSnat(cluster: Cluster, nodes: number): SnatCapacity {
  const prof = cluster.loadBalancerProfile;
  const ips = prof?.outboundPublicIpIds?.length || prof?.managedOutboundIpCount || 1;
  const capacity = ips * LB_PORTS_PER_IP;
  const manual = prof?.allocatedOutboundPorts ?? 0;
  if (manual > 0) {
    const needed = manual * nodes;
    return { kind: 'load-balancer', ips, nodes, portsPerNode: manual, needed, capacity, ok: needed <= capacity, formula: `${nodes} nodes × ${manual} ports = ${needed} of ${ips} × 64,000 = ${capacity}` };
  }
  // The default table is per frontend IP; more IPs scale the ports each node gets.
  const perNode = defaultPortsPerNode(nodes) * ips;
  const ok = perNode > 0;
  return {
    kind: 'load-balancer', ips, nodes, portsPerNode: perNode, needed: perNode * nodes, capacity, ok,
    formula: ok ? `default allocation for ${nodes} backends: ${perNode} ports per node` : `${nodes} backends exceed the 1,000 the default allocation serves`,
  };
}

export function natSnat(design: Design, natGatewayId: string | undefined, nodes: number, managedIps?: number): SnatCapacity {
  const gw = natGatewayId ? design.natGateways.find((n) => n.id === natGatewayId) : undefined;
  const ips = gw ? gw.publicIpIds.length : (managedIps ?? 1);
  const capacity = ips * NAT_PORTS_PER_IP;
  const perNode = nodes > 0 ? Math.floor(capacity / nodes) : capacity;
  return {
    kind: 'nat-gateway', ips, nodes, portsPerNode: perNode, needed: 0, capacity, ok: ips > 0,
    formula: `${ips} × 64,512 = ${capacity} ports shared by ${nodes} nodes (${perNode} each on average)`,
  };
}
