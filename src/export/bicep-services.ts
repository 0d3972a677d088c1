/** Bicep resources for Azure Firewall (with its policy and the AKS egress rules), Application Gateway, Bastion and private endpoints. */
import type { Design } from '../core/model';
import { aksEgressRuleSet } from '../core/paths/egress-rules';
import { firewallIp } from '../core/paths/locate';
import { bstr, ex, prefixed, type BResource, type BVal, type Symbols } from './bicep-writer';
import { res } from './bicep-network';

const subnetRef = (sym: Symbols, id: string | undefined): BVal | undefined => {
  const s = id ? sym.get(id) : undefined;
  return s ? { id: ex(`${s}.id`) } : undefined;
};

/** Clusters whose node subnets send 0.0.0.0/0 to this firewall. */
function egressClusters(d: Design, fwIp: string | null) {
  const subnets = new Map(d.vnets.flatMap((v) => v.subnets).map((s) => [s.id, s]));
  return d.clusters.filter((c) => c.nodePools.some((p) => {
    const rt = d.routeTables.find((r) => r.id === subnets.get(p.nodeSubnetId)?.routeTableId);
    return rt?.routes.some((r) => r.nextHopType === 'VirtualAppliance' && r.nextHopIpAddress === fwIp);
  }));
}

function firewallResources(d: Design, sym: Symbols): BResource[] {
  return d.firewalls.flatMap((fw) => {
    const policy = sym.name(`${fw.id}:policy`, `fwpol_${fw.name}`);
    const out: BResource[] = [res('Microsoft.Network/firewallPolicies', policy, {
      name: prefixed(`${fw.name}-policy`),
      location: ex('location'),
      properties: { sku: { tier: fw.tier }, dnsSettings: { enableProxy: fw.dnsProxy } },
    })];
    egressClusters(d, firewallIp(d, fw)).forEach((c, i) => {
      const rules = aksEgressRuleSet(d, c.id);
      out.push(res('Microsoft.Network/firewallPolicies/ruleCollectionGroups', sym.name(`${fw.id}:${c.id}`, `${policy}_${c.name}`), {
        parent: ex(policy),
        name: `aks-${c.name}`,
        properties: {
          priority: 200 + i * 10,
          ruleCollections: [
            { ruleCollectionType: 'FirewallPolicyFilterRuleCollection', name: 'network', priority: 100, action: { type: 'Allow' }, rules: rules.network.map((n) => ({
              ruleType: 'NetworkRule', name: n.name, ipProtocols: n.protocols, sourceAddresses: rules.sourceAddresses,
              destinationAddresses: n.destinationAddresses, destinationFqdns: n.destinationFqdns, destinationPorts: n.destinationPorts,
            })) },
            { ruleCollectionType: 'FirewallPolicyFilterRuleCollection', name: 'application', priority: 200, action: { type: 'Allow' }, rules: rules.application.map((a) => ({
              ruleType: 'ApplicationRule', name: a.name, protocols: a.protocols.map((p) => ({ protocolType: p.type, port: p.port })),
              sourceAddresses: rules.sourceAddresses, targetFqdns: a.targetFqdns,
            })) },
          ],
        },
      }, `AKS egress rules for ${c.name}`));
    });
    out.push(res('Microsoft.Network/azureFirewalls', sym.name(fw.id, `fw_${fw.name}`), {
      name: prefixed(fw.name),
      location: ex('location'),
      properties: {
        sku: { name: 'AZFW_VNet', tier: fw.tier },
        firewallPolicy: { id: ex(`${policy}.id`) },
        ipConfigurations: fw.publicIpIds.map((pip, i) => ({
          name: `ipconfig${i + 1}`,
          properties: { subnet: i === 0 ? subnetRef(sym, fw.subnetId) : undefined, publicIPAddress: subnetRef(sym, pip) },
        })),
        managementIpConfiguration: fw.managementSubnetId ? { name: 'management', properties: { subnet: subnetRef(sym, fw.managementSubnetId) } } : undefined,
      },
    }, `Azure Firewall ${fw.name}`));
    return out;
  });
}

