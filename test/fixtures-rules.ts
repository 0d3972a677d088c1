/**
 * Catalogue fixtures for the special-subnet route and NSG rules, cluster settings, names and feature
 * combinations: `bad` turns the clean base into a design that triggers the rule, `fix` into its fixed twin.
 */
import type { Design, NextHopType, NodePool, RouteTable, Subnet } from '../src/core/index';
import { oneClusterDesign } from '../src/core/ipam/test-design';
import { addPool, route, routeTable } from '../src/core/test-elements';
import { addSubnet, cluster, pool, setCluster, subnet, type Fixture } from './fixtures-foundation';

const defaultRoute = (hop: NextHopType) => route('dflt', 'default', '0.0.0.0/0', hop);

/** The special subnets the fixtures add at 10.240.4.0, by id. */
const SPECIAL: Record<string, Pick<Subnet, 'name' | 'cidr' | 'purpose'>> = {
  fw: { name: 'AzureFirewallSubnet', cidr: '10.240.4.0/26', purpose: 'firewall' },
  mg: { name: 'AzureFirewallManagementSubnet', cidr: '10.240.4.0/26', purpose: 'firewall-management' },
  gw: { name: 'GatewaySubnet', cidr: '10.240.4.0/27', purpose: 'gateway' },
  bas: { name: 'AzureBastionSubnet', cidr: '10.240.4.0/26', purpose: 'bastion' },
};
/** Special subnet `id` with route table rt-<id> holding `routes`. */
const withTable = (d: Design, id: string, routes: RouteTable['routes'] = [], disableBgp = false) => {
  d.routeTables.push(routeTable(id, `rt-${id}`, routes, disableBgp));
  addSubnet(d, { id, ...SPECIAL[id]!, routeTableId: id });
};
/** Special subnet `id` with an empty NSG. */
const withNsg = (d: Design, id: string) => {
  d.nsgs.push({ id: 'nsg', name: 'nsg-x', rules: [] });
  addSubnet(d, { id, ...SPECIAL[id]!, nsgId: 'nsg' });
};
const windowsPool = (d: Design, extra: Partial<NodePool> = {}) =>
  addPool(d, { id: 'win', name: 'win1', osType: 'Windows', ...extra });
const secondCluster = (d: Design) => {
  const c = cluster(d);
  d.clusters.push({ ...c, id: 'aks2', name: 'aks-two', nodePools: c.nodePools.map((p) => ({ ...p, id: 'pool2' })) });
};

