/**
 * az commands for Azure Firewall managed by a Firewall Policy (the Bicep export does the same, and the Basic tier
 * accepts only policies): the policy, a DNAT rule collection group, one rule collection group of AKS egress
 * rules per cluster routed through the firewall, then the firewall and its IP configurations.
 * Egress rules: https://learn.microsoft.com/azure/aks/outbound-rules-control-egress
 * Commands: https://learn.microsoft.com/cli/azure/network/firewall/policy/rule-collection-group/collection
 */
import { type Design, type Firewall, type EgressApplicationRule, type EgressNetworkRule } from '../core/index';
import { az, childOf, createdAs, Flags, inGroup, type AzCommand } from './az-model';
import { egressGroupsOf, managementPipNameOf, POLICY_GROUPS, policyNameOf } from './policy-layout';
import { nameOf, nm } from './names';
import { param, type Word } from './shell';

function vnetOfSubnet(d: Design, subnetId: string) {
  for (const v of d.vnets) for (const s of v.subnets) if (s.id === subnetId) return v;
  return undefined;
}

function groupCreate(policy: Word, name: string, priority: number, why?: string): AzCommand {
  return az(
    'network firewall policy rule-collection-group create',
    childOf('--policy-name', policy, name).add('--priority', priority),
    why,
  );
}

/** Common flags of the collection commands. */
function collectionFlags(policy: Word, group: string): Flags {
  return inGroup().add('--policy-name', policy).add('--rcg-name', group);
}

function networkRuleFlags(f: Flags, n: EgressNetworkRule, sources: string[]): Flags {
  f.many('--ip-protocols', n.protocols)
    .many('--source-addresses', sources)
    .many('--destination-ports', n.destinationPorts);
  if (n.destinationAddresses?.length) f.many('--destination-addresses', n.destinationAddresses);
  if (n.destinationFqdns?.length) f.many('--destination-fqdns', n.destinationFqdns);
  return f;
}

function applicationRuleFlags(f: Flags, a: EgressApplicationRule, sources: string[]): Flags {
  f.many(
    '--protocols',
    a.protocols.map((p) => `${p.type}=${p.port}`),
  ).many('--source-addresses', sources);
  if (a.targetFqdns?.length) f.many('--target-fqdns', a.targetFqdns);
  if (a.fqdnTags?.length) f.many('--fqdn-tags', a.fqdnTags);
  return f;
}

/**
 * A filter collection: its first rule comes with `add-filter-collection` (which creates the collection), the
 * others with `collection rule add`.
 */
function filterCollection<R extends { name: string; why: string }>(
  policy: Word,
  group: string,
  name: string,
  priority: number,
  type: 'NetworkRule' | 'ApplicationRule',
  rules: R[],
  ruleFlags: (f: Flags, r: R) => Flags,
): AzCommand[] {
  return rules.map((r, i) =>
    i === 0
      ? az(
          'network firewall policy rule-collection-group collection add-filter-collection',
          ruleFlags(
            collectionFlags(policy, group)
              .add('--name', name)
              .add('--collection-priority', priority)
              .add('--action', 'Allow')
              .add('--rule-type', type)
              .add('--rule-name', r.name),
            r,
          ),
          r.why,
        )
      : az(
          'network firewall policy rule-collection-group collection rule add',
          ruleFlags(
            collectionFlags(policy, group)
              .add('--collection-name', name)
              .add('--rule-type', type)
              .add('--name', r.name),
            r,
          ),
          r.why,
        ),
  );
}

function egressCommands(d: Design, fw: Firewall, policy: Word): AzCommand[] {
  return egressGroupsOf(d, fw).flatMap(({ cluster: c, name: group, priority, rules }) => {
    return [
      groupCreate(
        policy,
        group,
        priority,
        `AKS egress rules for ${c.name} (nodes in ${rules.sourceAddresses.join(', ')})`,
      ),
      ...filterCollection(
        policy,
        group,
        POLICY_GROUPS.network.name,
        POLICY_GROUPS.network.priority,
        'NetworkRule',
        rules.network,
        (f, n) => networkRuleFlags(f, n, rules.sourceAddresses),
      ),
      ...filterCollection(
        policy,
        group,
        POLICY_GROUPS.application.name,
        POLICY_GROUPS.application.priority,
        'ApplicationRule',
        rules.application,
        (f, a) => applicationRuleFlags(f, a, rules.sourceAddresses),
      ),
    ];
  });
}

