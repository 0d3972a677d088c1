/**
 * The az commands and flags the script may use, from the az CLI reference on Microsoft Learn, with the allowed
 * values of enum flags. A test checks every generated command against this table.
 */
import { AGC_AZ_FLAGS } from './agc';

/** flag → allowed values (null: any value; [] : a switch without a value). */
export type AzFlags = Record<string, readonly string[] | null>;

export interface AzCommandSpec {
  learnUrl: string;
  flags: AzFlags;
}

const BOOL = ['true', 'false'] as const;
const any = null;
/** Firewall Policy rule IP protocols (FirewallPolicyRuleNetworkProtocol). */
const IP_PROTOCOLS = ['Any', 'ICMP', 'TCP', 'UDP'];
/** What every rule collection group collection command names: the group and its policy. */
const IN_GROUP = { '--resource-group': any, '--policy-name': any, '--rcg-name': any };
/** The fields of a filter rule (network or application), given with the collection's first rule or added later. */
const FILTER_RULE = {
  '--ip-protocols': IP_PROTOCOLS,
  '--source-addresses': any,
  '--destination-addresses': any,
  '--destination-fqdns': any,
  '--destination-ports': any,
  '--protocols': any,
  '--target-fqdns': any,
  '--fqdn-tags': any,
};
/** The node pool flags: of `aks nodepool add`, and of `aks create` for the cluster's first pool. */
const NODE_POOL = {
  '--node-vm-size': any,
  '--node-count': any,
  '--enable-cluster-autoscaler': [],
  '--min-count': any,
  '--max-count': any,
  '--max-pods': any,
  '--vnet-subnet-id': any,
  '--pod-subnet-id': any,
};
const NAT_TRANSLATION = { '--translated-address': any, '--translated-port': any };

/**
 * A command's page on the az reference: the page of its group (reference-index for top-level commands), anchored
 * at the command, as in https://learn.microsoft.com/cli/azure/network/vnet#az-network-vnet-create.
 */
export function azLearnUrl(command: string): string {
  const words = command.split(' ');
  const page = words.length > 1 ? words.slice(0, -1).join('/') : 'reference-index';
  return `https://learn.microsoft.com/cli/azure/${page}#az-${words.join('-')}`;
}

