/**
 * The overlap graph: every pair of address ranges in the design that share addresses, with their owners.
 * A subnet inside its own VNet is containment, not an overlap, and is left out; so are subnets against other
 * VNets (their VNets' overlap already says it). Rules decide which overlaps matter (peered, on-prem, ...).
 * Ranges are swept in address order, so the cost follows the number of ranges plus overlaps, not its square.
 */
import { parseCidr, rangeEnd } from '../cidr';
import type { Design, Id } from '../model';
import type { Overlap, RangeKind } from '../plan-types';
import { clusterAddressing, usesPodCidr } from './defaults';

interface Entry {
  ownerId: Id;
  kind: RangeKind;
  cidr: string;
  start: number;
  end: number;
  /** The VNet a subnet or address space belongs to. */
  vnetId?: Id;
}

function add(list: Entry[], ownerId: Id, kind: RangeKind, text: string, vnetId?: Id): void {
  const p = parseCidr(text);
  if (!p.ok) return;
  const e: Entry = { ownerId, kind, cidr: p.cidr, start: p.range.start, end: rangeEnd(p.range) };
  if (vnetId) e.vnetId = vnetId;
  list.push(e);
}

export function collectRanges(design: Design): Entry[] {
  const list: Entry[] = [];
  for (const v of design.vnets) {
    for (const a of v.addressSpaces) add(list, v.id, 'vnet', a, v.id);
    for (const s of v.subnets) add(list, s.id, 'subnet', s.cidr, v.id);
  }
  // A 0.0.0.0/0 a site advertises (forced tunnelling over BGP) is a route, not on-premises address space.
  for (const site of design.onPremSites)
    for (const a of site.addressPrefixes) {
      const p = parseCidr(a);
      if (!p.ok || p.range.prefix > 0) add(list, site.id, 'on-prem', a);
    }
  for (const c of design.clusters) {
    const { podCidr, serviceCidr } = clusterAddressing(c);
    if (usesPodCidr(c)) add(list, c.id, 'pod-cidr', podCidr);
    add(list, c.id, 'service-cidr', serviceCidr);
  }
  return list;
}

/** Whether a pair is worth reporting (see the module comment). */
function relevant(a: Entry, b: Entry): boolean {
  if (a.kind === 'subnet' || b.kind === 'subnet') {
    // Subnets only matter against subnets of the same VNet.
    return a.kind === 'subnet' && b.kind === 'subnet' && a.vnetId === b.vnetId;
  }
  return true;
}

export function findOverlaps(design: Design): Overlap[] {
  const list = collectRanges(design).sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Overlap[] = [];
  const active: Entry[] = [];
  for (const e of list) {
    // Drop ranges that end before this one starts; the rest overlap it.
    for (let i = active.length - 1; i >= 0; i--) if (active[i]!.end < e.start) active.splice(i, 1);
    for (const a of active) {
      if (relevant(a, e)) {
        out.push({
          a: { ownerId: a.ownerId, kind: a.kind, cidr: a.cidr },
          b: { ownerId: e.ownerId, kind: e.kind, cidr: e.cidr },
        });
      }
    }
    active.push(e);
  }
  return out;
}
