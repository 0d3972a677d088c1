/**
 * The az commands and flags the script may use, from the az CLI reference on Microsoft Learn, with the allowed
 * values of enum flags. A test checks every generated command against this table.
 */
export interface AzCommandSpec {
  learnUrl: string;
  /** flag → allowed values (null: any value; [] : a switch without a value). */
  flags: Record<string, readonly string[] | null>;
}

const L = 'https://learn.microsoft.com/cli/azure/';
const BOOL = ['true', 'false'] as const;
const any = null;
/** Firewall Policy rule IP protocols (FirewallPolicyRuleNetworkProtocol). */
const IP_PROTOCOLS = ['Any', 'ICMP', 'TCP', 'UDP'];

export const AZ_COMMANDS: Record<string, AzCommandSpec> = {
  'account show': { learnUrl: `${L}account#az-account-show`, flags: { '--query': any, '--output': ['tsv', 'json'] } },
  'group create': { learnUrl: `${L}group#az-group-create`, flags: { '--name': any, '--location': any } },
  'network public-ip create': {
    learnUrl: `${L}network/public-ip#az-network-public-ip-create`,
    flags: { '--resource-group': any, '--name': any, '--location': any, '--sku': ['Basic', 'Standard'], '--allocation-method': ['Static', 'Dynamic'], '--zone': ['1', '2', '3'] },
  },
  'network public-ip show': {
    learnUrl: `${L}network/public-ip#az-network-public-ip-show`,
    flags: { '--resource-group': any, '--name': any, '--query': any, '--output': ['tsv', 'json'] },
  },
  'network nat gateway create': {
    learnUrl: `${L}network/nat/gateway#az-network-nat-gateway-create`,
    flags: { '--resource-group': any, '--name': any, '--location': any, '--public-ip-addresses': any, '--idle-timeout': any },
  },
  'network nsg create': { learnUrl: `${L}network/nsg#az-network-nsg-create`, flags: { '--resource-group': any, '--name': any, '--location': any } },
  'network nsg rule create': {
    learnUrl: `${L}network/nsg/rule#az-network-nsg-rule-create`,
    flags: {
      '--resource-group': any, '--nsg-name': any, '--name': any, '--priority': any, '--direction': ['Inbound', 'Outbound'],
      '--access': ['Allow', 'Deny'], '--protocol': ['*', 'Ah', 'Esp', 'Icmp', 'Tcp', 'Udp'], '--source-address-prefixes': any,
      '--source-port-ranges': any, '--destination-address-prefixes': any, '--destination-port-ranges': any,
    },
  },
  'network route-table create': {
    learnUrl: `${L}network/route-table#az-network-route-table-create`,
    flags: { '--resource-group': any, '--name': any, '--location': any, '--disable-bgp-route-propagation': BOOL },
  },
  'network route-table route create': {
    learnUrl: `${L}network/route-table/route#az-network-route-table-route-create`,
    flags: {
      '--resource-group': any, '--route-table-name': any, '--name': any, '--address-prefix': any,
      '--next-hop-type': ['Internet', 'None', 'VirtualAppliance', 'VirtualNetworkGateway', 'VnetLocal'], '--next-hop-ip-address': any,
    },
  },
  'network vnet create': {
    learnUrl: `${L}network/vnet#az-network-vnet-create`,
    flags: { '--resource-group': any, '--name': any, '--location': any, '--address-prefixes': any },
  },
  'network vnet subnet create': {
    learnUrl: `${L}network/vnet/subnet#az-network-vnet-subnet-create`,
    flags: {
      '--resource-group': any, '--vnet-name': any, '--name': any, '--address-prefixes': any, '--network-security-group': any,
      '--route-table': any, '--nat-gateway': any, '--delegations': any, '--private-endpoint-network-policies': ['Disabled', 'Enabled', 'NetworkSecurityGroupEnabled', 'RouteTableEnabled'],
    },
  },
  'network vnet peering create': {
    learnUrl: `${L}network/vnet/peering#az-network-vnet-peering-create`,
    flags: {
      '--resource-group': any, '--name': any, '--vnet-name': any, '--remote-vnet': any, '--allow-vnet-access': BOOL,
      '--allow-forwarded-traffic': BOOL, '--allow-gateway-transit': BOOL, '--use-remote-gateways': BOOL,
    },
  },
  // Azure Firewall and Firewall Policy commands come from the azure-firewall extension (az installs it on first use).
  'network firewall policy create': {
    learnUrl: `${L}network/firewall/policy#az-network-firewall-policy-create`,
    flags: { '--resource-group': any, '--name': any, '--location': any, '--sku': ['Basic', 'Standard', 'Premium'], '--enable-dns-proxy': BOOL },
  },
  'network firewall policy rule-collection-group create': {
    learnUrl: `${L}network/firewall/policy/rule-collection-group#az-network-firewall-policy-rule-collection-group-create`,
    flags: { '--resource-group': any, '--policy-name': any, '--name': any, '--priority': any },
  },
  'network firewall policy rule-collection-group collection add-filter-collection': {
    learnUrl: `${L}network/firewall/policy/rule-collection-group/collection#az-network-firewall-policy-rule-collection-group-collection-add-filter-collection`,
    flags: {
      '--resource-group': any, '--policy-name': any, '--rcg-name': any, '--name': any, '--collection-priority': any, '--action': ['Allow', 'Deny'],
      '--rule-type': ['ApplicationRule', 'NetworkRule'], '--rule-name': any, '--ip-protocols': IP_PROTOCOLS, '--source-addresses': any,
      '--destination-addresses': any, '--destination-fqdns': any, '--destination-ports': any, '--protocols': any, '--target-fqdns': any, '--fqdn-tags': any,
    },
  },
  'network firewall policy rule-collection-group collection add-nat-collection': {
    learnUrl: `${L}network/firewall/policy/rule-collection-group/collection#az-network-firewall-policy-rule-collection-group-collection-add-nat-collection`,
    flags: {
      '--resource-group': any, '--policy-name': any, '--rcg-name': any, '--name': any, '--collection-priority': any, '--action': ['DNAT', 'SNAT'],
      '--rule-name': any, '--ip-protocols': ['TCP', 'UDP'], '--source-addresses': any, '--destination-addresses': any, '--destination-ports': any,
      '--translated-address': any, '--translated-port': any,
    },
  },
  'network firewall policy rule-collection-group collection rule add': {
    learnUrl: `${L}network/firewall/policy/rule-collection-group/collection/rule#az-network-firewall-policy-rule-collection-group-collection-rule-add`,
    flags: {
      '--resource-group': any, '--policy-name': any, '--rcg-name': any, '--collection-name': any, '--name': any,
      '--rule-type': ['ApplicationRule', 'NatRule', 'NetworkRule'], '--ip-protocols': IP_PROTOCOLS, '--source-addresses': any,
      '--destination-addresses': any, '--destination-fqdns': any, '--destination-ports': any, '--protocols': any, '--target-fqdns': any,
      '--fqdn-tags': any, '--translated-address': any, '--translated-port': any,
    },
  },
  'network firewall create': {
    learnUrl: `${L}network/firewall#az-network-firewall-create`,
    flags: {
      '--resource-group': any, '--name': any, '--location': any, '--sku': ['AZFW_VNet', 'AZFW_Hub'], '--tier': ['Basic', 'Standard', 'Premium'],
      '--firewall-policy': any, '--vnet-name': any, '--conf-name': any, '--public-ip': any, '--m-conf-name': any, '--m-public-ip': any,
    },
  },
  'network firewall ip-config create': {
    learnUrl: `${L}network/firewall/ip-config#az-network-firewall-ip-config-create`,
    flags: { '--resource-group': any, '--firewall-name': any, '--name': any, '--public-ip-address': any, '--vnet-name': any },
  },
  'network application-gateway waf-policy create': {
    learnUrl: `${L}network/application-gateway/waf-policy#az-network-application-gateway-waf-policy-create`,
    flags: {
      '--resource-group': any, '--name': any, '--location': any,
      '--type': ['Microsoft_BotManagerRuleSet', 'Microsoft_DefaultRuleSet', 'Microsoft_HTTPDDoSRuleSet', 'OWASP'], '--version': any,
    },
  },
  'network application-gateway waf-policy policy-setting update': {
    learnUrl: `${L}network/application-gateway/waf-policy/policy-setting#az-network-application-gateway-waf-policy-policy-setting-update`,
    flags: { '--resource-group': any, '--policy-name': any, '--state': ['Disabled', 'Enabled'], '--mode': ['Detection', 'Prevention'] },
  },
  'network application-gateway create': {
    learnUrl: `${L}network/application-gateway#az-network-application-gateway-create`,
    flags: {
      '--resource-group': any, '--name': any, '--location': any, '--sku': ['Standard_v2', 'WAF_v2'], '--min-capacity': any,
      '--max-capacity': any, '--vnet-name': any, '--subnet': any, '--priority': any, '--public-ip-address': any, '--private-ip-address': any, '--waf-policy': any,
    },
  },
  'network bastion create': {
    learnUrl: `${L}network/bastion#az-network-bastion-create`,
    flags: { '--resource-group': any, '--name': any, '--location': any, '--vnet-name': any, '--public-ip-address': any, '--sku': ['Basic', 'Standard', 'Premium', 'Developer'] },
  },
  'network private-endpoint create': {
    learnUrl: `${L}network/private-endpoint#az-network-private-endpoint-create`,
    flags: {
      '--resource-group': any, '--name': any, '--location': any, '--vnet-name': any, '--subnet': any,
      '--private-connection-resource-id': any, '--group-id': any, '--connection-name': any,
    },
  },
  'aks create': {
    learnUrl: `${L}aks#az-aks-create`,
    flags: {
      '--resource-group': any, '--name': any, '--location': any, '--kubernetes-version': any, '--tier': ['free', 'standard', 'premium'],
      '--network-plugin': ['azure', 'kubenet', 'none'], '--network-plugin-mode': ['overlay'], '--network-dataplane': ['azure', 'cilium'],
      '--network-policy': ['azure', 'calico', 'cilium', 'none'], '--pod-cidr': any, '--service-cidr': any, '--dns-service-ip': any,
      '--pod-ip-allocation-mode': ['DynamicIndividual', 'StaticBlock'],
      '--outbound-type': ['loadBalancer', 'managedNATGateway', 'userAssignedNATGateway', 'userDefinedRouting', 'none'],
      '--load-balancer-managed-outbound-ip-count': any, '--load-balancer-outbound-ips': any, '--load-balancer-outbound-ports': any,
      '--load-balancer-idle-timeout': any, '--nat-gateway-managed-outbound-ip-count': any, '--enable-private-cluster': [],
      '--private-dns-zone': any, '--enable-apiserver-vnet-integration': [], '--apiserver-subnet-id': any,
      '--api-server-authorized-ip-ranges': any, '--nodepool-name': any, '--node-vm-size': any, '--node-count': any,
      '--enable-cluster-autoscaler': [], '--min-count': any, '--max-count': any, '--max-pods': any, '--vnet-subnet-id': any,
      '--pod-subnet-id': any, '--zones': ['1', '2', '3'], '--enable-addons': ['ingress-appgw'], '--appgw-id': any,
      '--enable-managed-identity': [], '--generate-ssh-keys': [],
    },
  },
  'aks nodepool add': {
    learnUrl: `${L}aks/nodepool#az-aks-nodepool-add`,
    flags: {
      '--resource-group': any, '--cluster-name': any, '--name': any, '--node-vm-size': any, '--node-count': any,
      '--enable-cluster-autoscaler': [], '--min-count': any, '--max-count': any, '--max-pods': any, '--vnet-subnet-id': any,
      '--pod-subnet-id': any, '--pod-ip-allocation-mode': ['DynamicIndividual', 'StaticBlock'], '--zones': ['1', '2', '3'],
      '--mode': ['System', 'User'], '--os-type': ['Linux', 'Windows'], '--max-surge': any,
    },
  },
  'aks nodepool update': {
    learnUrl: `${L}aks/nodepool#az-aks-nodepool-update`,
    flags: { '--resource-group': any, '--cluster-name': any, '--name': any, '--max-surge': any },
  },
  'aks show': {
    learnUrl: `${L}aks#az-aks-show`,
    flags: { '--resource-group': any, '--name': any, '--query': any, '--output': ['tsv', 'json'] },
  },
  'role assignment create': {
    learnUrl: `${L}role/assignment#az-role-assignment-create`,
    flags: { '--assignee-object-id': any, '--assignee-principal-type': ['ForeignGroup', 'Group', 'ServicePrincipal', 'User'], '--role': any, '--scope': any },
  },
  'aks command invoke': {
    learnUrl: `${L}aks/command#az-aks-command-invoke`,
    flags: { '--resource-group': any, '--name': any, '--command': any, '--file': any },
  },
};
