/**
 * Catalogue rows for the Application Gateway for Containers rules. The base is the feature design: agc-spoke
 * associated with snet-agc (10.1.10.0/24, delegated), used by the Overlay cluster aks-overlay in the same VNet.
 */
import type { Design } from '../src/core/index';
import { featureDesign } from '../src/export/test-feature-design';
import { subnet, type Fixture } from './fixtures-foundation';

const agc = (d: Design) => d.appGatewaysForContainers[0]!;
const agcSubnet = (d: Design) => subnet(d, 's-agc');
/** Sets snet-agc to `cidr`; the fixed twins put it back at its /24. */
const agcCidr = (cidr: string) => (d: Design) => (agcSubnet(d).cidr = cidr);
const second = (d: Design) =>
  d.appGatewaysForContainers.push({ ...agc(d), id: 'agc2', name: 'agc-two', frontends: [] });

/** Moves the gateway's association to a delegated snet-agc-hub (10.3.0.0/24) in vnet-hub, peered with the nodes. */
export function agcInHub(d: Design): void {
  const hub = d.vnets.find((v) => v.id === 'hub')!;
  hub.addressSpaces.push('10.3.0.0/24');
  hub.subnets.push({
    id: 's-agc-hub',
    name: 'snet-agc-hub',
    cidr: '10.3.0.0/24',
    purpose: 'general',
    delegation: 'Microsoft.ServiceNetworking/trafficControllers',
  });
  agc(d).subnetId = 's-agc-hub';
}

const ROWS: Record<string, Omit<Fixture, 'base'>> = {
  'agc-kubenet': {
    bad: (d) => {
      agc(d).clusterId = 'aks1';
      d.clusters[0]!.networkPlugin = 'kubenet';
    },
    fix: (d) => (d.clusters[0]!.networkPlugin = 'azure'),
  },
  'agc-subnet-delegation': {
    bad: (d) => delete agcSubnet(d).delegation,
    fix: (d) => (agcSubnet(d).delegation = 'Microsoft.ServiceNetworking/trafficControllers'),
  },
  'agc-subnet-size': { bad: agcCidr('10.1.10.0/25'), fix: agcCidr('10.1.10.0/24') },
  'agc-subnet-dedicated': {
    bad: (d) => (d.privateEndpoints[0]!.subnetId = 's-agc'),
    fix: (d) => (d.privateEndpoints[0]!.subnetId = 's-pe'),
  },
  'agc-overlay-subnet-24': { bad: agcCidr('10.1.10.0/23'), fix: agcCidr('10.1.10.0/24') },
  'agc-subnet-upgrade-24': {
    bad: (d) => {
      agc(d).clusterId = 'aks1';
      agcCidr('10.1.10.0/23')(d);
    },
    fix: agcCidr('10.1.10.0/24'),
  },
  'agc-overlay-subnet-shared': { bad: second, fix: (d) => d.appGatewaysForContainers.pop() },
  'agc-overlay-peered': { bad: agcInHub, fix: (d) => (agc(d).subnetId = 's-agc') },
};

/** Every row starts from the feature design. */
export const AGC_FIXTURES: Record<string, Fixture> = Object.fromEntries(
  Object.entries(ROWS).map(([id, row]) => [id, { base: featureDesign, ...row }]),
);
