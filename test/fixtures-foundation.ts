/**
 * Minimal designs for the catalogue test, one row per foundation rule: `bad` turns the clean base design into
 * one that triggers the rule, `fix` turns that into its fixed twin (the smallest change that clears it).
 */
import type { Cluster, Design, Subnet } from '../src/core/index';
import { oneClusterDesign } from '../src/core/ipam/test-design';
import { plainPeering, specialSubnet } from '../src/core/test-elements';

export interface Fixture {
  /** The clean design the row starts from (one VNet, a node subnet, one cluster with one pool by default). */
  base?: () => Design;
  bad: (d: Design) => void;
  fix: (d: Design) => void;
}

export const base = () => oneClusterDesign({});
export const vnet = (d: Design) => d.vnets[0]!;
export const cluster = (d: Design) => d.clusters[0]!;
export const pool = (d: Design) => cluster(d).nodePools[0]!;
/** Sets several fields of the first cluster at once (a service CIDR and its DNS IP change together). */
export const setCluster = (d: Design, fields: Partial<Cluster>) => Object.assign(cluster(d), fields);
export const subnet = (d: Design, id: string) => d.vnets.flatMap((v) => v.subnets).find((s) => s.id === id)!;
export const addSubnet = (d: Design, s: Omit<Subnet, 'purpose'> & Partial<Subnet>) =>
  vnet(d).subnets.push({ purpose: 'general', ...s });
/** A step that adds subnet `s` to the first VNet. */
const adds = (s: Omit<Subnet, 'purpose'> & Partial<Subnet>) => (d: Design) => addSubnet(d, s);
/** A step that sets `fields` of subnet `id`. */
const sets = (id: string, fields: Partial<Subnet>) => (d: Design) => Object.assign(subnet(d, id), fields);
const peer = (d: Design, a: string, b: string, id = `p-${a}-${b}`) => d.peerings.push(plainPeering(id, a, b));
const secondVnet = (d: Design, space: string) =>
  d.vnets.push({ id: 'v2', name: 'vnet-two', addressSpaces: [space], subnets: [] });
const site = (d: Design, prefix: string) =>
  d.onPremSites.push({
    id: 'op',
    name: 'dc1',
    addressPrefixes: [prefix],
    gateway: { vnetId: 'vnet', type: 'Vpn', sku: 'VpnGw1', bgp: true },
  });

