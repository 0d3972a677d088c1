/**
 * Address allocation: a non-overlapping layout of a VNet's subnets sized for their peak plus headroom, and a free
 * address space for a new spoke. Blocks are aligned CIDRs placed largest first, so small ones fill the gaps the
 * large ones leave and the free space stays in few, large pieces for growth.
 */
import { cidrSize, formatRange, nextFreeRange, prefixForUsable, toRange, usableInSubnet, type Range } from '../cidr';
import type { SubnetPurpose } from '../model';
import { APISERVER_MIN_PREFIX, SPECIAL_SUBNETS } from '../subnet-roles';

/**
 * Smallest prefix length (largest block) each role gets whatever its consumers: the required or recommended size.
 * Application Gateway v2 "can support up to 125 instances (125 instance IP addresses + 1 private frontend IP
 * configuration + 5 Azure reserved). We recommend a minimum subnet size of /24."
 * https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure#size-of-the-subnet
 * Application Gateway for Containers: "at least a class C or larger (/24 or smaller CIDR prefix)".
 * https://learn.microsoft.com/azure/application-gateway/for-containers/quickstart-create-application-gateway-for-containers-byo-deployment
 */
export const APP_GATEWAY_PREFIX = 24;
export const AGC_PREFIX = 24;

export interface AllocationNeed {
  subnetId: string;
  name: string;
  purpose: SubnetPurpose;
  /** Addresses the subnet's consumers take at their peak (Azure's 5 reserved not included). */
  used: number;
  /** The subnet hosts an Application Gateway for Containers association. */
  agc?: boolean;
  /** The CIDR it has today, for the old → new list. */
  cidr?: string;
}

export interface AllocationInput {
  /** The VNet's address spaces. */
  spaces: string[];
  needs: AllocationNeed[];
  /** Extra room per subnet, in percent of its peak use (30 sizes for 1.3 × the peak). */
  headroomPercent: number;
  /** Ranges no subnet may overlap (cluster service and pod CIDRs, ...). */
  reserved?: string[];
}

export interface Placement {
  subnetId: string;
  name: string;
  from: string | null;
  to: string;
  /** Addresses sized for: peak × (1 + headroom), rounded up. */
  wanted: number;
  /** Addresses the new block hands out (size − 5). */
  usable: number;
  /** Why the block is larger than `wanted` needs, when a role sets its size. */
  why?: string;
}

export interface Unplaced {
  subnetId: string;
  name: string;
  prefix: number;
  message: string;
}

export interface Allocation {
  placements: Placement[];
  unplaced: Unplaced[];
}

/** The addresses to size for: peak × (1 + headroom%), rounded up. */
export function wantedAddresses(used: number, headroomPercent: number): number {
  const h = Number.isFinite(headroomPercent) && headroomPercent > 0 ? headroomPercent : 0;
  // Integer arithmetic: 30% of 651 is exactly 195.3, never 195.30000000000001.
  return Math.max(0, Math.ceil((Math.max(0, used) * (100 + h)) / 100 - 1e-9));
}

/** The role's own size, when Azure requires or recommends one. */
export function rolePrefix(need: Pick<AllocationNeed, 'purpose' | 'agc'>): { prefix: number; why: string } | null {
  if (need.agc)
    return { prefix: AGC_PREFIX, why: `an Application Gateway for Containers association needs a /${AGC_PREFIX}` };
  if (need.purpose === 'app-gateway')
    return {
      prefix: APP_GATEWAY_PREFIX,
      why: `/${APP_GATEWAY_PREFIX} recommended for Application Gateway v2 (up to 125 instances)`,
    };
  if (need.purpose === 'apiserver')
    return {
      prefix: APISERVER_MIN_PREFIX,
      why: `API server VNet integration needs /${APISERVER_MIN_PREFIX} or larger`,
    };
  const s = SPECIAL_SUBNETS[need.purpose];
  if (!s) return null;
  const p = s.recommendedPrefix ?? s.maxPrefix;
  return { prefix: p, why: `${s.name} ${s.recommendedPrefix ? 'should be' : 'must be'} /${p} or larger` };
}

/** Prefix length of the block a need gets: its addresses with headroom, at least its role's size. */
export function prefixFor(need: AllocationNeed, headroomPercent: number): { prefix: number; why?: string } {
  const byUse = prefixForUsable(wantedAddresses(need.used, headroomPercent));
  const role = rolePrefix(need);
  return role && role.prefix < byUse ? { prefix: role.prefix, why: role.why } : { prefix: byUse };
}

function ranges(cidrs: readonly string[] | undefined): Range[] {
  return (cidrs ?? []).map(toRange).filter((r): r is Range => r !== null);
}

/** A layout for every need that fits, largest blocks first; what does not fit is reported with its size. */
export function allocateSubnets(input: AllocationInput): Allocation {
  const within = ranges(input.spaces).sort((a, b) => a.start - b.start);
  const taken = ranges(input.reserved);
  const sized = input.needs.map((need, order) => ({ need, order, ...prefixFor(need, input.headroomPercent) }));
  // Largest first (smallest prefix length); the design's order among equals, so the result is stable.
  sized.sort((a, b) => a.prefix - b.prefix || a.order - b.order);
  const placed: (Placement & { order: number })[] = [];
  const unplaced: Unplaced[] = [];
  for (const { need, order, prefix, why } of sized) {
    const r = nextFreeRange(within, taken, prefix);
    if (!r) {
      unplaced.push({
        subnetId: need.subnetId,
        name: need.name,
        prefix,
        message: `${need.name} needs a /${prefix} (${cidrSize(prefix)} addresses) and no free aligned block of that size is left in ${input.spaces.join(', ') || 'the address space'}`,
      });
      continue;
    }
    taken.push(r);
    placed.push({
      order,
      subnetId: need.subnetId,
      name: need.name,
      from: need.cidr ?? null,
      to: formatRange(r),
      wanted: wantedAddresses(need.used, input.headroomPercent),
      usable: usableInSubnet(prefix),
      ...(why ? { why } : {}),
    });
  }
  placed.sort((a, b) => a.order - b.order);
  return { placements: placed.map(({ order: _order, ...p }) => p), unplaced };
}
