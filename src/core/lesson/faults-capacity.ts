/**
 * Capacity and address faults: a node subnet too small for the upgrade surge, a service CIDR overlapping a
 * peered VNet, SNAT port exhaustion. Numbers come from the address plan, so the fault fits any design.
 */
import { containsCidr, formatIp, overlapsCidr, parseCidr, prefixForUsable, toRange } from '../cidr';
import type { Cluster, Design, Id } from '../model';
import { LB_PORTS_PER_IP } from '../paths/snat';
import { computeAddressPlan, computePlan } from '../plan';
import { clustersThat, noFindingOn, onClusterCopy, subnetOf, type Outcome } from './fault-util';
import type { Fault } from './types';

/** The pool the surge fault works on (the target pool, the first pool of the target cluster, or the first pool). */
function surgePool(design: Design, target?: Id) {
  const pools = design.clusters.flatMap((c) => c.nodePools);
  const pool = target
    ? (pools.find((p) => p.id === target) ?? design.clusters.find((c) => c.id === target)?.nodePools[0])
    : pools[0];
  return pool ?? (target ? `no node pool or cluster has id "${target}"` : 'the design has no node pool');
}

/** Addresses the subnet needs with no upgrade surge on its pools (maxSurge 0 resolves to no extra node). */
function steadyNeed(design: Design, sid: Id): number {
  const d = structuredClone(design);
  for (const c of d.clusters) for (const p of c.nodePools) if (p.nodeSubnetId === sid) p.maxSurge = '0';
  return computeAddressPlan(d).subnets[sid]?.used ?? 0;
}

const withPrefix = (cidr: string, prefix: number) => `${cidr.split('/')[0]}/${prefix}`;

/** Surges an instructor meets: the default of one node, Learn's 33% for production, then half and all. */
const SURGES = [undefined, '33%', '50%', '100%'];

function injectSurge(design: Design, target?: Id): Outcome {
  const d = structuredClone(design);
  const pool = surgePool(d, target);
  if (typeof pool === 'string') return { error: pool };
  const s = subnetOf(d, pool.nodeSubnetId);
  const parsed = s ? parseCidr(s.cidr) : null;
  if (!s || !parsed?.ok) return { error: `${pool.name} has no node subnet with a valid CIDR` };
  const prefix = prefixForUsable(steadyNeed(d, s.id));
  if (prefix < parsed.range.prefix) return { error: `${s.name} is already too small for ${pool.name} without a surge` };
  s.cidr = withPrefix(s.cidr, prefix);
  for (const surge of SURGES) {
    if (surge === undefined) delete pool.maxSurge;
    else pool.maxSurge = surge;
    if ((computeAddressPlan(d).subnets[s.id]?.free ?? 0) < 0) return { design: d };
  }
  return { error: `${s.name} at /${prefix} still holds ${pool.name}'s upgrade surge at maxSurge 100%` };
}

export const SURGE_SUBNET_TOO_SMALL: Fault = {
  id: 'surge-subnet-too-small',
  title: 'A node subnet too small for the upgrade surge',
  description:
    'An upgrade adds maxSurge extra nodes before it drains old ones, each taking a node IP (and, with Azure CNI on the node subnet, maxPods pod IPs). A subnet sized for the nodes at their maximum alone makes the upgrade fail with SubnetIsFull.',
  learnUrl: 'https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling',
  inject: injectSurge,
  check: (design, target) => {
    const pool = surgePool(design, target);
    return typeof pool === 'string'
      ? { kind: 'no-finding', rule: 'subnet-too-small' }
      : { kind: 'no-finding', rule: 'subnet-too-small', subjectId: pool.nodeSubnetId };
  },
  repair: repairSurge,
};

/** True when `cidr` lies in an address space of its VNet and overlaps no other subnet of it. */
function fitsInVnet(design: Design, sid: Id, cidr: string): boolean {
  const r = toRange(cidr);
  const vnet = design.vnets.find((v) => v.subnets.some((s) => s.id === sid));
  if (!r || !vnet || formatIp(r.start) !== cidr.split('/')[0]) return false;
  const inside = vnet.addressSpaces.some((a) => containsCidr(a, cidr));
  return inside && !vnet.subnets.some((s) => s.id !== sid && overlapsCidr(s.cidr, cidr));
}

/**
 * Widens the node subnet to hold the surge when the VNet has the room; otherwise brings maxSurge down to the
 * largest of the usual values the subnet holds (an upgrade then takes longer but succeeds).
 */
function repairSurge(design: Design, target?: Id): Outcome {
  const d = structuredClone(design);
  const pool = surgePool(d, target);
  if (typeof pool === 'string') return { error: pool };
  const s = subnetOf(d, pool.nodeSubnetId);
  const need = s ? computeAddressPlan(d).subnets[s.id]?.used : undefined;
  if (!s || need === undefined) return { error: `${pool.name} has no node subnet` };
  const wider = withPrefix(s.cidr, prefixForUsable(need));
  if (fitsInVnet(d, s.id, wider)) {
    s.cidr = wider;
    return { design: d };
  }
  for (const surge of [...SURGES].reverse()) {
    if (surge === undefined) delete pool.maxSurge;
    else pool.maxSurge = surge;
    if ((computeAddressPlan(d).subnets[s.id]?.free ?? -1) >= 0) return { design: d };
  }
  return { error: `${s.name} cannot grow to ${wider} in its VNet and is too small even at maxSurge 1` };
}

