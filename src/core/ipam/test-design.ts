/** Small designs for the planning tests: one VNet, one node subnet, one cluster with one pool. */
import { emptyDesign, type Cluster, type Design, type NodePool } from '../model';

export function oneClusterDesign(opts: {
  cluster?: Partial<Cluster>;
  pool?: Partial<NodePool>;
  nodeCidr?: string;
  podCidr?: string;
}): Design {
  const d = emptyDesign();
  d.vnets.push({
    id: 'vnet',
    name: 'vnet-spoke',
    addressSpaces: ['10.240.0.0/16'],
    subnets: [
      { id: 'nodes', name: 'snet-nodes', cidr: opts.nodeCidr ?? '10.240.0.0/22', purpose: 'aks-nodes' },
      { id: 'pods', name: 'snet-pods', cidr: opts.podCidr ?? '10.240.64.0/18', purpose: 'aks-pods' },
    ],
  });
  d.clusters.push({
    id: 'aks',
    name: 'aks-one',
    networkPlugin: 'azure',
    networkDataplane: 'azure',
    networkPolicy: 'none',
    podIpAllocation: 'nodeSubnet',
    serviceCidr: '10.0.0.0/16',
    dnsServiceIp: '10.0.0.10',
    outboundType: 'loadBalancer',
    privateCluster: false,
    apiServerVnetIntegration: false,
    ...opts.cluster,
    nodePools: [
      {
        id: 'pool',
        name: 'system',
        mode: 'System',
        osType: 'Linux',
        vmSize: 'Standard_D4ds_v5',
        count: 3,
        nodeSubnetId: 'nodes',
        ...opts.pool,
      },
    ],
  });
  return d;
}
