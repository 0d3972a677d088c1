/**
 * Catalogue rows for the rules of src/core/validate/rules-2026.ts: `bad` turns the clean base design into one
 * that triggers the rule, `fix` into its fixed twin. The numbers are worked in src/core/validate/rules-2026.test.ts.
 */
import type { Design } from '../src/core/index';
import { oneClusterDesign } from '../src/core/ipam/test-design';
import { routeTable, spokeFirewall, tableOnSubnet, viaAppliance } from '../src/core/test-elements';
import { addSubnet, cluster, pool, vnet, type Fixture } from './fixtures-foundation';

const natOnNodes = (d: Design, sku?: 'StandardV2') => {
  d.natGateways.push({
    id: 'nat',
    name: 'nat',
    ...(sku ? { sku } : {}),
    publicIpIds: ['pip-nat'],
    idleTimeoutMinutes: 4,
  });
  d.publicIps.push({ id: 'pip-nat', name: 'pip-nat', sku: 'Standard' });
  vnet(d).subnets[0]!.natGatewayId = 'nat';
};

const firewall = (d: Design, tier: 'Basic' | 'Standard', ips = 1) =>
  void spokeFirewall(d, { tier, publicIps: ips, dnsProxy: true });

const secondVnet = (d: Design, subnet: Design['vnets'][number]['subnets'][number]) =>
  d.vnets.push({ id: 'v2', name: 'vnet-two', addressSpaces: ['10.250.0.0/16'], subnets: [subnet] });

const staticBase = () =>
  oneClusterDesign({ cluster: { podIpAllocation: 'staticBlock' }, pool: { podSubnetId: 'pods', maxPods: 31 } });

