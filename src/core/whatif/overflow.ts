/**
 * What a plan over-commits: subnets whose consumers need more addresses than Azure hands out, and the other
 * limits a cluster's nodes at peak (autoscaler maximum plus surge) run into: the pod CIDR's /24 blocks (kubenet,
 * Overlay), kubenet's 400 routes, 1,000 nodes per pool and 5,000 per cluster, the load balancer's SNAT ports.
 */
import type { Design, Id } from '../model';
import type { Plan } from '../plan-types';
import { clusterAddressing, KUBENET_URL, ROUTE_TABLE_LIMIT } from '../ipam/defaults';
import { AKS_QUOTAS_URL, MAX_NODES_PER_CLUSTER, MAX_NODES_PER_POOL } from '../limits';
import { lbSnat, LB_PORTS_PER_IP, LB_SNAT_URL } from '../paths/snat';
import { formatCount } from '../format';
import type { LimitKind } from '../capacity/headroom';

export interface SubnetOverflow {
  subnetId: Id;
  name: string;
  /** Addresses the consumers take at peak (nodes at the autoscaler maximum plus surge, pods, frontends, ...). */
  needed: number;
  /** Addresses of the subnet minus the 5 Azure reserves. */
  usable: number;
}

export function subnetOverflows(plan: Plan): SubnetOverflow[] {
  return Object.values(plan.subnets)
    .filter((s) => s.cidr !== null && s.free < 0)
    .map((s) => ({ subnetId: s.subnetId, name: s.name, needed: s.used, usable: s.total - s.reserved }));
}

/** A limit other than a subnet's addresses that the plan passes. */
export interface LimitOverflow {
  kind: Exclude<LimitKind, 'node-subnet' | 'pod-subnet'>;
  /** The cluster, or the pool for the pool limit. */
  subjectId: Id;
  /** "aks-one pod CIDR 10.244.0.0/22", "aks-one/system". */
  name: string;
  needed: number;
  limit: number;
  /** What is counted: "node /24s", "nodes", "SNAT ports". */
  unit: string;
  /** The arithmetic. */
  detail: string;
  learnUrl: string;
}

const fmt = formatCount;
const POD_CIDR_URL = 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning';

function snatOverflow(c: Design['clusters'][number], peak: number): LimitOverflow | null {
  if (c.outboundType !== 'loadBalancer') return null;
  const s = lbSnat(c, peak);
  if (s.ok) return null;
  const manual = (c.loadBalancerProfile?.allocatedOutboundPorts ?? 0) > 0;
  // An allocation that is not a multiple of 8 is wrong at any scale: the plan's findings say so.
  if (manual && s.needed <= s.capacity) return null;
  const base = { kind: 'snat-ports' as const, subjectId: c.id, name: `${c.name} load balancer`, learnUrl: LB_SNAT_URL };
  return manual
    ? { ...base, needed: s.needed, limit: s.ips * LB_PORTS_PER_IP, unit: 'SNAT ports', detail: s.formula }
    : { ...base, needed: peak, limit: 1000, unit: 'backends with default SNAT ports', detail: s.formula };
}

/** Every cluster and pool limit the plan passes, with its numbers. */
export function limitOverflows(design: Design, plan: Plan): LimitOverflow[] {
  const out: LimitOverflow[] = [];
  for (const c of design.clusters) {
    const cp = plan.clusters[c.id];
    if (!cp) continue;
    const peak = cp.peakNodes;
    const base = { subjectId: c.id, unit: 'nodes', learnUrl: AKS_QUOTAS_URL };
    const terms = cp.pools.map((p) => `(${fmt(p.maxNodes)} + ${fmt(p.surge)})`).join(' + ');
    if (cp.podCidrCapacityNodes !== undefined && peak > cp.podCidrCapacityNodes)
      out.push({
        ...base,
        kind: 'pod-cidr',
        name: `${c.name} pod CIDR ${clusterAddressing(c).podCidr}`,
        needed: peak,
        limit: cp.podCidrCapacityNodes,
        unit: 'node /24s',
        detail: `${terms} nodes at peak, one /24 each`,
        learnUrl: POD_CIDR_URL,
      });
    if (cp.model === 'kubenet' && peak > ROUTE_TABLE_LIMIT)
      out.push({
        ...base,
        kind: 'kubenet-node-limit',
        name: `${c.name} kubenet route table`,
        needed: peak,
        limit: ROUTE_TABLE_LIMIT,
        unit: 'routes',
        detail: `${terms} nodes at peak, one route each`,
        learnUrl: KUBENET_URL,
      });
    if (peak > MAX_NODES_PER_CLUSTER)
      out.push({
        ...base,
        kind: 'cluster-node-limit',
        name: c.name,
        needed: peak,
        limit: MAX_NODES_PER_CLUSTER,
        detail: `${terms} nodes at peak`,
      });
    for (const p of cp.pools)
      if (p.peakNodes > MAX_NODES_PER_POOL)
        out.push({
          ...base,
          kind: 'pool-node-limit',
          subjectId: p.poolId,
          name: `${c.name}/${p.name}`,
          needed: p.peakNodes,
          limit: MAX_NODES_PER_POOL,
          detail: `${fmt(p.maxNodes)} + ${fmt(p.surge)} surge`,
        });
    const snat = snatOverflow(c, peak);
    if (snat) out.push(snat);
  }
  return out;
}
