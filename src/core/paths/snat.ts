/**
 * SNAT port capacity of the outbound paths. Load balancer: 64,000 ports per frontend IP, handed to each node
 * either by the default table (by backend pool size, per IP configuration of the node) or as a fixed
 * allocatedOutboundPorts (a multiple of 8, 0 to 64,000).
 * https://learn.microsoft.com/azure/load-balancer/load-balancer-outbound-connections#preallocatedports
 * https://learn.microsoft.com/azure/aks/configure-load-balancer-standard#configure-the-allocated-outbound-ports
 * NAT gateway: 64,512 ports per public IP, up to 16 IPs, shared on demand by every VM in its subnets.
 * https://learn.microsoft.com/azure/firewall/integrate-with-nat-gateway
 */
import { formatCount } from '../format';
import type { Cluster, Design } from '../model';

export const LB_PORTS_PER_IP = 64000;
export const NAT_PORTS_PER_IP = 64512;
export const NAT_MAX_PUBLIC_IPS = 16;
/** Azure Firewall: 2,496 SNAT ports per public IP per backend instance (integrate-with-nat-gateway). */
export const FIREWALL_PORTS_PER_IP = 2496;
/** Learn's guidance for production AKS egress through Azure Firewall (firewall-snat-capacity). */
export const FIREWALL_RECOMMENDED_IPS = 20;
export const FIREWALL_SNAT_URL = 'https://learn.microsoft.com/azure/firewall/integrate-with-nat-gateway';
export const LB_SNAT_URL =
  'https://learn.microsoft.com/azure/load-balancer/load-balancer-outbound-connections#preallocatedports';
export const NAT_SNAT_URL = 'https://learn.microsoft.com/azure/firewall/integrate-with-nat-gateway';

/** Default ports per instance by backend pool size, for one frontend IP (the load balancer's preallocation table). */
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

const fmt = formatCount;

/** The load balancer's numbers for `nodes` backends, without the text: what a search over node counts asks. */
function lbSnatNumbers(cluster: Cluster, nodes: number) {
  const prof = cluster.loadBalancerProfile;
  const ips = prof?.outboundPublicIpIds?.length || prof?.managedOutboundIpCount || 1;
  const capacity = ips * LB_PORTS_PER_IP;
  const manual = prof?.allocatedOutboundPorts ?? 0;
  if (manual > 0) {
    const valid = manual % 8 === 0 && manual <= LB_PORTS_PER_IP;
    const needed = manual * nodes;
    return { ips, capacity, manual, valid, portsPerNode: manual, needed, ok: valid && needed <= capacity };
  }
  // The default allocation is per IP configuration of the node: "Adding more IPs doesn't add more ports to any
  // node, but it provides capacity for more nodes in the cluster" (AKS, configure-load-balancer-standard). The
  // Load Balancer page has said the table applies per frontend IP up to 1,024; the plan takes the AKS page, the
  // lower figure, so it never counts ports a node may not get.
  // https://learn.microsoft.com/azure/aks/configure-load-balancer-standard#configure-the-allocated-outbound-ports
  const perNode = defaultPortsPerNode(nodes);
  return { ips, capacity, manual, valid: true, portsPerNode: perNode, needed: perNode * nodes, ok: perNode > 0 };
}

/** Whether the load balancer's SNAT ports serve `nodes` backends (lbSnat's verdict). */
export const lbSnatOk = (cluster: Cluster, nodes: number): boolean => lbSnatNumbers(cluster, nodes).ok;

export function lbSnat(cluster: Cluster, nodes: number): SnatCapacity {
  const { ips, capacity, manual, valid, portsPerNode, needed, ok } = lbSnatNumbers(cluster, nodes);
  const base = { kind: 'load-balancer' as const, ips, nodes, capacity, portsPerNode, needed, ok };
  if (manual > 0)
    return {
      ...base,
      formula: valid
        ? `${nodes} nodes × ${manual} ports = ${needed} of ${ips} × 64,000 = ${capacity}`
        : `allocatedOutboundPorts ${fmt(manual)} must be a multiple of 8 between 0 and 64,000`,
    };
  return {
    ...base,
    formula: ok
      ? `default allocation for ${nodes} backends: ${fmt(portsPerNode)} ports per node, whatever the number of outbound IPs (${ips})`
      : `${nodes} backends exceed the 1,000 the default allocation serves; set allocatedOutboundPorts`,
  };
}

export function natSnat(
  design: Design,
  natGatewayId: string | undefined,
  nodes: number,
  managedIps?: number,
): SnatCapacity {
  const gw = natGatewayId ? design.natGateways.find((n) => n.id === natGatewayId) : undefined;
  const ips = gw ? gw.publicIpIds.length : (managedIps ?? 1);
  const usable = Math.min(ips, NAT_MAX_PUBLIC_IPS);
  const capacity = usable * NAT_PORTS_PER_IP;
  const perNode = nodes > 0 ? Math.floor(capacity / nodes) : capacity;
  const ok = ips > 0 && ips <= NAT_MAX_PUBLIC_IPS;
  const formula =
    ips === 0
      ? `NAT gateway ${gw?.name ?? ''} has no public IP: 0 SNAT ports for ${nodes} nodes`.replace('  ', ' ')
      : ips > NAT_MAX_PUBLIC_IPS
        ? `a NAT gateway takes at most 16 public IPs, ${ips} are attached`
        : `${ips} × 64,512 = ${fmt(capacity)} ports shared by ${nodes} nodes (${fmt(perNode)} each on average)`;
  return { kind: 'nat-gateway', ips, nodes, portsPerNode: perNode, needed: 0, capacity, ok, formula };
}