/** DNAT rules translate the firewall's first public IP, read into a parameter once the IP exists. */
function dnatCommands(d: Design, fw: Firewall, index: number, policy: Word): AzCommand[] {
  const pip = nameOf(d.publicIps, fw.publicIpIds[0]);
  if (fw.dnatRules.length === 0 || !pip) return [];
  const ipParam = `FIREWALL_${index + 1}_PUBLIC_IP`;
  const out: AzCommand[] = [
    {
      ...az(
        'network public-ip show',
        inGroup().add('--name', nm(pip)).add('--query', 'ipAddress').add('--output', 'tsv'),
        `DNAT rules of ${fw.name} translate its public IP ${pip}`,
      ),
      assignTo: ipParam,
    },
    groupCreate(policy, POLICY_GROUPS.dnat.name, POLICY_GROUPS.dnat.priority),
  ];
  fw.dnatRules.forEach((r, i) => {
    const f =
      i === 0
        ? collectionFlags(policy, POLICY_GROUPS.dnat.name)
            .add('--name', POLICY_GROUPS.dnat.collection)
            .add('--collection-priority', POLICY_GROUPS.dnat.collectionPriority)
            .add('--action', 'DNAT')
            .add('--rule-name', r.name)
        : collectionFlags(policy, POLICY_GROUPS.dnat.name)
            .add('--collection-name', POLICY_GROUPS.dnat.collection)
            .add('--rule-type', 'NatRule')
            .add('--name', r.name);
    f.many('--ip-protocols', [r.protocol])
      .many('--source-addresses', ['*'])
      .many('--destination-addresses', [param(ipParam)])
      .many('--destination-ports', [String(r.destinationPort)])
      .add('--translated-address', r.translatedAddress)
      .add('--translated-port', r.translatedPort);
    out.push(
      az(
        i === 0
          ? 'network firewall policy rule-collection-group collection add-nat-collection'
          : 'network firewall policy rule-collection-group collection rule add',
        f,
        `DNAT ${r.name}: ${r.protocol} ${r.destinationPort} to ${r.translatedAddress}:${r.translatedPort}`,
      ),
    );
  });
  return out;
}

/** An IP configuration of the firewall with its public IP. */
function ipConfig(fw: Firewall, name: string, pip: Word | undefined): Flags {
  return childOf('--firewall-name', nm(fw.name), name).add('--public-ip-address', pip);
}

/**
 * The firewall and its first IP configuration. The azure-firewall extension's `firewall create` fills in the
 * management IP configuration's subnet (AzureFirewallManagementSubnet of --vnet-name) for the Basic tier only,
 * and sends one without a subnet for Standard and Premium. Those tiers therefore get the firewall first, then
 * `ip-config create`, whose --m-name / --m-public-ip-address / --m-vnet-name set the management configuration
 * with its subnet in the same update as the data configuration.
 * https://learn.microsoft.com/cli/azure/network/firewall/ip-config#az-network-firewall-ip-config-create
 */
function firewallCreate(fw: Firewall, policy: Word, vnet: Word, firstPip: Word | undefined, mgmtPip?: Word) {
  const f = createdAs(nm(fw.name)).add('--sku', 'AZFW_VNet').add('--tier', fw.tier).add('--firewall-policy', policy);
  const basic = fw.tier === 'Basic';
  if (basic || !mgmtPip) f.add('--vnet-name', vnet).add('--conf-name', 'ipconfig1').add('--public-ip', firstPip);
  if (basic && mgmtPip) f.add('--m-conf-name', 'management').add('--m-public-ip', mgmtPip);
  const out = [az('network firewall create', f, `Azure Firewall ${fw.name}, managed by its policy`)];
  if (!basic && mgmtPip) {
    out.push(
      az(
        'network firewall ip-config create',
        ipConfig(fw, 'ipconfig1', firstPip)
          .add('--vnet-name', vnet)
          .add('--m-name', 'management')
          .add('--m-public-ip-address', mgmtPip)
          .add('--m-vnet-name', vnet),
        `${fw.name}: data and management IP configurations (forced tunnelling) in one update`,
      ),
    );
  }
  return out;
}

export function firewallCommands(d: Design): AzCommand[] {
  return d.firewalls.flatMap((fw, index) => {
    const vnet = vnetOfSubnet(d, fw.subnetId);
    if (!vnet) return [];
    const policy = nm(policyNameOf(fw));
    const out: AzCommand[] = [
      // DNS proxy is a policy setting once a policy manages the firewall; FQDNs in network rules need it.
      az(
        'network firewall policy create',
        createdAs(policy).add('--sku', fw.tier).add('--enable-dns-proxy', String(fw.dnsProxy)),
        `Azure Firewall ${fw.name}: its policy, rules, then the firewall`,
      ),
      ...dnatCommands(d, fw, index, policy),
      ...egressCommands(d, fw, policy),
    ];
    const [firstPip, ...morePips] = fw.publicIpIds.map((id) => nm(nameOf(d.publicIps, id) ?? id));
    // Basic always, and forced tunnelling on any tier, use a management IP configuration with its own public IP.
    // https://learn.microsoft.com/azure/firewall/management-nic
    const mgmtPip = fw.managementSubnetId || fw.tier === 'Basic' ? managementPipNameOf(fw) : undefined;
    if (mgmtPip) {
      out.push(
        az(
          'network public-ip create',
          createdAs(nm(mgmtPip)).add('--sku', 'Standard').add('--allocation-method', 'Static'),
          `Management public IP of ${fw.name}`,
        ),
      );
    }
    out.push(...firewallCreate(fw, policy, nm(vnet.name), firstPip, mgmtPip ? nm(mgmtPip) : undefined));
    morePips.forEach((pip, i) => {
      out.push(az('network firewall ip-config create', ipConfig(fw, `ipconfig${i + 2}`, pip)));
    });
    return out;
  });
}