export const FIXTURES_2026: Record<string, Fixture> = {
  'managed-nat-gateway-custom-vnet': {
    bad: (d) => void (cluster(d).outboundType = 'managedNATGateway'),
    fix: (d) => {
      cluster(d).outboundType = 'userAssignedNATGateway';
      natOnNodes(d);
    },
  },
  'nat-gateway-managed-ip-count': {
    bad: (d) => Object.assign(cluster(d), { outboundType: 'managedNATGateway', natGatewayManagedIpCount: 17 }),
    fix: (d) => void (cluster(d).natGatewayManagedIpCount = 16),
  },
  'load-balancer-managed-ip-count': {
    bad: (d) =>
      void (cluster(d).loadBalancerProfile = {
        managedOutboundIpCount: 101,
        allocatedOutboundPorts: 0,
        idleTimeoutMinutes: 30,
      }),
    fix: (d) => void (cluster(d).loadBalancerProfile!.managedOutboundIpCount = 100),
  },
  'public-ip-basic-retired': {
    bad: (d) => void d.publicIps.push({ id: 'pip', name: 'pip-old', sku: 'Basic' }),
    fix: (d) => void (d.publicIps[0]!.sku = 'Standard'),
  },
  'nat-gateway-public-ip-sku': {
    bad: (d) => natOnNodes(d, 'StandardV2'),
    fix: (d) => void (d.publicIps[0]!.sku = 'StandardV2'),
  },
  'firewall-basic-management-subnet': {
    bad: (d) => firewall(d, 'Basic'),
    fix: (d) => void (d.firewalls[0]!.managementSubnetId = 'fwm'),
  },
  'firewall-management-subnet-vnet': {
    bad: (d) => {
      firewall(d, 'Basic');
      secondVnet(d, {
        id: 'fwm2',
        name: 'AzureFirewallManagementSubnet',
        cidr: '10.250.0.0/26',
        purpose: 'firewall-management',
      });
      d.firewalls[0]!.managementSubnetId = 'fwm2';
    },
    fix: (d) => void (d.firewalls[0]!.managementSubnetId = 'fwm'),
  },
  'pool-surge-node-limit': {
    bad: (d) => void (pool(d).count = 1000),
    fix: (d) => void (pool(d).count = 999),
  },
  'cluster-surge-node-limit': {
    bad: (d) => {
      const base = pool(d);
      cluster(d).tier = 'standard';
      cluster(d).nodePools = Array.from({ length: 5 }, (_, i) => ({
        ...base,
        id: `p${i}`,
        name: `pool${i}`,
        count: 1000,
      }));
    },
    fix: (d) => cluster(d).nodePools.forEach((p) => (p.count = 999)),
  },
  'free-tier-node-limit': {
    bad: (d) => void (pool(d).count = 1000),
    fix: (d) => void (cluster(d).tier = 'standard'),
  },
  'free-tier-node-count': {
    bad: (d) => void (pool(d).count = 9),
    fix: (d) => void (pool(d).count = 8),
  },
  'vnet-pod-address-limit': {
    bad: (d) => {
      cluster(d).tier = 'standard';
      Object.assign(pool(d), { count: 261, maxPods: 250 });
    },
    fix: (d) => void (pool(d).count = 260),
  },
  'public-address-space': {
    bad: (d) => void vnet(d).addressSpaces.push('20.40.0.0/16'),
    fix: (d) => void (vnet(d).addressSpaces[1] = '100.64.0.0/16'),
  },
  'pod-subnet-vnet': {
    bad: (d) => {
      cluster(d).podIpAllocation = 'dynamicPodSubnet';
      pool(d).podSubnetId = 'pods2';
      secondVnet(d, { id: 'pods2', name: 'snet-pods-far', cidr: '10.250.0.0/18', purpose: 'aks-pods' });
    },
    fix: (d) => void (pool(d).podSubnetId = 'pods'),
  },
  'static-block-kubernetes-version': {
    base: staticBase,
    bad: (d) => void (cluster(d).kubernetesVersion = '1.27.9'),
    fix: (d) => void (cluster(d).kubernetesVersion = '1.28'),
  },
  'static-block-pod-subnet-size': {
    base: staticBase,
    bad: (d) => {
      vnet(d).addressSpaces = ['10.0.0.0/8'];
      vnet(d).subnets[1]!.cidr = '10.32.0.0/11';
    },
    fix: (d) => void (vnet(d).subnets[1]!.cidr = '10.32.0.0/12'),
  },
  'static-block-max-pods-waste': {
    base: staticBase,
    bad: (d) => void (pool(d).maxPods = 32),
    fix: (d) => void (pool(d).maxPods = 31),
  },
  'windows-max-pods': {
    bad: (d) => Object.assign(pool(d), { osType: 'Windows', maxPods: 111 }),
    fix: (d) => void (pool(d).maxPods = 110),
  },
  'apiserver-subnet-vnet': {
    bad: (d) => {
      Object.assign(cluster(d), { apiServerVnetIntegration: true, apiServerSubnetId: 'api' });
      secondVnet(d, { id: 'api', name: 'snet-api', cidr: '10.250.0.0/28', purpose: 'apiserver' });
    },
    fix: (d) => {
      d.vnets[1]!.subnets = [];
      addSubnet(d, { id: 'api', name: 'snet-api', cidr: '10.240.8.0/28', purpose: 'apiserver' });
    },
  },
  'azure-npm-linux-retirement': {
    bad: (d) => void (cluster(d).networkPolicy = 'azure'),
    fix: (d) => void (cluster(d).networkPolicy = 'none'),
  },
  'kubenet-retirement': {
    bad: (d) => void (cluster(d).networkPlugin = 'kubenet'),
    fix: (d) => void (cluster(d).networkPlugin = 'azure'),
  },
  'firewall-fqdn-network-rule-dns-proxy': {
    bad: (d) => {
      cluster(d).outboundType = 'userDefinedRouting';
      firewall(d, 'Standard', 20);
      d.firewalls[0]!.dnsProxy = false;
      tableOnSubnet(d, 'nodes', routeTable('rt', 'rt-fw', [viaAppliance('10.240.8.4')]));
    },
    fix: (d) => void (d.firewalls[0]!.dnsProxy = true),
  },
  'firewall-snat-capacity': {
    bad: (d) => {
      cluster(d).outboundType = 'userDefinedRouting';
      firewall(d, 'Standard', 3);
    },
    fix: (d) => {
      const pips = Array.from({ length: 17 }, (_, i) => ({
        id: `px${i}`,
        name: `pip-fw-x${i}`,
        sku: 'Standard' as const,
      }));
      d.publicIps.push(...pips);
      d.firewalls[0]!.publicIpIds.push(...pips.map((p) => p.id));
    },
  },
};
