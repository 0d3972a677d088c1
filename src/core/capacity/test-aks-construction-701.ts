/**
 * The deployment of Azure/AKS-Construction issue #701 (release 0.10.5): networkPluginMode Overlay, the template's
 * default podCidr 10.240.100.0/22, agentCount 1 with the autoscaler on, on a bring-your-own subnet (k8s-cluster).
 * Azure answered "Pre-allocated IPs 1280 exceeds IPs available 1024 in Subnet Cidr 10.240.100.0/22, Subnet Name
 * networkProfile.podCIDR": 1,280 / 256 per node = 5 nodes at max + surge, so max 4 and the default surge of 1.
 */
import type { Design } from '../model';
import { oneClusterDesign } from '../ipam/test-design';

export function aksConstruction701(): Design {
  const d = oneClusterDesign({
    cluster: {
      name: 'aks-resource-group',
      networkPlugin: 'azure',
      networkPluginMode: 'overlay',
      podCidr: '10.240.100.0/22',
    },
    pool: { name: 'systempool1', vmSize: 'Standard_B2als_v2', count: 1, autoscale: { min: 1, max: 4 } },
  });
  d.vnets[0]!.addressSpaces = ['10.1.0.0/16'];
  d.vnets[0]!.subnets = [{ id: 'nodes', name: 'k8s-cluster', cidr: '10.1.0.0/22', purpose: 'aks-nodes' }];
  return d;
}