export const RULE_FIXTURES: Record<string, Fixture> = {
  'firewall-subnet-default-route': {
    bad: (d) => withTable(d, 'fw', [defaultRoute('VirtualNetworkGateway')]),
    fix: (d) => (d.routeTables[0]!.routes[0]!.nextHopType = 'Internet'),
  },
  'firewall-management-default-route': {
    bad: (d) => withTable(d, 'mg', [defaultRoute('VirtualAppliance')], true),
    fix: (d) => (d.routeTables[0]!.routes[0]!.nextHopType = 'Internet'),
  },
  'firewall-management-bgp-propagation': {
    bad: (d) => withTable(d, 'mg', [defaultRoute('Internet')], false),
    fix: (d) => (d.routeTables[0]!.disableBgpRoutePropagation = true),
  },
  'gateway-subnet-nsg': {
    bad: (d) => withNsg(d, 'gw'),
    fix: (d) => delete subnet(d, 'gw').nsgId,
  },
  'gateway-subnet-bgp-propagation': {
    bad: (d) => withTable(d, 'gw', [], true),
    fix: (d) => (d.routeTables[0]!.disableBgpRoutePropagation = false),
  },
  'gateway-subnet-default-route': {
    bad: (d) => withTable(d, 'gw', [defaultRoute('Internet')]),
    fix: (d) => (d.routeTables[0]!.routes = []),
  },
  'bastion-subnet-route-table': {
    bad: (d) => withTable(d, 'bas'),
    fix: (d) => delete subnet(d, 'bas').routeTableId,
  },
  'firewall-subnet-nsg': {
    bad: (d) => withNsg(d, 'fw'),
    fix: (d) => delete subnet(d, 'fw').nsgId,
  },
  'dns-service-ip-outside': {
    bad: (d) => (cluster(d).dnsServiceIp = '10.1.0.10'),
    fix: (d) => (cluster(d).dnsServiceIp = '10.0.0.10'),
  },
  'dns-service-ip-reserved': {
    bad: (d) => (cluster(d).dnsServiceIp = '10.0.0.1'),
    fix: (d) => (cluster(d).dnsServiceIp = '10.0.0.10'),
  },
  'service-cidr-too-large': {
    bad: (d) => (cluster(d).serviceCidr = '10.0.0.0/12'),
    fix: (d) => (cluster(d).serviceCidr = '10.0.0.0/13'),
  },
  // A /30 has 4 − 2 = 2 addresses for kubernetes + kube-dns + 1 load-balanced Service; a /29 has 6.
  'service-cidr-capacity': {
    bad: (d) => {
      setCluster(d, { serviceCidr: '10.0.0.0/30', dnsServiceIp: '10.0.0.2' });
      d.loadBalancers.push({
        id: 'lb',
        name: 'kubernetes-internal',
        type: 'internal',
        clusterId: 'aks',
        frontends: [{ id: 'f', name: 'web', namespace: 'default', port: 80, targetPort: 80, appLabel: 'web' }],
      });
    },
    fix: (d) => (cluster(d).serviceCidr = '10.0.0.0/29'),
  },
  'max-pods-range': { bad: (d) => (pool(d).maxPods = 251), fix: (d) => (pool(d).maxPods = 250) },
  // 2 nodes × 10 pods = 20 < 30; 3 × 10 = 30.
  'pool-min-pods': {
    bad: (d) => {
      pool(d).maxPods = 10;
      pool(d).count = 2;
    },
    fix: (d) => (pool(d).count = 3),
  },
  // 400 nodes + 1 surge = 401 > 400; 399 + 1 = 400.
  'kubenet-node-limit': {
    base: () =>
      oneClusterDesign({ cluster: { networkPlugin: 'kubenet', podCidr: '10.200.0.0/14' }, nodeCidr: '10.240.0.0/20' }),
    bad: (d) => (pool(d).count = 400),
    fix: (d) => (pool(d).count = 399),
  },
  // A /22 pod CIDR holds 2^(24 − 22) = 4 node /24s: 4 + 1 surge do not fit, 3 + 1 do.
  'pod-cidr-capacity': {
    base: () => oneClusterDesign({ cluster: { networkPluginMode: 'overlay', podCidr: '192.168.0.0/22' } }),
    bad: (d) => (pool(d).count = 4),
    fix: (d) => (pool(d).count = 3),
  },
  'invalid-name': { bad: (d) => (cluster(d).name = 'aks one!'), fix: (d) => (cluster(d).name = 'aks-one') },
  'pool-name': { bad: (d) => (pool(d).name = 'System1'), fix: (d) => (pool(d).name = 'system1') },
  'cilium-dataplane-network-model': {
    base: () => oneClusterDesign({ cluster: { networkPlugin: 'kubenet' } }),
    bad: (d) => (cluster(d).networkDataplane = 'cilium'),
    fix: (d) => setCluster(d, { networkPlugin: 'azure', networkPluginMode: 'overlay' }),
  },
  'cilium-dataplane-policy': {
    bad: (d) => setCluster(d, { networkDataplane: 'cilium', networkPolicy: 'calico' }),
    fix: (d) => (cluster(d).networkPolicy = 'cilium'),
  },
  'cilium-windows-pool': {
    base: () => oneClusterDesign({ cluster: { networkDataplane: 'cilium', networkPolicy: 'cilium' } }),
    bad: (d) => windowsPool(d),
    fix: (d) => cluster(d).nodePools.pop(),
  },
  'cilium-policy-dataplane': {
    bad: (d) => (cluster(d).networkPolicy = 'cilium'),
    fix: (d) => (cluster(d).networkDataplane = 'cilium'),
  },
  'azure-npm-kubenet': {
    base: () => oneClusterDesign({ cluster: { networkPlugin: 'kubenet' } }),
    bad: (d) => (cluster(d).networkPolicy = 'azure'),
    fix: (d) => (cluster(d).networkPolicy = 'calico'),
  },
  'azure-npm-windows-retired': {
    base: () => oneClusterDesign({ cluster: { networkPolicy: 'azure' } }),
    bad: (d) => windowsPool(d),
    fix: (d) => (cluster(d).networkPolicy = 'calico'),
  },
  // 250 nodes + 1 surge = 251 > 250; 249 + 1 = 250.
  'azure-npm-node-limit': {
    base: () =>
      oneClusterDesign({ cluster: { networkPluginMode: 'overlay', podCidr: '10.100.0.0/16', networkPolicy: 'azure' } }),
    bad: (d) => (pool(d).count = 250),
    fix: (d) => (pool(d).count = 249),
  },
  'kubenet-windows-pool': {
    base: () => oneClusterDesign({ cluster: { networkPlugin: 'kubenet' } }),
    bad: (d) => windowsPool(d, { name: 'win1' }),
    fix: (d) => cluster(d).nodePools.pop(),
  },
  'pod-subnet-missing': {
    bad: (d) => (cluster(d).podIpAllocation = 'dynamicPodSubnet'),
    fix: (d) => (pool(d).podSubnetId = 'pods'),
  },
  'pod-subnet-unused': { bad: (d) => (pool(d).podSubnetId = 'pods'), fix: (d) => delete pool(d).podSubnetId },
  'max-surge-invalid': { bad: (d) => (pool(d).maxSurge = '150%'), fix: (d) => (pool(d).maxSurge = '100%') },
  'overlay-name-length': {
    base: () => oneClusterDesign({ cluster: { networkPluginMode: 'overlay' } }),
    bad: (d) => (d.vnets[0]!.name = 'v'.repeat(64)),
    fix: (d) => (d.vnets[0]!.name = 'v'.repeat(63)),
  },
  'system-pool-required': { bad: (d) => (pool(d).mode = 'User'), fix: (d) => (pool(d).mode = 'System') },
  'nat-gateway-missing': {
    bad: (d) => (cluster(d).outboundType = 'userAssignedNATGateway'),
    fix: (d) => {
      d.publicIps.push({ id: 'pip', name: 'pip-nat', sku: 'Standard' });
      d.natGateways.push({ id: 'nat', name: 'nat-aks', publicIpIds: ['pip'], idleTimeoutMinutes: 4 });
      subnet(d, 'nodes').natGatewayId = 'nat';
    },
  },
  'apiserver-subnet-missing': {
    bad: (d) => (cluster(d).apiServerVnetIntegration = true),
    fix: (d) => {
      addSubnet(d, {
        id: 'api',
        name: 'snet-api',
        cidr: '10.240.4.0/28',
        purpose: 'apiserver',
        delegation: 'Microsoft.ContainerService/managedClusters',
      });
      cluster(d).apiServerSubnetId = 'api';
    },
  },
  'private-cluster-authorized-ranges': {
    base: () => oneClusterDesign({ cluster: { privateCluster: true } }),
    bad: (d) => (cluster(d).authorizedIpRanges = ['203.0.113.0/24']),
    fix: (d) => (cluster(d).authorizedIpRanges = []),
  },
  'outbound-none-isolated': {
    bad: (d) => (cluster(d).outboundType = 'none'),
    fix: (d) => (cluster(d).outboundType = 'loadBalancer'),
  },
  'kubenet-subnet-shared': {
    base: () => oneClusterDesign({ cluster: { networkPlugin: 'kubenet' } }),
    bad: secondCluster,
    fix: (d) => {
      addSubnet(d, { id: 'nodes2', name: 'snet-nodes2', cidr: '10.240.4.0/24', purpose: 'aks-nodes' });
      d.clusters[1]!.nodePools[0]!.nodeSubnetId = 'nodes2';
    },
  },
  'pod-subnet-mixed-allocation': {
    base: () => oneClusterDesign({ cluster: { podIpAllocation: 'dynamicPodSubnet' }, pool: { podSubnetId: 'pods' } }),
    bad: (d) => {
      secondCluster(d);
      d.clusters[1]!.podIpAllocation = 'staticBlock';
    },
    fix: (d) => (d.clusters[1]!.podIpAllocation = 'dynamicPodSubnet'),
  },
};
