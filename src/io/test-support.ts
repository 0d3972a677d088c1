/** Small valid documents for the io tests: one VNet, one subnet, one kubenet cluster with one pool. */
import { emptyDesign } from '../core/index';
import type { DesignDocument } from './schema';

export function makeMinimalDocument(): DesignDocument {
  return {
    format: 'aks-network-design',
    schemaVersion: 2,
    meta: { name: 'minimal' },
    design: {
      ...emptyDesign('eastus2'),
      vnets: [
        {
          id: 'vnet1',
          name: 'vnet-app',
          addressSpaces: ['10.10.0.0/16'],
          subnets: [{ id: 'snet1', name: 'snet-nodes', cidr: '10.10.0.0/24', purpose: 'aks-nodes' }],
        },
      ],
      clusters: [
        {
          id: 'aks1',
          name: 'aks-app',
          networkPlugin: 'kubenet',
          networkDataplane: 'azure',
          networkPolicy: 'none',
          podIpAllocation: 'nodeSubnet',
          podCidr: '10.244.0.0/16',
          serviceCidr: '10.0.0.0/16',
          dnsServiceIp: '10.0.0.10',
          outboundType: 'loadBalancer',
          privateCluster: false,
          apiServerVnetIntegration: false,
          nodePools: [
            {
              id: 'pool1',
              name: 'system',
              mode: 'System',
              osType: 'Linux',
              vmSize: 'Standard_D4ds_v5',
              count: 3,
              nodeSubnetId: 'snet1',
            },
          ],
        },
      ],
    },
    layout: { nodes: { vnet1: { x: 0, y: 0, w: 400, h: 250 }, snet1: { x: 20, y: 60, w: 320, h: 170 } } },
  };
}

/** The minimal document as raw JSON-like data, for tests that break it on purpose. */
export function makeRawDocument(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(makeMinimalDocument())) as Record<string, unknown>;
}
