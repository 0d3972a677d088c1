/**
 * `az aks create` with every networking flag the design implies, then `az aks nodepool add` for each further
 * pool. https://learn.microsoft.com/cli/azure/aks#az-aks-create
 */
import { designIndex, networkModelOf, type Cluster, type Design, type NodePool } from '../core/index';
import { az, childOf, createdAs, Flags, inGroup, type AzCommand } from './az-model';
import { exportedAuthorizedRanges, exportedMaxPods, exportedOutbound } from './export-fallbacks';
import { servicesNeedNetworkRole } from './k8s-yaml';
import { nameOf, nm, resourceId, subnetId } from './names';
import { concat, lit, param } from './shell';

function poolFlags(d: Design, c: Cluster, p: NodePool, f: Flags, prefix: 'node' | 'pool'): Flags {
  f.add(prefix === 'node' ? '--nodepool-name' : '--name', p.name)
    .add('--node-vm-size', p.vmSize)
    .add('--node-count', p.count);
  if (p.autoscale)
    f.switch('--enable-cluster-autoscaler').add('--min-count', p.autoscale.min).add('--max-count', p.autoscale.max);
  f.add('--max-pods', exportedMaxPods(c, p));
  f.add('--vnet-subnet-id', subnetId(d, p.nodeSubnetId)).add('--pod-subnet-id', subnetId(d, p.podSubnetId));
  // Static block allocation is a per-pool setting: every pool with a pod subnet states it.
  if (networkModelOf(c) === 'azure-cni-pod-subnet-static' && p.podSubnetId)
    f.add('--pod-ip-allocation-mode', 'StaticBlock');
  if (p.zones?.length) f.many('--zones', p.zones);
  return f;
}

function networkFlags(d: Design, c: Cluster, f: Flags): void {
  const model = networkModelOf(c);
  f.add('--network-plugin', c.networkPlugin);
  if (c.networkPluginMode) f.add('--network-plugin-mode', c.networkPluginMode);
  if (c.networkDataplane === 'cilium') f.add('--network-dataplane', 'cilium');
  if (c.networkPolicy !== 'none') f.add('--network-policy', c.networkPolicy);
  if (model === 'kubenet' || model === 'azure-cni-overlay') f.add('--pod-cidr', c.podCidr);
  const outbound = exportedOutbound(d, c).outboundType;
  f.add('--service-cidr', c.serviceCidr).add('--dns-service-ip', c.dnsServiceIp).add('--outbound-type', outbound);
  const lb = c.loadBalancerProfile;
  if (outbound === 'loadBalancer' && lb) {
    if (lb.outboundPublicIpIds?.length)
      f.many(
        '--load-balancer-outbound-ips',
        lb.outboundPublicIpIds.map((id) =>
          resourceId('Microsoft.Network/publicIPAddresses', ['', nameOf(d.publicIps, id) ?? id]),
        ),
      );
    else f.add('--load-balancer-managed-outbound-ip-count', lb.managedOutboundIpCount);
    if (lb.allocatedOutboundPorts > 0) f.add('--load-balancer-outbound-ports', lb.allocatedOutboundPorts);
    f.add('--load-balancer-idle-timeout', lb.idleTimeoutMinutes);
  }
  if (c.privateCluster) {
    f.switch('--enable-private-cluster');
    if (c.privateDnsZone) f.add('--private-dns-zone', c.privateDnsZone);
  }
  if (c.apiServerVnetIntegration)
    f.switch('--enable-apiserver-vnet-integration').add('--apiserver-subnet-id', subnetId(d, c.apiServerSubnetId));
  const ranges = exportedAuthorizedRanges(c);
  if (ranges.length) f.add('--api-server-authorized-ip-ranges', ranges.join(','));
}

function networkRoleCommands(c: Cluster, index: number): AzCommand[] {
  const principal = `AKS_${index + 1}_PRINCIPAL_ID`;
  return [
    {
      ...az(
        'aks show',
        inGroup().add('--name', nm(c.name)).add('--query', 'identity.principalId').add('--output', 'tsv'),
        `${c.name}: its identity manages load balancer IPs and subnets in the resource group`,
      ),
      assignTo: principal,
    },
    az(
      'role assignment create',
      new Flags()
        .add('--assignee-object-id', param(principal))
        .add('--assignee-principal-type', 'ServicePrincipal')
        .add('--role', 'Network Contributor')
        .add(
          '--scope',
          concat(lit('/subscriptions/'), param('SUBSCRIPTION_ID'), lit('/resourceGroups/'), param('RESOURCE_GROUP')),
        ),
    ),
  ];
}

export function aksCommands(d: Design): AzCommand[] {
  return d.clusters.flatMap((c, index) => {
    const [first, ...rest] = [...c.nodePools].sort(
      (a, b) => (a.mode === 'System' ? 0 : 1) - (b.mode === 'System' ? 0 : 1),
    );
    if (!first) return [];
    const f = createdAs(nm(c.name));
    if (c.kubernetesVersion) f.add('--kubernetes-version', c.kubernetesVersion);
    if (c.tier) f.add('--tier', c.tier);
    networkFlags(d, c, f);
    poolFlags(d, c, first, f, 'node');
    const agic = designIndex(d).appGatewaysOfCluster.get(c.id)?.[0];
    if (agic)
      f.add('--enable-addons', 'ingress-appgw').add(
        '--appgw-id',
        resourceId('Microsoft.Network/applicationGateways', ['', agic.name]),
      );
    f.switch('--enable-managed-identity').switch('--generate-ssh-keys');
    const note = exportedOutbound(d, c).note;
    const out = [az('aks create', f, `AKS cluster ${c.name} (${networkModelOf(c)})${note ? `; ${note}` : ''}`)];
    if (first.maxSurge) {
      out.push(
        az('aks nodepool update', childOf('--cluster-name', nm(c.name), first.name).add('--max-surge', first.maxSurge)),
      );
    }
    for (const p of rest) {
      const pf = inGroup().add('--cluster-name', nm(c.name));
      poolFlags(d, c, p, pf, 'pool').add('--mode', p.mode).add('--os-type', p.osType);
      if (p.maxSurge) pf.add('--max-surge', p.maxSurge);
      out.push(az('aks nodepool add', pf, `Node pool ${p.name}`));
    }
    if (servicesNeedNetworkRole(d, c)) out.push(...networkRoleCommands(c, index));
    return out;
  });
}
