/**
 * Overlap rules over the plan's overlap graph: subnets of one VNet, VNets that are peered or reach the same
 * on-premises network, and cluster pod/service CIDRs against everything the cluster's traffic can reach.
 * Each overlap of the plan is classified once per run; each rule reports the overlaps of its class.
 */

const VNET_FAQ = 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq';
const PEERING = 'https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview';
const LEGACY_CNI = 'https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni';
const OVERLAY = 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay';
import { containsCidr, nextFreeCidr, overlapsCidr } from '../cidr';
import type { Design, Id, OnPremSite } from '../model';
import type { Fix, Overlap } from '../plan-types';
import { clusterVnets, designIndex, otherSubnetCidrs, vnetSpaces, type DesignIndex } from '../design-index';
import { defineRule, type AnyRule, type RuleContext } from './rule';

type Side = Overlap['a'];

function nameOf(idx: DesignIndex, side: Side): string {
  if (side.kind === 'vnet') return `VNet ${idx.vnet.get(side.ownerId)?.name ?? side.ownerId}`;
  if (side.kind === 'subnet') return `subnet ${idx.subnet.get(side.ownerId)?.subnet.name ?? side.ownerId}`;
  if (side.kind === 'on-prem') return `on-premises ${idx.onPremSite.get(side.ownerId)?.name ?? side.ownerId}`;
  const c = idx.cluster.get(side.ownerId);
  return `${c?.name ?? side.ownerId} ${side.kind === 'pod-cidr' ? 'pod CIDR' : 'service CIDR'}`;
}

/** VNets connected to an on-prem site: the gateway VNet and its peers. */
function siteVnets(idx: DesignIndex, siteId: Id): Set<Id> {
  const site = idx.onPremSite.get(siteId);
  if (!site) return new Set();
  return new Set([site.gateway.vnetId, ...(idx.peers.get(site.gateway.vnetId) ?? [])]);
}

/** VNets whose traffic to on-prem uses the site's gateway: the gateway VNet and peers using it by gateway transit. */
function siteTransitVnets(idx: DesignIndex, site: OnPremSite): Set<Id> {
  const gw = site.gateway.vnetId;
  const out = new Set<Id>([gw]);
  for (const { peering: p } of idx.peerings.get(gw) ?? []) {
    if (p.localVnetId === gw && p.allowGatewayTransit && p.useRemoteGateways) out.add(p.remoteVnetId);
  }
  return out;
}

function nextFree(spaces: string[], taken: string[], prefix: number) {
  const cidr = nextFreeCidr(spaces, taken, prefix);
  return cidr
    ? (subnetId: Id): Fix => ({ kind: 'set-subnet-cidr' as const, subnetId, cidr, label: `Move to ${cidr}` })
    : null;
}

/** Both sides of an overlap, named for messages: "VNet hub 10.0.0.0/16". */
interface Pair {
  a: string;
  aCidr: string;
  b: string;
  bCidr: string;
}
type OverlapClass =
  | 'subnet-overlap'
  | 'vnet-address-space-overlap'
  | 'peered-vnet-overlap'
  | 'vnet-overlap-shared-onprem'
  | 'vnet-onprem-overlap'
  | 'pod-service-cidr-overlap'
  | 'pod-cidr-overlap'
  | 'service-cidr-overlap'
  | 'service-cidr-in-vnet-space';
interface Classified {
  cls: OverlapClass;
  subjectId: Id;
  pair: Pair;
  /** on-premises site both VNets reach (vnet-overlap-shared-onprem). */
  site?: string;
  fix?: Fix;
}

function classifyVnets(design: Design, idx: DesignIndex, a: Side, b: Side, pair: Pair): Classified | null {
  if (a.ownerId === b.ownerId) return { cls: 'vnet-address-space-overlap', subjectId: a.ownerId, pair };
  if (idx.peers.get(a.ownerId)?.has(b.ownerId)) return { cls: 'peered-vnet-overlap', subjectId: b.ownerId, pair };
  // Unpeered VNets may overlap, unless both reach the same on-premises network: it could not route back to both.
  const site = design.onPremSites.find((x) => {
    const reach = siteTransitVnets(idx, x);
    return reach.has(a.ownerId) && reach.has(b.ownerId);
  });
  return site ? { cls: 'vnet-overlap-shared-onprem', subjectId: b.ownerId, pair, site: site.name } : null;
}