function appGatewayResources(d: Design, sym: Symbols): BResource[] {
  return d.appGateways.map((g) => {
    const self = sym.name(g.id, `agw_${g.name}`);
    // Parts of the gateway itself are addressed by id; the gateway cannot reference its own symbol.
    const id = (kind: string, name: string) => ex(`resourceId('Microsoft.Network/applicationGateways/${kind}', ${prefixed(g.name).expr}, '${name}')`);
    const frontends: BVal[] = [];
    if (g.publicIpId) frontends.push({ name: 'public', properties: { publicIPAddress: subnetRef(sym, g.publicIpId) } });
    if (g.privateFrontendIp) frontends.push({ name: 'private', properties: { privateIPAddress: g.privateFrontendIp, privateIPAllocationMethod: 'Static', subnet: subnetRef(sym, g.subnetId) } });
    return res('Microsoft.Network/applicationGateways', self, {
      name: prefixed(g.name),
      location: ex('location'),
      properties: {
        sku: { name: g.sku, tier: g.sku },
        autoscaleConfiguration: { minCapacity: g.minCapacity, maxCapacity: g.maxCapacity },
        gatewayIPConfigurations: [{ name: 'gateway', properties: { subnet: subnetRef(sym, g.subnetId) } }],
        frontendIPConfigurations: frontends,
        frontendPorts: [{ name: 'http', properties: { port: 80 } }],
        backendAddressPools: [{ name: 'default' }],
        backendHttpSettingsCollection: [{ name: 'default', properties: { port: 80, protocol: 'Http', cookieBasedAffinity: 'Disabled' } }],
        httpListeners: [{ name: 'default', properties: { frontendIPConfiguration: { id: id('frontendIPConfigurations', g.publicIpId ? 'public' : 'private') }, frontendPort: { id: id('frontendPorts', 'http') }, protocol: 'Http' } }],
        requestRoutingRules: [{ name: 'default', properties: { ruleType: 'Basic', priority: 100, httpListener: { id: id('httpListeners', 'default') }, backendAddressPool: { id: id('backendAddressPools', 'default') }, backendHttpSettings: { id: id('backendHttpSettingsCollection', 'default') } } }],
      },
    }, `Application Gateway ${g.name}${g.agicClusterId ? ' (AGIC manages its listeners and rules)' : ''}`);
  });
}

function edgeResources(d: Design, sym: Symbols): BResource[] {
  const out: BResource[] = [];
  for (const b of d.bastions) {
    out.push(res('Microsoft.Network/bastionHosts', sym.name(b.id, `bas_${b.name}`), {
      name: prefixed(b.name),
      location: ex('location'),
      sku: { name: b.sku },
      properties: { ipConfigurations: [{ name: 'ipconfig', properties: { subnet: subnetRef(sym, b.subnetId), publicIPAddress: subnetRef(sym, b.publicIpId) } }] },
    }));
  }
  for (const pe of d.privateEndpoints) {
    out.push(res('Microsoft.Network/privateEndpoints', sym.name(pe.id, `pe_${pe.name}`), {
      name: prefixed(pe.name),
      location: ex('location'),
      properties: {
        subnet: subnetRef(sym, pe.subnetId),
        privateLinkServiceConnections: [{ name: `${pe.name}-connection`, properties: { privateLinkServiceId: ex(`resourceId(${bstr(pe.targetType)}, ${bstr(pe.targetName)})`), groupIds: [pe.groupId] } }],
      },
    }));
  }
  return out;
}

export function serviceResources(d: Design, sym: Symbols): BResource[] {
  return [...firewallResources(d, sym), ...appGatewayResources(d, sym), ...edgeResources(d, sym)];
}
