/**
 * Catalogue rows for the Application Gateway for Containers rules. The base is the feature design: agc-spoke
 * associated with snet-agc (10.1.10.0/24, delegated), used by the Overlay cluster aks-overlay in the same VNet.
 */
import type { Design } from '../src/core/index';
import { featureDesign } from '../src/export/test-feature-design';
import type { Fixture } from './fixtures-foundation';

const subnet = (d: Design, id: string) => d.vnets.flatMap((v) => v.subnets).find((s) => s.id === id)!;
const agc = (d: Design) => d.appGatewaysForContainers[0]!;
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

export const AGC_FIXTURES: Record<string, Fixture> = {
  'agc-kubenet': {
    base: featureDesign,
    bad: (d) => {
      agc(d).clusterId = 'aks1';
      d.clusters[0]!.networkPlugin = 'kubenet';
    },
    fix: (d) => (d.clusters[0]!.networkPlugin = 'azure'),
  },
  'agc-subnet-delegation': {
    base: featureDesign,
    bad: (d) => delete subnet(d, 's-agc').delegation,
    fix: (d) => (subnet(d, 's-agc').delegation = 'Microsoft.ServiceNetworking/trafficControllers'),
  },
  'agc-subnet-size': {
    base: featureDesign,
    bad: (d) => (subnet(d, 's-agc').cidr = '10.1.10.0/25'),
    fix: (d) => (subnet(d, 's-agc').cidr = '10.1.10.0/24'),
  },
  'agc-subnet-dedicated': {
    base: featureDesign,
    bad: (d) => (d.privateEndpoints[0]!.subnetId = 's-agc'),
    fix: (d) => (d.privateEndpoints[0]!.subnetId = 's-pe'),
  },
  'agc-overlay-subnet-24': {
    base: featureDesign,
    bad: (d) => (subnet(d, 's-agc').cidr = '10.1.10.0/23'),
    fix: (d) => (subnet(d, 's-agc').cidr = '10.1.10.0/24'),
  },
  'agc-subnet-upgrade-24': {
    base: featureDesign,
    bad: (d) => {
      agc(d).clusterId = 'aks1';
      subnet(d, 's-agc').cidr = '10.1.10.0/23';
    },
    fix: (d) => (subnet(d, 's-agc').cidr = '10.1.10.0/24'),
  },
  'agc-overlay-subnet-shared': {
    base: featureDesign,
    bad: second,
    fix: (d) => d.appGatewaysForContainers.pop(),
  },
  'agc-overlay-peered': {
    base: featureDesign,
    bad: agcInHub,
    fix: (d) => (agc(d).subnetId = 's-agc'),
  },
};
