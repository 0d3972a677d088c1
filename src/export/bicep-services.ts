/** Bicep resources for Azure Firewall (with its policy and the AKS egress rules), Application Gateway, Bastion and private endpoints. */
import type { AppGateway, Design, Firewall } from '../core/index';
import { bstr, ex, prefixed, type BResource, type BVal, type Symbols } from './bicep-writer';
import { located, res } from './bicep-network';
import { egressGroupsOf, managementPipNameOf, POLICY_GROUPS, policyNameOf, wafPolicyNameOf } from './policy-layout';

function dnatGroup(fw: Firewall, sym: Symbols, policy: string): BResource[] {
  const pip = fw.publicIpIds[0] ? sym.get(fw.publicIpIds[0]) : undefined;
  if (fw.dnatRules.length === 0 || !pip) return [];
  return [
    res(
      'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
      sym.name(`${fw.id}:dnat`, `${policy}_dnat`),
      {
        parent: ex(policy),
        name: POLICY_GROUPS.dnat.name,
        properties: {
          priority: POLICY_GROUPS.dnat.priority,
          ruleCollections: [
            {
              ruleCollectionType: 'FirewallPolicyNatRuleCollection',
              name: POLICY_GROUPS.dnat.collection,
              priority: POLICY_GROUPS.dnat.collectionPriority,
              action: { type: 'DNAT' },
              rules: fw.dnatRules.map((r) => ({
                ruleType: 'NatRule',
                name: r.name,
                ipProtocols: [r.protocol],
                sourceAddresses: ['*'],
                destinationAddresses: [ex(`${pip}.properties.ipAddress`)],
                destinationPorts: [String(r.destinationPort)],
                translatedAddress: r.translatedAddress,
                translatedPort: String(r.translatedPort),
              })),
            },
          ],
        },
      },
      `DNAT rules of ${fw.name} on its public IP`,
    ),
  ];
}

/** A filter collection that allows its rules; none when there are no rules. */
const allowCollection = (layout: { name: string; priority: number }, rules: BVal[]): BVal[] =>
  rules.length === 0
    ? []
    : [
        {
          ruleCollectionType: 'FirewallPolicyFilterRuleCollection',
          name: layout.name,
          priority: layout.priority,
          action: { type: 'Allow' },
          rules,
        },
      ];

function egressGroups(d: Design, fw: Firewall, sym: Symbols, policy: string): BResource[] {
  return egressGroupsOf(d, fw).map(({ cluster: c, name, priority, rules }) => {
    const collections = [
      ...allowCollection(
        POLICY_GROUPS.network,
        rules.network.map((n) => ({
          ruleType: 'NetworkRule',
          name: n.name,
          ipProtocols: n.protocols,
          sourceAddresses: rules.sourceAddresses,
          destinationAddresses: n.destinationAddresses,
          destinationFqdns: n.destinationFqdns,
          destinationPorts: n.destinationPorts,
        })),
      ),
      ...allowCollection(
        POLICY_GROUPS.application,
        rules.application.map((a) => ({
          ruleType: 'ApplicationRule',
          name: a.name,
          protocols: a.protocols.map((p) => ({ protocolType: p.type, port: p.port })),
          sourceAddresses: rules.sourceAddresses,
          targetFqdns: a.targetFqdns,
          fqdnTags: a.fqdnTags,
        })),
      ),
    ];
    return res(
      'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
      sym.name(`${fw.id}:${c.id}`, `${policy}_${c.name}`),
      {
        parent: ex(policy),
        name,
        properties: { priority, ruleCollections: collections },
      },
      `AKS egress rules for ${c.name}`,
    );
  });
}

function firewallResources(d: Design, sym: Symbols): BResource[] {
  return d.firewalls.flatMap((fw) => {
    const policy = sym.name(`${fw.id}:policy`, `fwpol_${fw.name}`);
    const out: BResource[] = [
      located('Microsoft.Network/firewallPolicies', policy, policyNameOf(fw), {
        properties: { sku: { tier: fw.tier }, dnsSettings: { enableProxy: fw.dnsProxy } },
      }),
    ];
    // A policy takes one rule collection group change at a time: the groups deploy one after another, and the
    // firewall after the last of them.
    const groups = [...dnatGroup(fw, sym, policy), ...egressGroups(d, fw, sym, policy)];
    groups.forEach((g, i) => {
      if (i > 0) g.body = { ...g.body, dependsOn: [ex(groups[i - 1]!.symbol)] };
    });
    out.push(...groups);
    const last = groups[groups.length - 1];
    // Basic always, and forced tunnelling, use a management IP configuration with its own public IP.
    // https://learn.microsoft.com/azure/firewall/management-nic
    const mgmtPip = fw.managementSubnetId ? sym.name(`${fw.id}:mgmt-pip`, `pip_${managementPipNameOf(fw)}`) : undefined;
    if (mgmtPip) {
      out.push(
        located(
          'Microsoft.Network/publicIPAddresses',
          mgmtPip,
          managementPipNameOf(fw),
          { sku: { name: 'Standard' }, properties: { publicIPAllocationMethod: 'Static' } },
          `Management public IP of ${fw.name}`,
        ),
      );
    }
    out.push(
      located(
        'Microsoft.Network/azureFirewalls',
        sym.name(fw.id, `fw_${fw.name}`),
        fw.name,
        {
          properties: {
            sku: { name: 'AZFW_VNet', tier: fw.tier },
            firewallPolicy: { id: ex(`${policy}.id`) },
            ipConfigurations: fw.publicIpIds.map((pip, i) => ({
              name: `ipconfig${i + 1}`,
              properties: {
                subnet: i === 0 ? sym.ref(fw.subnetId) : undefined,
                publicIPAddress: sym.ref(pip),
              },
            })),
            managementIpConfiguration: mgmtPip
              ? {
                  name: 'management',
                  properties: {
                    subnet: sym.ref(fw.managementSubnetId),
                    publicIPAddress: { id: ex(`${mgmtPip}.id`) },
                  },
                }
              : undefined,
          },
          dependsOn: last ? [ex(last.symbol)] : undefined,
        },
        `Azure Firewall ${fw.name}`,
      ),
    );
    return out;
  });
}

