/** The hops every ingress trace shares: NSG admission on a subnet and the last steps to the pods. */
import type { Cluster, Design, Id, Nsg, NodePool } from '../model';
import { designIndex } from '../design-index';
import { subnetById } from './locate';
import { NSG_URL, nsgAllowsInbound, type NsgParty, type NsgSource } from './nsg-eval';
import type { Hop, Trace } from './trace-types';

/** A rule a hop needs that the subnet's NSG does not grant. */
export interface MissingNsgRule {
  subnetId: Id;
  nsgId: Id;
  need: string;
}

/** The NSG on a subnet. */
export function nsgOf(design: Design, subnetId: Id): Nsg | undefined {
  const nsgId = subnetById(design, subnetId)?.subnet.nsgId;
  return nsgId ? designIndex(design).nsg.get(nsgId) : undefined;
}

/** A subnet as the end of a flow: its range, inside the VirtualNetwork tag. */
export function subnetParty(design: Design, subnetId: Id): NsgParty {
  const cidr = subnetById(design, subnetId)?.subnet.cidr;
  return cidr ? { tag: 'VirtualNetwork', cidr } : { tag: 'VirtualNetwork' };
}

/** Checks one required inbound flow on a subnet; records a hop and, when blocked, what is missing. */
/** The load balancer's health probes, from AzureLoadBalancer to `targetPort` through the NSG of `subnetId`. */
export const admitProbes = (design: Design, subnetId: Id, targetPort: number, hops: Hop[], missing: MissingNsgRule[]) =>
  admit(
    design,
    subnetId,
    { tag: 'AzureLoadBalancer' },
    targetPort,
    `health probes from AzureLoadBalancer to ${targetPort}`,
    hops,
    missing,
  );

export function admit(
  design: Design,
  subnetId: Id,
  src: NsgSource,
  port: number,
  need: string,
  hops: Hop[],
  missing: MissingNsgRule[],
  url = NSG_URL,
): boolean {
  const nsg = nsgOf(design, subnetId);
  // The destination is an address of the subnet: a rule's destination prefix must cover the subnet.
  const v = nsgAllowsInbound(nsg, src, port, subnetParty(design, subnetId));
  if (!v.allowed && nsg) missing.push({ subnetId, nsgId: nsg.id, need });
  hops.push({
    kind: 'nsg',
    resourceId: nsg?.id ?? subnetId,
    label: `${v.allowed ? 'allowed' : 'BLOCKED'}: ${need}`,
    decidedBy: v.rule,
    learnUrl: url,
  });
  return v.allowed;
}

/** The last hop of a gateway that sends to pod IPs itself: `decidedBy` says what programs them. */
export const podIpHop = (pool: NodePool, port: number, decidedBy: string): Hop => ({
  kind: 'pod',
  resourceId: pool.id,
  label: `pod IP on port ${port}`,
  decidedBy,
});

export function toPods(cluster: Cluster, pool: NodePool, port: number, hops: Hop[], direct = false): void {
  if (direct) {
    hops.push(podIpHop(pool, port, 'AGIC programs pod IPs as the backend pool'));
    return;
  }
  hops.push({
    kind: 'node',
    resourceId: pool.id,
    label: `node in ${pool.name}`,
    decidedBy: 'load balancer backend pool: the cluster nodes',
  });
  hops.push({
    kind: 'pod',
    resourceId: pool.id,
    label: `pod on port ${port}`,
    decidedBy: `kube-proxy / ${cluster.networkDataplane === 'cilium' ? 'Cilium eBPF' : 'iptables'} to the Service endpoints`,
  });
}

export function trace(from: string, to: string, hops: Hop[], ok: boolean, seen: string | null, blocked = false): Trace {
  return {
    from,
    to,
    hops,
    sourceIpSeen: ok ? seen : null,
    outcome: ok ? 'delivered' : blocked ? 'blocked' : 'dropped',
    findings: [],
  };
}
