/**
 * Checkers for the rules of rules-2026.ts. Numbers come from the plan (peak nodes, max pods, pod addresses), so
 * the messages match the address plan.
 */
import { containsCidr, overlapsCidr, parseCidr } from '../cidr';
import { designIndex, type SubnetRef } from '../design-index';
import { formatCount } from '../format';
import { blocksPerNode, networkModelOf, STATIC_BLOCK_SIZE } from '../ipam/defaults';
import { MAX_NODES_PER_CLUSTER, MAX_NODES_PER_POOL } from '../limits';
import type { Cluster, Design, Firewall } from '../model';
import { aksEgressRuleSet } from '../paths/egress-rules';
import { firewallIp } from '../paths/locate';
import { FIREWALL_PORTS_PER_IP, FIREWALL_RECOMMENDED_IPS } from '../paths/snat';
import type { ClusterPlan, Plan } from '../plan-types';

type Base = Omit<Plan, 'findings'>;

/** One finding of a rule of rules-2026.ts: the rule's id, its subject and the message parameters. */
export interface Hit {
  rule: string;
  subject: string;
  params: unknown;
}

type Finding = Hit;

const hit = (rule: string, subject: string, params: unknown): Hit => ({ rule, subject, params });

/** A subnet that belongs in the VNet of another one (`home`): its name, its VNet and the home VNet. */
export interface InOtherVnet {
  subnet: string;
  vnet: string;
  homeVnet: string;
}

/** `sub` when both subnets are known and `sub` lies in another VNet than `home`. */
function inOtherVnet(sub: SubnetRef | undefined, home: SubnetRef | undefined): InOtherVnet | undefined {
  if (!sub || !home || sub.vnet.id === home.vnet.id) return undefined;
  return { subnet: sub.subnet.name, vnet: sub.vnet.name, homeVnet: home.vnet.name };
}

const NAT_MAX_IPS = 16;
const LB_MAX_MANAGED_IPS = 100;
const FREE_TIER_RECOMMENDED = 10;
const FREE_TIER_MAX = 1000;
const VNET_MAX_ADDRESSES = 65536;
const STATIC_BLOCK_MIN_VERSION = [1, 28] as const;
const STATIC_BLOCK_MAX_PREFIX = 12;
/** Private ranges Azure accepts for VNets without side effects: RFC 1918 and the RFC 6598 shared space. */
const WINDOWS_MAX_PODS = 110;
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'];

function checkOutbound(design: Design, c: Cluster): Finding[] {
  const out: Finding[] = [];
  const idx = designIndex(design);
  if (c.outboundType === 'managedNATGateway') {
    const subnetId = c.nodePools.find((p) => p.nodeSubnetId)?.nodeSubnetId;
    const subnet = subnetId ? idx.subnet.get(subnetId)?.subnet.name : undefined;
    out.push(hit('managed-nat-gateway-custom-vnet', c.id, { cluster: c.name, subnet: subnet ?? '(none)' }));
    const n = c.natGatewayManagedIpCount;
    if (n !== undefined && (n < 1 || n > NAT_MAX_IPS))
      out.push(hit('nat-gateway-managed-ip-count', c.id, { cluster: c.name, count: n }));
  }
  const lb = c.loadBalancerProfile;
  if (c.outboundType === 'loadBalancer' && lb && !lb.outboundPublicIpIds?.length) {
    const n = lb.managedOutboundIpCount;
    if (n < 1 || n > LB_MAX_MANAGED_IPS)
      out.push(hit('load-balancer-managed-ip-count', c.id, { cluster: c.name, count: n }));
  }
  return out;
}

function checkPublicIps(design: Design): Finding[] {
  const out: Finding[] = [];
  const idx = designIndex(design);
  for (const p of design.publicIps)
    if (p.sku === 'Basic') out.push(hit('public-ip-basic-retired', p.id, { name: p.name }));
  for (const n of design.natGateways) {
    const natSku = n.sku ?? 'Standard';
    for (const id of n.publicIpIds) {
      const pip = idx.publicIp.get(id);
      if (!pip || pip.sku === 'Basic' || pip.sku === natSku) continue; // Basic has its own finding
      out.push(hit('nat-gateway-public-ip-sku', n.id, { nat: n.name, natSku, pip: pip.name, pipSku: pip.sku }));
    }
  }
  return out;
}