/** The address spaces of the VNets peered with the cluster's node VNets. */
function peeredSpaces(design: Design, c: Cluster): string[] {
  const own = new Set(
    design.vnets
      .filter((v) => v.subnets.some((s) => c.nodePools.some((p) => p.nodeSubnetId === s.id)))
      .map((v) => v.id),
  );
  const peered = design.peerings.flatMap((p) =>
    own.has(p.localVnetId) ? [p.remoteVnetId] : own.has(p.remoteVnetId) ? [p.localVnetId] : [],
  );
  return design.vnets.filter((v) => peered.includes(v.id) && !own.has(v.id)).flatMap((v) => v.addressSpaces);
}

/** The service CIDR with its DNS service IP at .10, as AKS's own defaults do (10.0.0.0/16 and 10.0.0.10). */
function setServiceCidr(c: Cluster, cidr: string): void {
  const r = toRange(cidr);
  c.serviceCidr = cidr;
  if (r) c.dnsServiceIp = formatIp(r.start + 10);
}

const SERVICE_RULES = new Set(['service-cidr-overlap', 'pod-service-cidr-overlap', 'aks-reserved-range']);
/** Ranges a repaired service CIDR may take, AKS's default first. */
const SERVICE_CANDIDATES = ['10.0.0.0/16', '172.16.0.0/16', '192.168.0.0/16', '10.2.0.0/16', '10.250.0.0/16'];

const peeredCluster = (design: Design) => (c: Cluster) => peeredSpaces(design, c).length > 0;

export const SERVICE_CIDR_PEERED_OVERLAP: Fault = {
  id: 'service-cidr-peered-overlap',
  title: 'A service CIDR overlapping a peered VNet',
  description:
    'Cluster IPs are not routed outside the cluster: pods that send to an address of the peered VNet inside the service CIDR reach a Service (or nothing) instead of the VNet, and AKS refuses a service CIDR that overlaps a subnet of the cluster VNet.',
  learnUrl: 'https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni',
  inject: (design, target) =>
    onClusterCopy(design, target, peeredCluster(design), 'in a peered VNet', (d, c) => {
      setServiceCidr(c, peeredSpaces(d, c)[0]!);
    }),
  check: (design, target) => noFindingOn(design, target, peeredCluster(design), 'service-cidr-overlap'),
  repair: (design, target) => onClusterCopy(design, target, () => true, 'in the design', freeServiceCidr),
};

/** The first candidate service CIDR outside every VNet that leaves no service CIDR finding on `c`. */
function freeServiceCidr(d: Design, c: Cluster): Outcome {
  const spaces = d.vnets.flatMap((v) => v.addressSpaces);
  for (const cidr of SERVICE_CANDIDATES) {
    if (spaces.some((s) => overlapsCidr(s, cidr))) continue;
    setServiceCidr(c, cidr);
    const bad = computePlan(d).findings.some((f) => f.subjectId === c.id && SERVICE_RULES.has(f.rule));
    if (!bad) return { design: d };
  }
  return { error: `no free range for ${c.name}'s service CIDR among ${SERVICE_CANDIDATES.join(', ')}` };
}

const ON_LB = clustersThat((c) => c.outboundType === 'loadBalancer', 'using outbound type loadBalancer');

export const SNAT_EXHAUSTION: Fault = {
  id: 'snat-exhaustion',
  title: 'SNAT port exhaustion',
  description:
    'Each outbound IP of the cluster load balancer has 64,000 SNAT ports. A fixed allocatedOutboundPorts per node that, times the nodes at peak (surge included), exceeds them leaves nodes without ports: scale-out and upgrades fail, and connections time out.',
  learnUrl:
    'https://learn.microsoft.com/azure/aks/configure-load-balancer-standard#configure-the-allocated-outbound-ports',
  inject: ON_LB.change(exhaustPorts),
  check: ON_LB.noFinding('snat-exhaustion'),
  repair: ON_LB.change((d, c) => {
    if (!c.loadBalancerProfile) return { error: 'no load balancer profile to repair' };
    const peak = computeAddressPlan(d).clusters[c.id]?.peakNodes ?? 0;
    const ports = c.loadBalancerProfile.allocatedOutboundPorts;
    // One more outbound IP per 64,000 ports the peak nodes need.
    c.loadBalancerProfile.managedOutboundIpCount = Math.max(1, Math.ceil((peak * ports) / LB_PORTS_PER_IP));
  }),
};

/** One outbound IP and a fixed port allocation per node that the peak nodes together overrun. */
function exhaustPorts(d: Design, c: Cluster): Outcome | void {
  const peak = computeAddressPlan(d).clusters[c.id]?.peakNodes ?? 0;
  if (peak < 2) return { error: `${c.name} has ${peak} node at peak: one node cannot exhaust 64,000 ports` };
  // The smallest multiple of 8 whose total over the peak nodes passes one IP's 64,000 ports.
  const ports = Math.min(LB_PORTS_PER_IP, Math.ceil((LB_PORTS_PER_IP / peak + 1) / 8) * 8);
  c.loadBalancerProfile = {
    idleTimeoutMinutes: c.loadBalancerProfile?.idleTimeoutMinutes ?? 30,
    managedOutboundIpCount: 1,
    allocatedOutboundPorts: ports,
  };
}
