/** Where addresses live in a design: subnets, firewalls, on-prem sites, private endpoints. */
import { containsIp, firstUsableIp, formatIp, parseCidr, parseIp } from '../cidr';
import type { Design, Firewall, Id, OnPremSite } from '../model';
import { designIndex, subnetAt, type SubnetRef } from '../design-index';

/** A subnet with its VNet (the index's one type for it). */
export type SubnetHit = SubnetRef;

export function subnetOfIp(design: Design, ip: string): SubnetHit | null {
  return subnetAt(design, ip);
}

export function subnetById(design: Design, id: Id): SubnetHit | null {
  return designIndex(design).subnet.get(id) ?? null;
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
        // A default route a site advertises (forced tunnelling) says where traffic goes, not where hosts live.
        return p.ok && p.range.prefix > 0 && containsIp(p.range, n);
      }),
    ) ?? null
  );
}

export function publicIpNames(design: Design, ids: Id[]): string {
  const { publicIp } = designIndex(design);
  const names = ids.map((id) => publicIp.get(id)?.name ?? id);
  return names.length > 0 ? names.join(', ') : 'no public IP';
}
