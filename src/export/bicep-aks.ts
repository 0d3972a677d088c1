/** The managed cluster: network profile, agent pools, API server access and the AGIC add-on. */
import { designIndex, networkModelOf, type Cluster, type Design } from '../core/index';
import { ex, prefixed, type BResource, type BVal, type Symbols } from './bicep-writer';
import { located, res } from './bicep-network';
import { exportedAuthorizedRanges, exportedMaxPods, exportedOutbound } from './export-fallbacks';
import { servicesNeedNetworkRole } from './k8s-yaml';

function networkProfile(d: Design, c: Cluster, sym: Symbols): BVal {
  const model = networkModelOf(c);
  const lb = c.loadBalancerProfile;
  const outboundType = exportedOutbound(d, c).outboundType;
  return {
    networkPlugin: c.networkPlugin,
    networkPluginMode: c.networkPluginMode,
    networkDataplane: c.networkDataplane === 'cilium' ? 'cilium' : undefined,
    networkPolicy: c.networkPolicy === 'none' ? undefined : c.networkPolicy,
    podCidr: model === 'kubenet' || model === 'azure-cni-overlay' ? c.podCidr : undefined,
    serviceCidr: c.serviceCidr,
    dnsServiceIP: c.dnsServiceIp,
    outboundType,
    loadBalancerSku: 'standard',
    loadBalancerProfile:
      outboundType === 'loadBalancer' && lb
        ? {
            managedOutboundIPs: lb.outboundPublicIpIds?.length ? undefined : { count: lb.managedOutboundIpCount },
            outboundIPs: lb.outboundPublicIpIds?.length
              ? { publicIPs: lb.outboundPublicIpIds.map((id) => ({ id: sym.id(id) ?? id })) }
              : undefined,
            allocatedOutboundPorts: lb.allocatedOutboundPorts > 0 ? lb.allocatedOutboundPorts : undefined,
            idleTimeoutInMinutes: lb.idleTimeoutMinutes,
          }
        : undefined,
  };
}

function agentPools(c: Cluster, sym: Symbols): BVal[] {
  const model = networkModelOf(c);
  return c.nodePools.map((p) => ({
    name: p.name,
    mode: p.mode,
    osType: p.osType,
    vmSize: p.vmSize,
    type: 'VirtualMachineScaleSets',
    count: p.count,
    enableAutoScaling: p.autoscale ? true : undefined,
    minCount: p.autoscale?.min,
    maxCount: p.autoscale?.max,
    maxPods: exportedMaxPods(c, p),
    vnetSubnetID: sym.id(p.nodeSubnetId),
    podSubnetID: sym.id(p.podSubnetId),
    podIPAllocationMode: model === 'azure-cni-pod-subnet-static' && p.podSubnetId ? 'StaticBlock' : undefined,
    availabilityZones: p.zones?.length ? p.zones : undefined,
    upgradeSettings: p.maxSurge ? { maxSurge: p.maxSurge } : undefined,
  }));
}

/** Network Contributor, a built-in role. https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/networking#network-contributor */
const NETWORK_CONTRIBUTOR = '4d97b98b-1d4f-4787-a291-c67834d212e7';

/** The cluster identity manages its Services' static public IPs and ILB subnets in this resource group. */
function networkRole(c: Cluster, sym: Symbols, cluster: string): BResource {
  return res(
    'Microsoft.Authorization/roleAssignments',
    sym.name(`${c.id}:network-role`, `${cluster}_network_contributor`),
    {
      name: ex(`guid(resourceGroup().id, ${cluster}.id, '${NETWORK_CONTRIBUTOR}')`),
      properties: {
        principalId: ex(`${cluster}.identity.principalId`),
        principalType: 'ServicePrincipal',
        roleDefinitionId: ex(
          `subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${NETWORK_CONTRIBUTOR}')`,
        ),
      },
    },
    `${c.name}: its identity manages load balancer IPs and subnets in this resource group`,
  );
}

export function aksResources(d: Design, sym: Symbols): BResource[] {
  return d.clusters.flatMap((c) => {
    const agic = designIndex(d).appGatewaysOfCluster.get(c.id)?.[0];
    const apiAccess: BVal = {
      enablePrivateCluster: c.privateCluster || undefined,
      privateDNSZone: c.privateCluster ? c.privateDnsZone : undefined,
      enableVnetIntegration: c.apiServerVnetIntegration || undefined,
      subnetId: c.apiServerVnetIntegration ? sym.id(c.apiServerSubnetId) : undefined,
      authorizedIPRanges: exportedAuthorizedRanges(c).length ? exportedAuthorizedRanges(c) : undefined,
    };
    const hasAccess = Object.values(apiAccess).some((v) => v !== undefined);
    // With userDefinedRouting the firewall must exist before the cluster checks its egress.
    const dependsOn =
      c.outboundType === 'userDefinedRouting'
        ? d.firewalls.flatMap((f) => (sym.get(f.id) ? [ex(sym.get(f.id)!)] : []))
        : [];
    const cluster = sym.name(c.id, `aks_${c.name}`);
    const note = exportedOutbound(d, c).note;
    const aks = located(
      'Microsoft.ContainerService/managedClusters',
      cluster,
      c.name,
      {
        identity: { type: 'SystemAssigned' },
        sku: { name: 'Base', tier: c.tier === 'premium' ? 'Premium' : c.tier === 'standard' ? 'Standard' : 'Free' },
        properties: {
          kubernetesVersion: c.kubernetesVersion,
          dnsPrefix: prefixed(c.name),
          agentPoolProfiles: agentPools(c, sym),
          networkProfile: networkProfile(d, c, sym),
          apiServerAccessProfile: hasAccess ? apiAccess : undefined,
          addonProfiles: agic
            ? { ingressApplicationGateway: { enabled: true, config: { applicationGatewayId: sym.id(agic.id) } } }
            : undefined,
        },
        dependsOn: dependsOn.length ? dependsOn : undefined,
      },
      `AKS cluster ${c.name} (${networkModelOf(c)})${note ? `; ${note}` : ''}`,
    );
    return servicesNeedNetworkRole(d, c) ? [aks, networkRole(c, sym, cluster)] : [aks];
  });
}
