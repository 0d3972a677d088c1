/**
 * Allocation on a design: a VNet's subnets re-laid for their peak plus headroom, applied to a draft with the
 * static addresses that lived in a moved subnet moved along; and a free address space for a new spoke.
 */
import { cidrSize, formatIp, nextFreeCidr, parseIp, toRange, type Range } from '../cidr';
import type { Design, Id } from '../model';
import type { Plan } from '../plan-types';
import { clusterAddressing, usesPodCidr } from '../ipam/defaults';
import { allocateSubnets, type Allocation } from './allocate';

/** The ranges of every cluster a subnet must not overlap: service CIDRs, and pod CIDRs of the models that use one. */
export function clusterRanges(design: Design): string[] {
  return design.clusters.flatMap((c) => {
    const a = clusterAddressing(c);
    return usesPodCidr(c) ? [a.serviceCidr, a.podCidr] : [a.serviceCidr];
  });
}

/** A proposed layout of one VNet's subnets; null when the VNet does not exist. */
export function allocateVnet(design: Design, plan: Plan, vnetId: Id, headroomPercent: number): Allocation | null {
  const vnet = design.vnets.find((v) => v.id === vnetId);
  if (!vnet) return null;
  const agc = new Set(design.appGatewaysForContainers.map((g) => g.subnetId));
  return allocateSubnets({
    spaces: vnet.addressSpaces,
    headroomPercent,
    reserved: clusterRanges(design),
    needs: vnet.subnets.map((s) => ({
      subnetId: s.id,
      name: s.name,
      purpose: s.purpose,
      used: plan.subnets[s.id]?.used ?? 0,
      agc: agc.has(s.id),
      cidr: s.cidr,
    })),
  });
}

/** Static private addresses the design pins, as get/set pairs on the draft. */
function staticIps(
  d: Design,
): { get: () => string | undefined; set: (ip: string | undefined) => void; owner: string }[] {
  const out: { get: () => string | undefined; set: (ip: string | undefined) => void; owner: string }[] = [];
  for (const f of d.firewalls) out.push({ owner: f.name, get: () => f.privateIp, set: (ip) => (f.privateIp = ip) });
  for (const g of d.appGateways)
    out.push({ owner: g.name, get: () => g.privateFrontendIp, set: (ip) => (g.privateFrontendIp = ip) });
  for (const e of d.privateEndpoints)
    out.push({ owner: e.name, get: () => e.privateIp, set: (ip) => (e.privateIp = ip) });
  for (const lb of d.loadBalancers)
    for (const f of lb.frontends)
      out.push({ owner: `${lb.name}/${f.name}`, get: () => f.privateIp, set: (ip) => (f.privateIp = ip) });
  return out;
}

/**
 * Writes an allocation into a draft (one store edit, so one undo step). A static address in a moved subnet keeps
 * its offset in the new block; one whose offset the new block cannot hold is left as it was and reported, so the
 * findings point at it rather than the design changing silently. Returns those reports.
 */
export function applyAllocation(d: Design, vnetId: Id, allocation: Allocation): string[] {
  const vnet = d.vnets.find((v) => v.id === vnetId);
  if (!vnet) return [`the VNet ${vnetId} no longer exists`];
  // A subnet left at its old CIDR could overlap the new blocks: a layout is applied whole or not at all.
  if (allocation.unplaced.length) return allocation.unplaced.map((u) => `${u.message}; nothing was changed`);
  const moves: { from: Range; to: Range; subnet: string }[] = [];
  for (const p of allocation.placements) {
    const s = vnet.subnets.find((x) => x.id === p.subnetId);
    if (!s) continue;
    const from = toRange(s.cidr);
    const to = toRange(p.to);
    if (from && to) moves.push({ from, to, subnet: s.name });
    s.cidr = p.to;
  }
  const notes: string[] = [];
  for (const ip of staticIps(d)) {
    const text = ip.get();
    const n = text ? parseIp(text) : null;
    const move =
      n === null ? undefined : moves.find((m) => n >= m.from.start && n < m.from.start + cidrSize(m.from.prefix));
    if (!move || n === null) continue;
    const offset = n - move.from.start;
    // The new block hands out offsets 4 .. size − 2 (Azure keeps the first four and the last).
    if (offset >= 4 && offset <= cidrSize(move.to.prefix) - 2) ip.set(formatIp(move.to.start + offset));
    else notes.push(`${ip.owner}: ${text} has no place in ${move.subnet}'s new block; set it by hand`);
  }
  return notes;
}

/** Private ranges (RFC 1918) a new spoke's space is taken from. */
export const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

/**
 * A /prefix address space for a new spoke that overlaps no VNet of the design, no on-premises range and no
 * cluster range (service CIDR, pod CIDR); null when the private ranges have none left.
 */
export function freeSpokeSpace(design: Design, prefix: number): string | null {
  const taken = [
    ...design.vnets.flatMap((v) => v.addressSpaces),
    ...design.onPremSites.flatMap((o) => o.addressPrefixes),
    ...clusterRanges(design),
  ];
  return nextFreeCidr(PRIVATE_RANGES, taken, prefix);
}
