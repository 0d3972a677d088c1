/**
 * Azure/AKS-Construction issue #701. What the issue states: `az deployment group create` of release 0.10.5's
 * main.json with resourceName=aks-resource-group, kubernetesVersion=1.29.4, agentCount=1, agentVMSize=
 * Standard_B2als_v2, nodePoolName=systempool1, osSKU=AzureLinux, byoAKSSubnetId=.../subnets/k8s-cluster (the
 * command goes on past what the stored copy of the issue shows), and Azure's answer "Pre-allocated IPs 1280 exceeds
 * IPs available 1024 in Subnet Cidr 10.240.100.0/22, Subnet Name networkProfile.podCIDR". It states no autoscaler
 * maximum and no network plugin mode; a podCIDR check means Overlay (kubenet fails as InsufficientPodCidr), and
 * 10.240.100.0/22 is the template's default podCidr.
 */
import type { Design, NodePool } from '../model';
import { oneClusterDesign } from '../ipam/test-design';

/** The cluster of the issue's parameters (Overlay with the template's podCidr) on its k8s-cluster subnet. */
function issueCluster(pool: Partial<NodePool>): Design {
  const d = oneClusterDesign({
    cluster: {
      name: 'aks-resource-group',
      networkPlugin: 'azure',
      networkPluginMode: 'overlay',
      podCidr: '10.240.100.0/22',
    },
    pool,
  });
  d.vnets[0]!.addressSpaces = ['10.1.0.0/16'];
  d.vnets[0]!.subnets = [{ id: 'nodes', name: 'k8s-cluster', cidr: '10.1.0.0/22', purpose: 'aks-nodes' }];
  return d;
}

/**
 * One pool whose peak matches Azure's figure: 1,280 / 256 per node = 5 nodes at max + surge, taken as max 4 and
 * the default surge of 1. The maximum is inferred from Azure's number, not stated in the issue.
 */
export function aksConstruction701(): Design {
  return issueCluster({ name: 'systempool1', vmSize: 'Standard_B2als_v2', count: 1, autoscale: { min: 1, max: 4 } });
}

/**
 * The pools release 0.10.5 deploys for the stated parameters (bicep/main.bicep and bicep/aksagentpool.bicep at tag
 * 0.10.5): JustUseSystemPool defaults to false, so a system pool "npsystem" from the CostOptimised preset
 * (count 1, autoscaler 1 to 3, Standard_B4ms, maxPods 30, maxSurge 33%) and the user pool "systempool1" with
 * agentCount 1 and agentCountMax 0 (no autoscaler), maxPods 30, maxSurge 33%.
 */
export function aksConstruction701Template(): Design {
  const d = issueCluster({
    name: 'npsystem',
    vmSize: 'Standard_B4ms',
    count: 1,
    autoscale: { min: 1, max: 3 },
    maxPods: 30,
    maxSurge: '33%',
  });
  const system = d.clusters[0]!.nodePools[0]!;
  d.clusters[0]!.nodePools.push({
    ...system,
    id: 'user',
    name: 'systempool1',
    mode: 'User',
    vmSize: 'Standard_B2als_v2',
    count: 1,
    autoscale: undefined,
  });
  delete d.clusters[0]!.nodePools[1]!.autoscale;
  return d;
}