function checkFirewalls(design: Design): Finding[] {
  const out: Finding[] = [];
  const idx = designIndex(design);
  for (const fw of design.firewalls) {
    if (fw.tier === 'Basic' && !fw.managementSubnetId) out.push(hit('firewall-basic-management-subnet', fw.id, {}));
    const data = idx.subnet.get(fw.subnetId);
    const mgmt = fw.managementSubnetId ? idx.subnet.get(fw.managementSubnetId) : undefined;
    const other = inOtherVnet(mgmt, data);
    if (other) out.push(hit('firewall-management-subnet-vnet', fw.id, { firewall: fw.name, ...other }));
  }
  return out;
}

/** Upgrade surge on top of the maximum: the pool and cluster limits apply to the nodes during an upgrade. */
function checkScale(c: Cluster, cp: ClusterPlan): Finding[] {
  const out: Finding[] = [];
  for (const pp of cp.pools) {
    if (pp.peakNodes > MAX_NODES_PER_POOL)
      out.push(
        hit('pool-surge-node-limit', pp.poolId, {
          pool: pp.name,
          nodes: pp.peakNodes,
          arithmetic: `${pp.maxNodes} + ${pp.surge} surge`,
        }),
      );
  }
  if (cp.peakNodes > MAX_NODES_PER_CLUSTER)
    out.push(
      hit('cluster-surge-node-limit', c.id, {
        cluster: c.name,
        nodes: cp.peakNodes,
        arithmetic: cp.pools.map((p) => `(${p.maxNodes} + ${p.surge})`).join(' + '),
      }),
    );
  // The tier defaults to Free when the design leaves it out (az aks create --tier).
  if ((c.tier ?? 'free') === 'free') {
    if (cp.peakNodes > FREE_TIER_MAX)
      out.push(hit('free-tier-node-limit', c.id, { cluster: c.name, nodes: cp.peakNodes }));
    else if (cp.peakNodes >= FREE_TIER_RECOMMENDED)
      out.push(hit('free-tier-node-count', c.id, { cluster: c.name, nodes: cp.peakNodes }));
  }
  return out;
}

function versionBelow(text: string, [major, minor]: readonly [number, number]): boolean {
  const m = /^(\d+)\.(\d+)/.exec(text);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a < major || (a === major && b < minor);
}

function checkStaticBlock(design: Design, c: Cluster, cp: ClusterPlan): Finding[] {
  if (networkModelOf(c) !== 'azure-cni-pod-subnet-static') return [];
  const out: Finding[] = [];
  const idx = designIndex(design);
  if (c.kubernetesVersion && versionBelow(c.kubernetesVersion, STATIC_BLOCK_MIN_VERSION))
    out.push(hit('static-block-kubernetes-version', c.id, { cluster: c.name, version: c.kubernetesVersion }));
  const seen = new Set<string>();
  for (const p of c.nodePools) {
    const ref = p.podSubnetId ? idx.subnet.get(p.podSubnetId) : undefined;
    if (!ref || seen.has(ref.subnet.id)) continue;
    seen.add(ref.subnet.id);
    const parsed = parseCidr(ref.subnet.cidr);
    if (parsed.ok && parsed.range.prefix < STATIC_BLOCK_MAX_PREFIX)
      out.push(hit('static-block-pod-subnet-size', ref.subnet.id, { subnet: ref.subnet.name, cidr: ref.subnet.cidr }));
  }
  for (const pp of cp.pools) {
    const blocks = blocksPerNode(pp.maxPods);
    const unused = blocks * STATIC_BLOCK_SIZE - (pp.maxPods + 1);
    // More than half a block left empty on every node (Learn's own example, maxPods 32, leaves 15 of 48).
    if (unused * 2 > STATIC_BLOCK_SIZE && blocks > 1)
      out.push(
        hit('static-block-max-pods-waste', pp.poolId, {
          pool: pp.name,
          maxPods: pp.maxPods,
          blocks,
          unused,
          lower: (blocks - 1) * STATIC_BLOCK_SIZE - 1,
          upper: blocks * STATIC_BLOCK_SIZE - 1,
        }),
      );
  }
  return out;
}

