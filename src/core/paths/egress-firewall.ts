/**
 * How Azure Firewall sends Internet traffic out: a NAT gateway on AzureFirewallSubnet takes it (the NAT
 * gateway's addresses are the source; https://learn.microsoft.com/azure/firewall/integrate-with-nat-gateway),
 * otherwise the firewall's own public IPs, 2,496 SNAT ports each per backend instance. A 0.0.0.0/0 learned from a
 * gateway on AzureFirewallSubnet sends it on-premises: without forced tunnelling (a management NIC) the firewall
 * loses the direct Internet connectivity it needs (https://learn.microsoft.com/azure/firewall/firewall-faq).
 */
import { formatCount } from '../format';
import type { Design, Firewall } from '../model';
import type { Plan } from '../plan-types';
import { nextHopRoute } from '../routes/next-hop';
import { firewallIp, publicIpNames, type SubnetHit } from './locate';
import { FIREWALL_PORTS_PER_IP, FIREWALL_RECOMMENDED_IPS, FIREWALL_SNAT_URL, NAT_PORTS_PER_IP } from './snat';
import type { Hop } from './trace-types';

const FAQ_URL = 'https://learn.microsoft.com/azure/firewall/firewall-faq';

export interface FirewallExit {
  hops: Hop[];
  /** The source the Internet sees; null when the firewall cannot reach the Internet. */
  seen: string | null;
  /** The translation the firewall hop itself makes (to its own public IPs). */
  snatAtFirewall?: { from: string; to: string };
}

/** The firewall's way to the Internet from its own subnet, for a destination outside the design. */
export function firewallInternetExit(
  design: Design,
  plan: Pick<Plan, 'clusters'>,
  fw: Firewall,
  at: SubnetHit,
  dest: string,
  source: string,
): FirewallExit {
  const route = nextHopRoute(design, at.subnet.id, dest, plan);
  if (route?.source === 'VirtualNetworkGateway' && !fw.managementSubnetId) {
    return {
      seen: null,
      hops: [
        {
          kind: 'drop',
          resourceId: at.subnet.id,
          label: `${fw.name} has no direct Internet connectivity`,
          decidedBy: `${at.subnet.name}: ${route.prefix} → VirtualNetworkGateway (${route.note}) sends the firewall's Internet traffic on-premises; add a route 0.0.0.0/0 → Internet to AzureFirewallSubnet's route table`,
          learnUrl: FAQ_URL,
        },
      ],
    };
  }
  if (at.subnet.natGatewayId) {
    const nat = design.natGateways.find((n) => n.id === at.subnet.natGatewayId);
    const ips = nat?.publicIpIds ?? [];
    const seen = `public IP ${publicIpNames(design, ips)} of NAT gateway ${nat?.name ?? at.subnet.natGatewayId}`;
    return {
      seen,
      hops: [
        {
          kind: 'nat-gateway',
          resourceId: nat?.id ?? fw.id,
          label: `NAT gateway ${nat?.name ?? ''} on ${at.subnet.name}`.replace('  ', ' '),
          decidedBy: `a NAT gateway on AzureFirewallSubnet takes ${fw.name}'s outbound Internet traffic: ${ips.length} × ${formatCount(NAT_PORTS_PER_IP)} = ${formatCount(ips.length * NAT_PORTS_PER_IP)} SNAT ports, the firewall's own public IPs are not used for it`,
          snat: { from: source, to: seen },
          learnUrl: FIREWALL_SNAT_URL,
        },
      ],
    };
  }
  const n = fw.publicIpIds.length;
  const names = publicIpNames(design, fw.publicIpIds);
  return {
    seen: `public IP ${names} of ${fw.name}`,
    // The firewall itself translates to its public IPs.
    snatAtFirewall: { from: source, to: `public IP ${names}` },
    hops: [
      {
        kind: 'public-ip',
        resourceId: fw.id,
        label: `out through ${names}`,
        decidedBy: `${fw.name} (${firewallIp(design, fw) ?? 'no address'}) SNATs Internet traffic to its public IPs: ${n} × ${formatCount(FIREWALL_PORTS_PER_IP)} = ${formatCount(n * FIREWALL_PORTS_PER_IP)} SNAT ports per backend instance${n < FIREWALL_RECOMMENDED_IPS ? `; Learn recommends at least ${FIREWALL_RECOMMENDED_IPS} public IPs for production egress, or a NAT gateway on AzureFirewallSubnet` : ''}`,
        learnUrl: FIREWALL_SNAT_URL,
      },
    ],
  };
}