const FLAGS: Record<string, AzFlags> = {
  'account show': { '--query': any, '--output': ['tsv', 'json'] },
  version: { '--query': any, '--output': ['tsv', 'json'] },
  // azure-cli command_modules/resource: the 'feature' group's show command, --namespace and --name.
  'feature show': {
    '--namespace': ['Microsoft.Network'],
    '--name': ['EnableApplicationGatewayNetworkIsolation'],
    '--query': any,
    '--output': ['tsv'],
  },
  'extension add': { '--name': ['azure-firewall', 'bastion', 'alb'], '--upgrade': [], '--yes': [] },
  'group create': { '--name': any, '--location': any },
  'network public-ip create': {
    '--resource-group': any,
    '--name': any,
    '--location': any,
    // Basic is in az's enum but retired: the table refuses it so no export writes it.
    '--sku': ['Standard', 'StandardV2'],
    '--allocation-method': ['Static', 'Dynamic'],
    '--zone': ['1', '2', '3'],
  },
  'network public-ip show': { '--resource-group': any, '--name': any, '--query': any, '--output': ['tsv', 'json'] },
  'network nat gateway create': {
    '--resource-group': any,
    '--name': any,
    '--location': any,
    '--sku': ['Standard', 'StandardV2'],
    '--public-ip-addresses': any,
    '--idle-timeout': any,
  },
  'network nsg create': { '--resource-group': any, '--name': any, '--location': any },
  'network nsg rule create': {
    '--resource-group': any,
    '--nsg-name': any,
    '--name': any,
    '--priority': any,
    '--direction': ['Inbound', 'Outbound'],
    '--access': ['Allow', 'Deny'],
    '--protocol': ['*', 'Ah', 'Esp', 'Icmp', 'Tcp', 'Udp'],
    '--source-address-prefixes': any,
    '--source-port-ranges': any,
    '--destination-address-prefixes': any,
    '--destination-port-ranges': any,
  },
  'network route-table create': {
    '--resource-group': any,
    '--name': any,
    '--location': any,
    '--disable-bgp-route-propagation': BOOL,
  },
  'network route-table route create': {
    '--resource-group': any,
    '--route-table-name': any,
    '--name': any,
    '--address-prefix': any,
    '--next-hop-type': ['Internet', 'None', 'VirtualAppliance', 'VirtualNetworkGateway', 'VnetLocal'],
    '--next-hop-ip-address': any,
  },
  'network vnet create': {
    '--resource-group': any,
    '--name': any,
    '--location': any,
    '--address-prefixes': any,
    '--dns-servers': any,
  },
  'network vnet subnet create': {
    '--resource-group': any,
    '--vnet-name': any,
    '--name': any,
    '--address-prefixes': any,
    '--network-security-group': any,
    '--route-table': any,
    '--nat-gateway': any,
    '--delegations': any,
    '--default-outbound-access': BOOL,
    '--private-endpoint-network-policies': ['Disabled', 'Enabled', 'NetworkSecurityGroupEnabled', 'RouteTableEnabled'],
  },
  'network vnet peering create': {
    '--resource-group': any,
    '--name': any,
    '--vnet-name': any,
    '--remote-vnet': any,
    '--allow-vnet-access': BOOL,
    '--allow-forwarded-traffic': BOOL,
    '--allow-gateway-transit': BOOL,
    '--use-remote-gateways': BOOL,
  },
  // Azure Firewall and Firewall Policy commands come from the azure-firewall extension (az installs it on first use).
  'network firewall policy create': {
    '--resource-group': any,
    '--name': any,
    '--location': any,
    '--sku': ['Basic', 'Standard', 'Premium'],
    '--enable-dns-proxy': BOOL,
  },
  'network firewall policy rule-collection-group create': {
    '--resource-group': any,
    '--policy-name': any,
    '--name': any,
    '--priority': any,
  },
  'network firewall policy rule-collection-group collection add-filter-collection': {
    ...IN_GROUP,
    '--name': any,
    '--collection-priority': any,
    '--action': ['Allow', 'Deny'],
    '--rule-type': ['ApplicationRule', 'NetworkRule'],
    '--rule-name': any,
    ...FILTER_RULE,
  },
  'network firewall policy rule-collection-group collection add-nat-collection': {
    ...IN_GROUP,
    '--name': any,
    '--collection-priority': any,
    '--action': ['DNAT', 'SNAT'],
    '--rule-name': any,
    '--ip-protocols': ['TCP', 'UDP'],
    '--source-addresses': any,
    '--destination-addresses': any,
    '--destination-ports': any,
    ...NAT_TRANSLATION,
  },
  'network firewall policy rule-collection-group collection rule add': {
    ...IN_GROUP,
    '--collection-name': any,
    '--name': any,
    '--rule-type': ['ApplicationRule', 'NatRule', 'NetworkRule'],
    ...FILTER_RULE,
    ...NAT_TRANSLATION,
  },
  'network firewall create': {
    '--resource-group': any,
    '--name': any,
    '--location': any,
    '--sku': ['AZFW_VNet', 'AZFW_Hub'],
    '--tier': ['Basic', 'Standard', 'Premium'],
    '--firewall-policy': any,
    '--vnet-name': any,
    '--conf-name': any,
    '--public-ip': any,
    '--m-conf-name': any,
    '--m-public-ip': any,
  },
  'network firewall ip-config create': {
    '--resource-group': any,
    '--firewall-name': any,
    '--name': any,
    '--public-ip-address': any,
    '--vnet-name': any,
    '--m-name': any,
    '--m-public-ip-address': any,
    '--m-vnet-name': any,
  },
  'network application-gateway waf-policy create': {
    '--resource-group': any,
    '--name': any,
    '--location': any,
    '--type': ['Microsoft_BotManagerRuleSet', 'Microsoft_DefaultRuleSet', 'Microsoft_HTTPDDoSRuleSet', 'OWASP'],
    '--version': any,
  },
  'network application-gateway waf-policy policy-setting update': {
    '--resource-group': any,
    '--policy-name': any,
    '--state': ['Disabled', 'Enabled'],
    '--mode': ['Detection', 'Prevention'],
  },
  'network application-gateway create': {
    '--resource-group': any,
    '--name': any,
    '--location': any,
    '--sku': ['Standard_v2', 'WAF_v2'],
    '--min-capacity': any,
    '--max-capacity': any,
    '--vnet-name': any,
    '--subnet': any,
    '--priority': any,
    '--public-ip-address': any,
    '--private-ip-address': any,
    '--waf-policy': any,
  },
  'network bastion create': {
    '--resource-group': any,
    '--name': any,
    '--location': any,
    '--vnet-name': any,
    '--public-ip-address': any,
    '--sku': ['Basic', 'Standard', 'Premium', 'Developer'],
  },
  'network private-endpoint create': {
    '--resource-group': any,
    '--name': any,
    '--location': any,
    '--vnet-name': any,
    '--subnet': any,
    '--private-connection-resource-id': any,
    '--group-id': any,
    '--connection-name': any,
  },
  'aks create': {
    '--resource-group': any,
    '--name': any,
    '--location': any,
    '--kubernetes-version': any,
    '--tier': ['free', 'standard', 'premium'],
    '--network-plugin': ['azure', 'kubenet', 'none'],
    '--network-plugin-mode': ['overlay'],
    '--network-dataplane': ['azure', 'cilium'],
    '--network-policy': ['azure', 'calico', 'cilium', 'none'],
    '--pod-cidr': any,
    '--service-cidr': any,
    '--dns-service-ip': any,
    '--pod-ip-allocation-mode': ['DynamicIndividual', 'StaticBlock'],
    '--outbound-type': ['loadBalancer', 'managedNATGateway', 'userAssignedNATGateway', 'userDefinedRouting', 'none'],
    '--load-balancer-managed-outbound-ip-count': any,
    '--load-balancer-outbound-ips': any,
    '--load-balancer-outbound-ports': any,
    '--load-balancer-idle-timeout': any,
    '--nat-gateway-managed-outbound-ip-count': any,
    '--enable-private-cluster': [],
    '--private-dns-zone': any,
    '--enable-apiserver-vnet-integration': [],
    '--apiserver-subnet-id': any,
    '--api-server-authorized-ip-ranges': any,
    '--nodepool-name': any,
    ...NODE_POOL,
    '--zones': ['1', '2', '3'],
    '--enable-addons': ['ingress-appgw'],
    '--appgw-id': any,
    '--enable-managed-identity': [],
    '--generate-ssh-keys': [],
  },
  'aks nodepool add': {
    '--resource-group': any,
    '--cluster-name': any,
    '--name': any,
    ...NODE_POOL,
    '--pod-ip-allocation-mode': ['DynamicIndividual', 'StaticBlock'],
    '--zones': ['1', '2', '3'],
    '--mode': ['System', 'User'],
    '--os-type': ['Linux', 'Windows'],
    '--max-surge': any,
  },
  'aks nodepool update': { '--resource-group': any, '--cluster-name': any, '--name': any, '--max-surge': any },
  'aks show': { '--resource-group': any, '--name': any, '--query': any, '--output': ['tsv', 'json'] },
  'role assignment create': {
    '--assignee-object-id': any,
    '--assignee-principal-type': ['ForeignGroup', 'Group', 'ServicePrincipal', 'User'],
    '--role': any,
    '--scope': any,
  },
  'aks command invoke': { '--resource-group': any, '--name': any, '--command': any, '--file': any },
  ...AGC_AZ_FLAGS,
};

export const AZ_COMMANDS: Record<string, AzCommandSpec> = Object.fromEntries(
  Object.entries(FLAGS).map(([command, flags]) => [command, { learnUrl: azLearnUrl(command), flags }]),
);