function checkWindowsAndApiServer(design: Design, c: Cluster, cp: ClusterPlan | undefined): Finding[] {
  const out: Finding[] = [];
  const idx = designIndex(design);
  for (const pp of cp?.pools ?? []) {
    const pool = idx.pool.get(pp.poolId);
    if (pool?.osType === 'Windows' && pp.maxPods > WINDOWS_MAX_PODS)
      out.push(hit('windows-max-pods', pp.poolId, { pool: pp.name, maxPods: pp.maxPods }));
  }
  const api = c.apiServerVnetIntegration && c.apiServerSubnetId ? idx.subnet.get(c.apiServerSubnetId) : undefined;
  const nodes = c.nodePools.map((p) => (p.nodeSubnetId ? idx.subnet.get(p.nodeSubnetId) : undefined)).find(Boolean);
  const other = inOtherVnet(api, nodes);
  if (other) out.push(hit('apiserver-subnet-vnet', c.id, { cluster: c.name, ...other }));
  return out;
}

/** Clusters whose node or pod subnets route to the firewall's private IP: the firewall carries their egress rules. */
function egressClusters(design: Design, fw: Firewall): Cluster[] {
  const ip = firewallIp(design, fw);
  const idx = designIndex(design);
  if (!ip) return [];
  return design.clusters.filter((c) =>
    // Pod subnets route on their own: a pod subnet sent to the firewall makes it carry the cluster's egress too.
    c.nodePools.some((p) =>
      [p.nodeSubnetId, p.podSubnetId ?? ''].some((sid) => {
        const rtId = idx.subnet.get(sid)?.subnet.routeTableId;
        const rt = rtId ? idx.routeTable.get(rtId) : undefined;
        return rt?.routes.some((r) => r.nextHopType === 'VirtualAppliance' && r.nextHopIpAddress === ip) ?? false;
      }),
    ),
  );
}

/** The AKS egress rule set has network rules with FQDNs (NTP): the firewall resolves them only with DNS proxy. */
function checkFirewallDnsProxy(design: Design): Finding[] {
  return design.firewalls
    .filter((fw) => !fw.dnsProxy)
    .flatMap((fw) =>
      egressClusters(design, fw).flatMap((c) => {
        const fqdns = aksEgressRuleSet(design, c.id).network.flatMap((n) => n.destinationFqdns ?? []);
        return fqdns.length
          ? [hit('firewall-fqdn-network-rule-dns-proxy', fw.id, { cluster: c.name, fqdns: fqdns.join(', ') })]
          : [];
      }),
    );
}

/** A firewall that carries AKS egress (a userDefinedRouting cluster exists) without a NAT gateway on its subnet. */
function checkFirewallSnat(design: Design): Finding[] {
  if (!design.clusters.some((c) => c.outboundType === 'userDefinedRouting')) return [];
  const idx = designIndex(design);
  return design.firewalls.flatMap((fw) => {
    const ips = fw.publicIpIds.length;
    if (ips >= FIREWALL_RECOMMENDED_IPS || idx.subnet.get(fw.subnetId)?.subnet.natGatewayId) return [];
    return [hit('firewall-snat-capacity', fw.id, { firewall: fw.name, ips, ports: ips * FIREWALL_PORTS_PER_IP })];
  });
}

/** Retirement notices with the migration path: NPM on Linux (30 September 2028), kubenet (31 March 2028). */
function checkRetirements(c: Cluster): Hit[] {
  const out: Hit[] = [];
  if (c.networkPolicy === 'azure' && c.nodePools.some((p) => p.osType === 'Linux'))
    out.push(hit('azure-npm-linux-retirement', c.id, {}));
  if (networkModelOf(c) === 'kubenet') out.push(hit('kubenet-retirement', c.id, {}));
  return out;
}

