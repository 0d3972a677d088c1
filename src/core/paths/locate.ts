/** Where addresses live in a design: subnets, firewalls, on-prem sites, private endpoints. */
import { containsIp, firstUsableIp, formatIp, parseCidr, parseIp } from '../cidr';
import type { Design, Firewall, Id, OnPremSite, Subnet, Vnet } from '../model';

export interface SubnetHit {
  vnet: Vnet;
  subnet: Subnet;
}

export function subnetOfIp(design: Design, ip: string): SubnetHit | null {
  const n = parseIp(ip);
  if (n === null) return null;
  for (const vnet of design.vnets) {
    for (const subnet of vnet.subnets) {
      const p = parseCidr(subnet.cidr);
      if (p.ok && containsIp(p.range, n)) return { vnet, subnet };
    }
  }
  return null;
}

export function subnetById(design: Design, id: Id): SubnetHit | null {
  for (const vnet of design.vnets) {
    const subnet = vnet.subnets.find((s) => s.id === id);
    if (subnet) return { vnet, subnet };
  }
  return null;
}

/** The firewall's private IP: as set, or the first address Azure hands out in AzureFirewallSubnet (x.x.x.4). */
export function firewallIp(design: Design, fw: Firewall): string | null {
  if (fw.privateIp) return fw.privateIp;
  const hit = subnetById(design, fw.subnetId);
  const p = hit ? parseCidr(hit.subnet.cidr) : null;
  return p && p.ok ? formatIp(firstUsableIp(p.range)) : null;
}

export function firewallAt(design: Design, ip: string): Firewall | null {
  return design.firewalls.find((f) => firewallIp(design, f) === ip) ?? null;
}

export function siteOfIp(design: Design, ip: string): OnPremSite | null {
  const n = parseIp(ip);
  if (n === null) return null;
  return (
    design.onPremSites.find((s) =>
      s.addressPrefixes.some((a) => {
        const p = parseCidr(a);
        return p.ok && containsIp(p.range, n);
      }),
    ) ?? null
  );
}

export function publicIpNames(design: Design, ids: Id[]): string {
  const names = ids.map((id) => design.publicIps.find((p) => p.id === id)?.name ?? id);
  return names.length > 0 ? names.join(', ') : 'no public IP';
}
