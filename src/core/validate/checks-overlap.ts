/**
 * Overlap rules over the plan's overlap graph: subnets of one VNet, VNets that are peered or reach the same
 * on-premises network, and cluster pod/service CIDRs against everything the cluster's traffic can reach.
 */
import { containsCidr, nextFreeCidr, overlapsCidr } from '../cidr';
import type { Design, Id, OnPremSite } from '../model';
import type { Finding, Overlap, Plan } from '../plan-types';
import { clusterVnets, designIndex, otherSubnetCidrs, vnetSpaces, type DesignIndex } from '../design-index';
import { clusterCidrOverlap, subnetOutsideVnet, subnetOverlap, vnetOverlap } from './foundation-rules';
import { makeFinding, type Checker } from './rule';

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

function checkSubnetsInside(design: Design, plan: Omit<Plan, 'findings'>): Finding[] {
  const out: Finding[] = [];
  for (const v of design.vnets) {
    const spaces = vnetSpaces(v);
    for (const s of v.subnets) {
      const cidr = plan.subnets[s.id]?.cidr;
      if (!cidr || spaces.length === 0 || spaces.some((a) => containsCidr(a, cidr))) continue;
      const free = nextFree(spaces, otherSubnetCidrs(v, s.id), Number(cidr.split('/')[1]));
      out.push(
        makeFinding(
          subnetOutsideVnet,
          s.id,
          { subnet: s.name, cidr, spaces: spaces.join(', ') },
          free ? { fix: free(s.id) } : {},
        ),
      );
    }
  }
  return out;
}

function nextFree(spaces: string[], taken: string[], prefix: number) {
  const cidr = nextFreeCidr(spaces, taken, prefix);
  return cidr
    ? (subnetId: Id) => ({ kind: 'set-subnet-cidr' as const, subnetId, cidr, label: `Move to ${cidr}` })
    : null;
}

function checkPair(design: Design, idx: DesignIndex, o: Overlap): Finding | null {
  const { a, b } = o;
  if (a.kind === 'subnet' && b.kind === 'subnet') {
    // Report on the later subnet of the pair and propose a free block of its size for it.
    const hit = idx.subnet.get(b.ownerId)!;
    const free = nextFree(vnetSpaces(hit.vnet), otherSubnetCidrs(hit.vnet, b.ownerId), Number(b.cidr.split('/')[1]));
    const other = idx.subnet.get(a.ownerId)!.subnet.name;
    return makeFinding(
      subnetOverlap,
      b.ownerId,
      { cidr: b.cidr, other, otherCidr: a.cidr },
      free ? { fix: free(b.ownerId) } : {},
    );
  }
  const text = `${nameOf(idx, a)} ${a.cidr} overlaps ${nameOf(idx, b)} ${b.cidr}`;
  if (a.kind === 'vnet' && b.kind === 'vnet') {
    if (a.ownerId === b.ownerId)
      return makeFinding(vnetOverlap, a.ownerId, { text: `${text}: address spaces of one VNet cannot overlap` });
    if (idx.peers.get(a.ownerId)?.has(b.ownerId)) {
      return makeFinding(vnetOverlap, b.ownerId, {
        text: `${text}; peered VNets cannot have overlapping address spaces`,
      });
    }
    // Unpeered VNets may overlap, unless both reach the same on-premises network: it could not route back to both.
    const site = design.onPremSites.find((x) => {
      const reach = siteTransitVnets(idx, x);
      return reach.has(a.ownerId) && reach.has(b.ownerId);
    });
    if (!site) return null;
    return makeFinding(vnetOverlap, b.ownerId, {
      text: `${text}; both reach on-premises ${site.name}, which could not route to both`,
    });
  }
  const vnetSide = a.kind === 'vnet' ? a : b.kind === 'vnet' ? b : null;
  const siteSide = a.kind === 'on-prem' ? a : b.kind === 'on-prem' ? b : null;
  if (vnetSide && siteSide) {
    if (!siteVnets(idx, siteSide.ownerId).has(vnetSide.ownerId)) return null;
    return makeFinding(vnetOverlap, vnetSide.ownerId, { text: `${text}; traffic to on-premises could not be routed` });
  }
  return checkClusterPair(design, idx, a, b, text);
}

function checkClusterPair(design: Design, idx: DesignIndex, a: Side, b: Side, text: string): Finding | null {
  const isCluster = (s: Side) => s.kind === 'pod-cidr' || s.kind === 'service-cidr';
  const [c, other] = isCluster(a) ? [a, b] : [b, a];
  if (!isCluster(c)) return null;
  if (isCluster(other)) {
    // Clusters may reuse pod and service CIDRs across clusters; within one cluster they must not overlap.
    return other.ownerId === c.ownerId ? makeFinding(clusterCidrOverlap, c.ownerId, { text }) : null;
  }
  if (other.kind === 'on-prem') return makeFinding(clusterCidrOverlap, c.ownerId, { text });
  if (other.kind !== 'vnet') return null;
  const own = clusterVnets(design, idx, c.ownerId);
  const reach = new Set(own);
  for (const v of own) for (const p of idx.peers.get(v) ?? []) reach.add(p);
  if (!reach.has(other.ownerId)) return null;
  // A service CIDR inside the VNet space but clear of every subnet works, though Learn advises against it.
  const vnet = idx.vnet.get(other.ownerId)!;
  const hitsSubnet = vnet.subnets.some((s) => overlapsCidr(s.cidr, c.cidr));
  if (c.kind === 'service-cidr' && !hitsSubnet) {
    return makeFinding(
      clusterCidrOverlap,
      c.ownerId,
      { text: `${text} (no subnet uses it yet; not recommended)` },
      { severity: 'warning' },
    );
  }
  return makeFinding(clusterCidrOverlap, c.ownerId, { text });
}

export const checkOverlaps: Checker = (design, plan) => {
  const idx = designIndex(design);
  const out = checkSubnetsInside(design, plan);
  for (const o of plan.overlaps) {
    const f = checkPair(design, idx, o);
    if (f) out.push(f);
  }
  return out;
};