function checkPodSubnetVnet(design: Design, c: Cluster): Finding[] {
  const idx = designIndex(design);
  return c.nodePools.flatMap((p) => {
    const node = p.nodeSubnetId ? idx.subnet.get(p.nodeSubnetId) : undefined;
    const pod = p.podSubnetId ? idx.subnet.get(p.podSubnetId) : undefined;
    const other = inOtherVnet(pod, node);
    return other ? [hit('pod-subnet-vnet', p.id, { pool: p.name, ...other })] : [];
  });
}

/** Legacy CNI and dynamic pod subnets give every pod a VNet address: the VNet's 65,536 bound all of them. */
function checkFlatPodAddresses(design: Design, plan: Base): Finding[] {
  const idx = designIndex(design);
  const byVnet = new Map<string, { name: string; terms: string[]; total: number }>();
  for (const c of design.clusters) {
    const cp = plan.clusters[c.id];
    const model = networkModelOf(c);
    if (!cp || (model !== 'azure-cni-node-subnet' && model !== 'azure-cni-pod-subnet-dynamic')) continue;
    for (const pp of cp.pools) {
      const pool = idx.pool.get(pp.poolId);
      const vnet = pool?.nodeSubnetId ? idx.subnet.get(pool.nodeSubnetId)?.vnet : undefined;
      if (!vnet) continue;
      const e = byVnet.get(vnet.id) ?? { name: vnet.name, terms: [], total: 0 };
      e.terms.push(`${pp.name} ${formatCount(pp.nodeIps)} nodes + ${formatCount(pp.podIps)} pods`);
      e.total += pp.nodeIps + pp.podIps;
      byVnet.set(vnet.id, e);
    }
  }
  return [...byVnet.entries()]
    .filter(([, e]) => e.total > VNET_MAX_ADDRESSES)
    .map(([id, e]) =>
      hit('vnet-pod-address-limit', id, { vnet: e.name, addresses: e.total, arithmetic: e.terms.join(' + ') }),
    );
}

/** Ranges a VNet cannot use at all: forbidden-range reports those. */
const REFUSED_RANGES = ['224.0.0.0/4', '127.0.0.0/8', '169.254.0.0/16', '168.63.129.16/32', '255.255.255.255/32'];

function isPrivate(cidr: string): boolean {
  return PRIVATE_RANGES.some((r) => containsCidr(r, cidr)) || REFUSED_RANGES.some((r) => overlapsCidr(r, cidr));
}

function checkPublicSpace(design: Design): Finding[] {
  const out: Finding[] = [];
  for (const v of design.vnets)
    for (const space of v.addressSpaces)
      if (parseCidr(space).ok && !isPrivate(space))
        out.push(hit('public-address-space', v.id, { what: `VNet ${v.name} address space`, cidr: space }));
  for (const c of design.clusters) {
    const model = networkModelOf(c);
    if (
      (model === 'azure-cni-overlay' || model === 'kubenet') &&
      c.podCidr &&
      parseCidr(c.podCidr).ok &&
      !isPrivate(c.podCidr)
    )
      out.push(hit('public-address-space', c.id, { what: `${c.name} pod CIDR`, cidr: c.podCidr }));
  }
  return out;
}

/** Every finding of the rules of rules-2026.ts over a design and its plan, computed once per run. */
export const hits2026 = (design: Design, plan: Base): Hit[] => [
  ...checkPublicIps(design),
  ...checkFirewalls(design),
  ...checkPublicSpace(design),
  ...checkFlatPodAddresses(design, plan),
  ...checkFirewallSnat(design),
  ...checkFirewallDnsProxy(design),
  ...design.clusters.flatMap((c) => {
    const cp = plan.clusters[c.id];
    return [
      ...checkOutbound(design, c),
      ...checkPodSubnetVnet(design, c),
      ...checkRetirements(c),
      ...checkWindowsAndApiServer(design, c, cp),
      ...(cp ? [...checkScale(c, cp), ...checkStaticBlock(design, c, cp)] : []),
    ];
  }),
];
