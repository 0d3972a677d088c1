/**
 * az commands for the services in the VNets: Azure Firewall with the AKS egress rules (classic rule
 * collections, as in https://learn.microsoft.com/azure/aks/limit-egress-traffic), Application Gateway, Bastion
 * and private endpoints.
 */
import type { Design } from '../core/model';
import { firewallIp } from '../core/paths/locate';
import { aksEgressRuleSet } from '../core/paths/egress-rules';
import { az, Flags, type AzCommand } from './az-model';
import { nameOf, nm } from './names';
import { concat, lit, param } from './shell';

const RG = () => param('RESOURCE_GROUP');
const LOC = () => param('LOCATION');

function vnetOfSubnet(d: Design, subnetId: string) {
  for (const v of d.vnets) for (const s of v.subnets) if (s.id === subnetId) return { vnet: v, subnet: s };
  return undefined;
}

export function firewallCommands(d: Design): AzCommand[] {
  return d.firewalls.flatMap((fw) => {
    const at = vnetOfSubnet(d, fw.subnetId);
    if (!at) return [];
    const out: AzCommand[] = [
      az('network firewall create', new Flags().add('--resource-group', RG()).add('--name', nm(fw.name)).add('--location', LOC())
        .add('--tier', fw.tier).add('--enable-dns-proxy', String(fw.dnsProxy)), `Azure Firewall ${fw.name}`),
    ];
    fw.publicIpIds.forEach((pipId, i) => {
      const f = new Flags().add('--resource-group', RG()).add('--firewall-name', nm(fw.name)).add('--name', `ipconfig${i + 1}`)
        .add('--public-ip-address', nm(nameOf(d.publicIps, pipId) ?? pipId));
      // Only the first IP configuration names the VNet (it takes AzureFirewallSubnet).
      if (i === 0) f.add('--vnet-name', nm(at.vnet.name));
      out.push(az('network firewall ip-config create', f));
    });
    const clusters = d.clusters.filter((c) => c.nodePools.some((p) => {
      const route = vnetOfSubnet(d, p.nodeSubnetId)?.subnet.routeTableId;
      const rt = d.routeTables.find((r) => r.id === route);
      return rt?.routes.some((r) => r.nextHopType === 'VirtualAppliance' && r.nextHopIpAddress === firewallIp(d, fw));
    }));
    let priority = 100;
    for (const c of clusters) {
      const rules = aksEgressRuleSet(d, c.id);
      for (const n of rules.network) {
        const f = new Flags().add('--resource-group', RG()).add('--firewall-name', nm(fw.name)).add('--collection-name', `${c.name}-net`)
          .add('--name', n.name).many('--protocols', n.protocols).many('--source-addresses', rules.sourceAddresses)
          .many('--destination-ports', n.destinationPorts);
        if (n.destinationAddresses) f.many('--destination-addresses', n.destinationAddresses);
        if (n.destinationFqdns) f.many('--destination-fqdns', n.destinationFqdns);
        // Priority and action belong to the collection: only its first rule sets them.
        if (n === rules.network[0]) f.add('--action', 'Allow').add('--priority', priority);
        out.push(az('network firewall network-rule create', f, n === rules.network[0] ? `AKS egress for ${c.name}: ${n.why}` : n.why));
      }
      for (const a of rules.application) {
        const f = new Flags().add('--resource-group', RG()).add('--firewall-name', nm(fw.name)).add('--collection-name', `${c.name}-app`)
          .add('--name', a.name).many('--source-addresses', rules.sourceAddresses)
          .many('--protocols', a.protocols.map((p) => `${p.type.toLowerCase()}=${p.port}`)).many('--target-fqdns', a.targetFqdns ?? []);
        if (a === rules.application[0]) f.add('--action', 'Allow').add('--priority', priority);
        out.push(az('network firewall application-rule create', f, a.why));
      }
      priority += 10;
    }
    fw.dnatRules.forEach((r, i) => {
      const f = new Flags().add('--resource-group', RG()).add('--firewall-name', nm(fw.name)).add('--collection-name', 'dnat')
        .add('--name', r.name).many('--protocols', [r.protocol]).many('--source-addresses', ['*'])
        .many('--destination-addresses', [param(`FW_${i}_PUBLIC_IP`)]).many('--destination-ports', [String(r.destinationPort)])
        .add('--translated-address', r.translatedAddress).add('--translated-port', r.translatedPort);
      if (i === 0) f.add('--action', 'Dnat').add('--priority', 100);
      const pip = nameOf(d.publicIps, fw.publicIpIds[0]) ?? '';
      out.push({
        ...az('network public-ip show', new Flags().add('--resource-group', RG()).add('--name', nm(pip)).add('--query', 'ipAddress').add('--output', 'tsv')),
        assignTo: `FW_${i}_PUBLIC_IP`,
      });
      out.push(az('network firewall nat-rule create', f, `DNAT ${r.name} to ${r.translatedAddress}:${r.translatedPort}`));
    });
    return out;
  });
}

export function appGatewayCommands(d: Design): AzCommand[] {
  return d.appGateways.flatMap((g) => {
    const at = vnetOfSubnet(d, g.subnetId);
    if (!at) return [];
    const f = new Flags().add('--resource-group', RG()).add('--name', nm(g.name)).add('--location', LOC()).add('--sku', g.sku)
      .add('--min-capacity', g.minCapacity).add('--max-capacity', g.maxCapacity).add('--vnet-name', nm(at.vnet.name)).add('--subnet', at.subnet.name)
      .add('--priority', 100);
    const pip = nameOf(d.publicIps, g.publicIpId);
    if (pip) f.add('--public-ip-address', nm(pip));
    if (g.privateFrontendIp) f.add('--private-ip-address', g.privateFrontendIp);
    return [az('network application-gateway create', f, `Application Gateway ${g.name}`)];
  });
}

export function bastionCommands(d: Design): AzCommand[] {
  return d.bastions.flatMap((b) => {
    const at = vnetOfSubnet(d, b.subnetId);
    const pip = nameOf(d.publicIps, b.publicIpId);
    if (!at || !pip) return [];
    return [az('network bastion create', new Flags().add('--resource-group', RG()).add('--name', nm(b.name)).add('--location', LOC())
      .add('--vnet-name', nm(at.vnet.name)).add('--public-ip-address', nm(pip)).add('--sku', b.sku), `Bastion ${b.name}`)];
  });
}

/** Private endpoints point at existing resources in the same resource group (their names are not prefixed). */
export function privateEndpointCommands(d: Design): AzCommand[] {
  return d.privateEndpoints.flatMap((pe) => {
    const at = vnetOfSubnet(d, pe.subnetId);
    if (!at) return [];
    const target = concat(lit('/subscriptions/'), param('SUBSCRIPTION_ID'), lit('/resourceGroups/'), param('RESOURCE_GROUP'), lit(`/providers/${pe.targetType}/${pe.targetName}`));
    return [az('network private-endpoint create', new Flags().add('--resource-group', RG()).add('--name', nm(pe.name)).add('--location', LOC())
      .add('--vnet-name', nm(at.vnet.name)).add('--subnet', at.subnet.name).add('--private-connection-resource-id', target)
      .many('--group-id', [pe.groupId]).add('--connection-name', `${pe.name}-connection`), `Private endpoint ${pe.name} to ${pe.targetName}`)];
  });
}
