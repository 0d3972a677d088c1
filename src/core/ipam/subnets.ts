/** Subnet and VNet totals: size, Azure's 5 reserved addresses, itemised use, free and utilisation. */
import { AZURE_RESERVED_PER_SUBNET, cidrSize, parseCidr } from '../cidr';
import type { Design, Id } from '../model';
import type { SubnetPlan, VnetPlan } from '../plan-types';
import type { ItemsBySubnet } from './consumers';

/**
 * Azure reserves the network address, .1 (gateway), .2 and .3 (Azure DNS) and the broadcast address of every
 * subnet. https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq#are-there-any-restrictions-on-using-ip-addresses-within-these-subnets
 */
export function planSubnets(design: Design, items: ItemsBySubnet): Record<Id, SubnetPlan> {
  const out: Record<Id, SubnetPlan> = {};
  for (const vnet of design.vnets) {
    for (const s of vnet.subnets) {
      const p = parseCidr(s.cidr);
      const total = p.ok ? cidrSize(p.range.prefix) : 0;
      const reserved = p.ok ? Math.min(AZURE_RESERVED_PER_SUBNET, total) : 0;
      const list = items.get(s.id) ?? [];
      const used = list.reduce((n, i) => n + i.count, 0);
      out[s.id] = {
        subnetId: s.id,
        vnetId: vnet.id,
        name: s.name,
        cidr: p.ok ? p.cidr : null,
        prefixLength: p.ok ? p.range.prefix : null,
        total,
        reserved,
        items: list,
        used,
        free: total - reserved - used,
        utilisation: total > 0 ? (used + reserved) / total : 0,
      };
    }
  }
  return out;
}

export function planVnets(design: Design): Record<Id, VnetPlan> {
  const out: Record<Id, VnetPlan> = {};
  for (const vnet of design.vnets) {
    const spaces = vnet.addressSpaces.map((text) => {
      const p = parseCidr(text);
      return p.ok ? { cidr: p.cidr, total: cidrSize(p.range.prefix) } : { cidr: null, total: 0 };
    });
    let allocated = 0;
    for (const s of vnet.subnets) {
      const p = parseCidr(s.cidr);
      if (p.ok) allocated += cidrSize(p.range.prefix);
    }
    out[vnet.id] = {
      vnetId: vnet.id,
      addressSpaces: spaces,
      total: spaces.reduce((n, s) => n + s.total, 0),
      allocated,
    };
  }
  return out;
}