/** The WAF policy of a WAF_v2 gateway, as the az script creates it. */
function wafPolicy(g: AppGateway, sym: Symbols): BResource {
  return located(
    'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies',
    sym.name(`${g.id}:waf`, `waf_${g.name}`),
    wafPolicyNameOf(g.name),
    {
      properties: {
        policySettings: { state: 'Enabled', mode: 'Prevention' },
        managedRules: { managedRuleSets: [{ ruleSetType: 'Microsoft_DefaultRuleSet', ruleSetVersion: '2.1' }] },
      },
    },
    `WAF policy of ${g.name}`,
  );
}

function appGatewayResources(d: Design, sym: Symbols): BResource[] {
  return d.appGateways.flatMap((g) => {
    const waf = g.sku === 'WAF_v2' ? wafPolicy(g, sym) : undefined;
    const self = sym.name(g.id, `agw_${g.name}`);
    // Parts of the gateway itself are addressed by id; the gateway cannot reference its own symbol.
    const id = (kind: string, name: string) =>
      ex(`resourceId('Microsoft.Network/applicationGateways/${kind}', ${prefixed(g.name).expr}, '${name}')`);
    const frontends: BVal[] = [];
    if (g.publicIpId) frontends.push({ name: 'public', properties: { publicIPAddress: sym.ref(g.publicIpId) } });
    if (g.privateFrontendIp)
      frontends.push({
        name: 'private',
        properties: {
          privateIPAddress: g.privateFrontendIp,
          privateIPAllocationMethod: 'Static',
          subnet: sym.ref(g.subnetId),
        },
      });
    const gateway = located(
      'Microsoft.Network/applicationGateways',
      self,
      g.name,
      {
        properties: {
          sku: { name: g.sku, tier: g.sku },
          autoscaleConfiguration: { minCapacity: g.minCapacity, maxCapacity: g.maxCapacity },
          firewallPolicy: waf ? { id: ex(`${waf.symbol}.id`) } : undefined,
          gatewayIPConfigurations: [{ name: 'gateway', properties: { subnet: sym.ref(g.subnetId) } }],
          frontendIPConfigurations: frontends,
          frontendPorts: [{ name: 'http', properties: { port: 80 } }],
          backendAddressPools: [{ name: 'default' }],
          backendHttpSettingsCollection: [
            { name: 'default', properties: { port: 80, protocol: 'Http', cookieBasedAffinity: 'Disabled' } },
          ],
          httpListeners: [
            {
              name: 'default',
              properties: {
                frontendIPConfiguration: { id: id('frontendIPConfigurations', g.publicIpId ? 'public' : 'private') },
                frontendPort: { id: id('frontendPorts', 'http') },
                protocol: 'Http',
              },
            },
          ],
          requestRoutingRules: [
            {
              name: 'default',
              properties: {
                ruleType: 'Basic',
                priority: 100,
                httpListener: { id: id('httpListeners', 'default') },
                backendAddressPool: { id: id('backendAddressPools', 'default') },
                backendHttpSettings: { id: id('backendHttpSettingsCollection', 'default') },
              },
            },
          ],
        },
      },
      `Application Gateway ${g.name}${g.agicClusterId ? ' (AGIC manages its listeners and rules)' : ''}`,
    );
    return waf ? [waf, gateway] : [gateway];
  });
}

function edgeResources(d: Design, sym: Symbols): BResource[] {
  const out: BResource[] = [];
  for (const b of d.bastions) {
    out.push(
      located('Microsoft.Network/bastionHosts', sym.name(b.id, `bas_${b.name}`), b.name, {
        sku: { name: b.sku },
        properties: {
          ipConfigurations: [
            {
              name: 'ipconfig',
              properties: { subnet: sym.ref(b.subnetId), publicIPAddress: sym.ref(b.publicIpId) },
            },
          ],
        },
      }),
    );
  }
  for (const pe of d.privateEndpoints) {
    out.push(
      located('Microsoft.Network/privateEndpoints', sym.name(pe.id, `pe_${pe.name}`), pe.name, {
        properties: {
          subnet: sym.ref(pe.subnetId),
          privateLinkServiceConnections: [
            {
              name: `${pe.name}-connection`,
              properties: {
                privateLinkServiceId: ex(`resourceId(${bstr(pe.targetType)}, ${bstr(pe.targetName)})`),
                groupIds: [pe.groupId],
              },
            },
          ],
        },
      }),
    );
  }
  return out;
}

export function serviceResources(d: Design, sym: Symbols): BResource[] {
  return [...firewallResources(d, sym), ...appGatewayResources(d, sym), ...edgeResources(d, sym)];
}