function classify(design: Design, idx: DesignIndex, o: Overlap): Classified | null {
  const { a, b } = o;
  if (a.kind === 'subnet' && b.kind === 'subnet') {
    // Report on the later subnet of the pair and propose a free block of its size for it.
    const hit = idx.subnet.get(b.ownerId)!;
    const free = nextFree(vnetSpaces(hit.vnet), otherSubnetCidrs(hit.vnet, b.ownerId), Number(b.cidr.split('/')[1]));
    const other = idx.subnet.get(a.ownerId)!.subnet.name;
    const pair = { a: other, aCidr: a.cidr, b: hit.subnet.name, bCidr: b.cidr };
    return { cls: 'subnet-overlap', subjectId: b.ownerId, pair, ...(free ? { fix: free(b.ownerId) } : {}) };
  }
  const pair = { a: nameOf(idx, a), aCidr: a.cidr, b: nameOf(idx, b), bCidr: b.cidr };
  if (a.kind === 'vnet' && b.kind === 'vnet') return classifyVnets(design, idx, a, b, pair);
  const vnetSide = a.kind === 'vnet' ? a : b.kind === 'vnet' ? b : null;
  const siteSide = a.kind === 'on-prem' ? a : b.kind === 'on-prem' ? b : null;
  if (vnetSide && siteSide) {
    if (!siteVnets(idx, siteSide.ownerId).has(vnetSide.ownerId)) return null;
    return { cls: 'vnet-onprem-overlap', subjectId: vnetSide.ownerId, pair };
  }
  return classifyCluster(design, idx, a, b, pair);
}

function classifyCluster(design: Design, idx: DesignIndex, a: Side, b: Side, pair: Pair): Classified | null {
  const isCluster = (s: Side) => s.kind === 'pod-cidr' || s.kind === 'service-cidr';
  const [c, other] = isCluster(a) ? [a, b] : [b, a];
  if (!isCluster(c)) return null;
  const own: OverlapClass = c.kind === 'pod-cidr' ? 'pod-cidr-overlap' : 'service-cidr-overlap';
  if (isCluster(other)) {
    // Clusters may reuse pod and service CIDRs across clusters; within one cluster they must not overlap.
    return other.ownerId === c.ownerId ? { cls: 'pod-service-cidr-overlap', subjectId: c.ownerId, pair } : null;
  }
  if (other.kind === 'on-prem') return { cls: own, subjectId: c.ownerId, pair };
  if (other.kind !== 'vnet') return null;
  const vnets = clusterVnets(design, idx, c.ownerId);
  const reach = new Set(vnets);
  for (const v of vnets) for (const p of idx.peers.get(v) ?? []) reach.add(p);
  if (!reach.has(other.ownerId)) return null;
  // A service CIDR inside the VNet space but clear of every subnet works, though Learn advises against it.
  const vnet = idx.vnet.get(other.ownerId)!;
  const hitsSubnet = vnet.subnets.some((s) => overlapsCidr(s.cidr, c.cidr));
  if (c.kind === 'service-cidr' && !hitsSubnet)
    return { cls: 'service-cidr-in-vnet-space', subjectId: c.ownerId, pair };
  return { cls: own, subjectId: c.ownerId, pair };
}

function classified(ctx: RuleContext): Classified[] {
  return ctx.memo('overlap-classes', () => {
    const idx = designIndex(ctx.design);
    return ctx.plan.overlaps.flatMap((o) => {
      const c = classify(ctx.design, idx, o);
      return c ? [c] : [];
    });
  });
}

const text = (p: Pair) => `${p.a} ${p.aCidr} overlaps ${p.b} ${p.bCidr}`;

