/**
 * special-subnet, the route table and NSG part: what Azure Firewall, its management subnet, the VPN/ExpressRoute
 * gateway and Bastion accept on their subnets.
 */
import type { Design, RouteTable, Subnet, Vnet } from '../model';
import type { Severity } from '../plan-types';

export type SaySpecial = (text: string, url: string, opts?: { severity?: Severity }) => void;

const FW_INTERNET = 'https://learn.microsoft.com/azure/firewall/firewall-faq';
const FORCED_TUNNELING = 'https://learn.microsoft.com/azure/firewall/forced-tunneling';
const UDR_BGP =
  'https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#border-gateway-protocol';
const BASTION = 'https://learn.microsoft.com/azure/bastion/configuration-settings#subnet';
const GATEWAY = 'https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-vpn-gateway-settings#gwsub';

function defaultRoute(rt: RouteTable | undefined) {
  return rt?.routes.find((r) => r.addressPrefix === '0.0.0.0/0');
}

export function checkSpecialRoutes(design: Design, vnet: Vnet, s: Subnet, say: SaySpecial): void {
  const rt = s.routeTableId ? design.routeTables.find((r) => r.id === s.routeTableId) : undefined;
  const dflt = defaultRoute(rt);
  if (s.purpose === 'firewall' && dflt && dflt.nextHopType !== 'Internet') {
    // Azure Firewall needs direct Internet connectivity; sending 0.0.0.0/0 elsewhere is forced tunnelling,
    // which needs the AzureFirewallManagementSubnet (firewall FAQ, forced tunnelling).
    const tunnelled = vnet.subnets.some((x) => x.purpose === 'firewall-management');
    if (!tunnelled) {
      say(
        `route ${dflt.name} in ${rt!.name} sends 0.0.0.0/0 to ${dflt.nextHopType} on AzureFirewallSubnet; the firewall needs 0.0.0.0/0 → Internet unless forced tunnelling with an AzureFirewallManagementSubnet is set up`,
        FW_INTERNET,
      );
    }
  }
  if (s.purpose === 'firewall-management' && rt) {
    // The management subnet's only route is the default route to the Internet, without gateway routes.
    if (dflt && dflt.nextHopType !== 'Internet') {
      say(
        `route ${dflt.name} in ${rt.name} sends 0.0.0.0/0 to ${dflt.nextHopType} on AzureFirewallManagementSubnet; it must go to Internet`,
        FORCED_TUNNELING,
      );
    }
    if (!rt.disableBgpRoutePropagation) {
      say(
        `route table ${rt.name} on AzureFirewallManagementSubnet propagates gateway routes; disable BGP route propagation there`,
        FORCED_TUNNELING,
        { severity: 'warning' },
      );
    }
  }
  if (s.purpose === 'gateway' && s.nsgId) say('network security groups on GatewaySubnet are not supported', GATEWAY);
  if (s.purpose === 'gateway' && rt) {
    if (rt.disableBgpRoutePropagation)
      say('do not disable gateway route propagation on GatewaySubnet', UDR_BGP, { severity: 'warning' });
    if (dflt)
      say(
        `route ${dflt.name} in ${rt.name} puts a 0.0.0.0/0 route on GatewaySubnet; the gateway may stop working`,
        UDR_BGP,
        { severity: 'warning' },
      );
  }
  if (s.purpose === 'bastion' && s.routeTableId) say('route tables are not supported on AzureBastionSubnet', BASTION);
  if ((s.purpose === 'firewall' || s.purpose === 'firewall-management') && s.nsgId) {
    // Azure Firewall carries its own filtering; an NSG on its subnets is not needed and can break management
    // traffic. Kept a warning: Learn does not state that the platform rejects it.
    say(`an NSG on ${s.name} is not needed: Azure Firewall filters its own traffic`, FW_INTERNET, {
      severity: 'warning',
    });
  }
}