export const FOUNDATION_FIXTURES: Record<string, Fixture> = {
  'invalid-cidr': {
    bad: sets('nodes', { cidr: '10.240.0.1/22' }),
    fix: sets('nodes', { cidr: '10.240.0.0/22' }),
  },
  'subnet-outside-vnet': {
    bad: adds({ id: 'x', name: 'snet-x', cidr: '10.9.0.0/24' }),
    fix: sets('x', { cidr: '10.240.8.0/24' }),
  },
  'subnet-overlap': {
    bad: adds({ id: 'x', name: 'snet-x', cidr: '10.240.0.0/24' }),
    fix: sets('x', { cidr: '10.240.8.0/24' }),
  },
  'vnet-address-space-overlap': {
    bad: (d) => vnet(d).addressSpaces.push('10.240.128.0/17'),
    fix: (d) => (vnet(d).addressSpaces[1] = '10.241.0.0/17'),
  },
  'peered-vnet-overlap': {
    bad: (d) => {
      secondVnet(d, '10.240.0.0/24');
      peer(d, 'vnet', 'v2');
    },
    fix: (d) => (d.vnets[1]!.addressSpaces[0] = '10.250.0.0/24'),
  },
  'vnet-overlap-shared-onprem': {
    bad: (d) => {
      d.vnets.push({ id: 'hub', name: 'vnet-hub', addressSpaces: ['10.0.0.0/24'], subnets: [] });
      secondVnet(d, '10.240.0.0/16');
      for (const spoke of ['vnet', 'v2']) {
        peer(d, 'hub', spoke);
        const p = d.peerings.at(-1)!;
        p.allowGatewayTransit = true;
        p.useRemoteGateways = true;
      }
      site(d, '192.168.0.0/16');
      d.onPremSites[0]!.gateway.vnetId = 'hub';
    },
    fix: (d) => (d.vnets[2]!.addressSpaces[0] = '10.241.0.0/16'),
  },
  'vnet-onprem-overlap': {
    bad: (d) => site(d, '10.240.128.0/20'),
    fix: (d) => (d.onPremSites[0]!.addressPrefixes[0] = '192.168.0.0/20'),
  },
  'pod-service-cidr-overlap': {
    bad: (d) => setCluster(d, { networkPluginMode: 'overlay', podCidr: '10.0.0.0/16' }),
    fix: (d) => (cluster(d).podCidr = '10.244.0.0/16'),
  },
  'pod-cidr-overlap': {
    bad: (d) => setCluster(d, { networkPluginMode: 'overlay', podCidr: '10.240.0.0/16' }),
    fix: (d) => (cluster(d).podCidr = '10.244.0.0/16'),
  },
  'service-cidr-overlap': {
    bad: (d) => setCluster(d, { serviceCidr: '10.240.0.0/24', dnsServiceIp: '10.240.0.10' }),
    fix: (d) => setCluster(d, { serviceCidr: '10.0.0.0/16', dnsServiceIp: '10.0.0.10' }),
  },
  'service-cidr-in-vnet-space': {
    bad: (d) => setCluster(d, { serviceCidr: '10.240.200.0/24', dnsServiceIp: '10.240.200.10' }),
    fix: (d) => setCluster(d, { serviceCidr: '10.0.0.0/16', dnsServiceIp: '10.0.0.10' }),
  },
  'vnet-reserved-range': {
    bad: (d) => d.vnets.push({ id: 'll', name: 'vnet-ll', addressSpaces: ['169.254.0.0/16'], subnets: [] }),
    fix: (d) => (d.vnets[1]!.addressSpaces[0] = '10.250.0.0/16'),
  },
  'aks-reserved-range': {
    bad: (d) => setCluster(d, { serviceCidr: '172.30.0.0/16', dnsServiceIp: '172.30.0.10' }),
    fix: (d) => setCluster(d, { serviceCidr: '10.0.0.0/16', dnsServiceIp: '10.0.0.10' }),
  },
  // 10 nodes + 1 surge with 30 pods each: 11 × 31 = 341 addresses; a /24 has 251, a /23 507.
  'subnet-too-small': {
    bad: (d) => {
      subnet(d, 'nodes').cidr = '10.240.0.0/24';
      pool(d).count = 10;
    },
    fix: sets('nodes', { cidr: '10.240.0.0/23' }),
  },
  'special-subnet-reserved-name': {
    bad: adds({ id: 'x', name: 'GatewaySubnet', cidr: '10.240.4.0/27' }),
    fix: sets('x', { name: 'snet-x' }),
  },
  'special-subnet-name': {
    bad: adds({ id: 'fw', name: 'snet-fw', cidr: '10.240.4.0/26', purpose: 'firewall' }),
    fix: sets('fw', { name: 'AzureFirewallSubnet' }),
  },
  'special-subnet-size': {
    bad: adds(specialSubnet('firewall', 'fw', '10.240.4.0/27')),
    fix: sets('fw', { cidr: '10.240.4.0/26' }),
  },
  'gateway-subnet-size-recommended': {
    bad: adds(specialSubnet('gateway', 'gw', '10.240.4.0/28')),
    fix: sets('gw', { cidr: '10.240.4.0/27' }),
  },
  'apiserver-subnet-delegation': {
    bad: adds({ id: 'api', name: 'snet-api', cidr: '10.240.4.0/28', purpose: 'apiserver' }),
    fix: sets('api', { delegation: 'Microsoft.ContainerService/managedClusters' }),
  },
  'apiserver-subnet-size': {
    bad: adds({
      id: 'api',
      name: 'snet-api',
      cidr: '10.240.4.0/29',
      purpose: 'apiserver',
      delegation: 'Microsoft.ContainerService/managedClusters',
    }),
    fix: sets('api', { cidr: '10.240.4.0/28' }),
  },
  'apiserver-subnet-dedicated': {
    bad: sets('nodes', { purpose: 'apiserver', delegation: 'Microsoft.ContainerService/managedClusters' }),
    fix: (d) => {
      subnet(d, 'nodes').purpose = 'aks-nodes';
      delete subnet(d, 'nodes').delegation;
    },
  },
  'appgw-subnet-dedicated': {
    bad: sets('nodes', { purpose: 'app-gateway' }),
    fix: sets('nodes', { purpose: 'aks-nodes' }),
  },
  'node-subnet-delegation': {
    bad: sets('nodes', { delegation: 'Microsoft.Web/serverFarms' }),
    fix: (d) => delete subnet(d, 'nodes').delegation,
  },
  'public-ip-unattached': {
    // What deleting a firewall's subnet leaves: its public IP, used by nothing.
    bad: (d) => d.publicIps.push({ id: 'pip', name: 'pip-fw-1', sku: 'Standard' }),
    fix: (d) => (d.publicIps = []),
  },
};