/** A rule reporting the overlaps of one class. */
function overlapRule(
  id: OverlapClass,
  family: string,
  def: { severity?: 'error' | 'warning'; summary: string; learnUrl: string; message: (c: Classified) => string },
) {
  return defineRule<Classified>({
    id,
    family,
    severity: def.severity ?? 'error',
    summary: def.summary,
    learnUrl: def.learnUrl,
    message: def.message,
    check: (ctx, report) => {
      for (const c of classified(ctx)) if (c.cls === id) report(c.subjectId, c, c.fix ? { fix: c.fix } : {});
    },
  });
}

export const OVERLAP_RULES: readonly AnyRule[] = [
  defineRule<{ subnet: string; cidr: string; spaces: string; fix?: Fix }>({
    id: 'subnet-outside-vnet',
    severity: 'error',
    summary: "A subnet lies inside one of its VNet's address spaces.",
    learnUrl: VNET_FAQ,
    message: (p) => `subnet ${p.cidr} is not inside the VNet's address spaces (${p.spaces})`,
    check: ({ design, plan }, report) => {
      for (const v of design.vnets) {
        const spaces = vnetSpaces(v);
        for (const s of v.subnets) {
          const cidr = plan.subnets[s.id]?.cidr;
          if (!cidr || spaces.length === 0 || spaces.some((a) => containsCidr(a, cidr))) continue;
          const free = nextFree(spaces, otherSubnetCidrs(v, s.id), Number(cidr.split('/')[1]));
          report(s.id, { subnet: s.name, cidr, spaces: spaces.join(', ') }, free ? { fix: free(s.id) } : {});
        }
      }
    },
  }),
  overlapRule('subnet-overlap', 'subnet-overlap', {
    summary: 'Subnets of one VNet do not overlap.',
    learnUrl: VNET_FAQ,
    message: ({ pair: p }) => `${p.bCidr} overlaps subnet ${p.a} (${p.aCidr}); subnet address ranges cannot overlap`,
  }),
  overlapRule('vnet-address-space-overlap', 'vnet-overlap', {
    summary: 'The address spaces of one VNet do not overlap.',
    learnUrl: VNET_FAQ,
    message: ({ pair }) => `${text(pair)}: address spaces of one VNet cannot overlap`,
  }),
  overlapRule('peered-vnet-overlap', 'vnet-overlap', {
    summary: 'Peered VNets have no overlapping address spaces.',
    learnUrl: PEERING,
    message: ({ pair }) => `${text(pair)}; peered VNets cannot have overlapping address spaces`,
  }),
  overlapRule('vnet-overlap-shared-onprem', 'vnet-overlap', {
    summary: 'VNets that reach one on-premises network through its gateway do not overlap.',
    learnUrl: PEERING,
    message: (c) => `${text(c.pair)}; both reach on-premises ${c.site}, which could not route to both`,
  }),
  overlapRule('vnet-onprem-overlap', 'vnet-overlap', {
    summary: 'A VNet connected to an on-premises network does not overlap its ranges.',
    learnUrl: PEERING,
    message: ({ pair }) => `${text(pair)}; traffic to on-premises could not be routed`,
  }),
  overlapRule('pod-service-cidr-overlap', 'cluster-cidr-overlap', {
    summary: "A cluster's pod CIDR and service CIDR do not overlap.",
    learnUrl: OVERLAY,
    message: ({ pair }) => text(pair),
  }),
  overlapRule('pod-cidr-overlap', 'cluster-cidr-overlap', {
    summary: 'The pod CIDR overlaps no VNet the cluster reaches and no on-premises range.',
    learnUrl: OVERLAY,
    message: ({ pair }) => text(pair),
  }),
  overlapRule('service-cidr-overlap', 'cluster-cidr-overlap', {
    summary: 'The service CIDR overlaps no subnet the cluster reaches and no on-premises range.',
    learnUrl: LEGACY_CNI,
    message: ({ pair }) => text(pair),
  }),
  overlapRule('service-cidr-in-vnet-space', 'cluster-cidr-overlap', {
    severity: 'warning',
    summary: 'The service CIDR is not inside the address space of a VNet the cluster reaches, even clear of subnets.',
    learnUrl: LEGACY_CNI,
    message: ({ pair }) => `${text(pair)} (no subnet uses it yet; not recommended)`,
  }),
];
