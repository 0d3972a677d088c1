/**
 * What changing a cluster or a node pool takes. Sources, checked on Microsoft Learn:
 * - network upgrades: https://learn.microsoft.com/azure/aks/upgrade-aks-ipam-and-dataplane (kubenet and Azure CNI
 *   on the node subnet move to Overlay with `az aks update --network-plugin-mode overlay`; Overlay and dynamic pod
 *   subnet clusters without Windows pools move to the Cilium dataplane; both reimage every pool at once);
 * - outbound type: https://learn.microsoft.com/azure/aks/egress-outboundtype (BYO VNet migration table);
 * - VM size: https://learn.microsoft.com/azure/aks/manage-node-pools ("can't change the VM size of a node pool after
 *   you create it"; the in-place resize of resize-node-pool is a preview, so the safe side is a new pool).
 */
import { containsCidr } from '../cidr';
import type { Cluster, OutboundType } from '../model';
import { networkModelOf } from '../ipam/defaults';
import { clusterChange, clusters, defineForce, onField, topField } from './force-helpers';
import type { Force, ForceContext } from './types';

const UPGRADE_IPAM = 'https://learn.microsoft.com/azure/aks/upgrade-aks-ipam-and-dataplane';
const OUTBOUND = 'https://learn.microsoft.com/azure/aks/egress-outboundtype';
const NETWORK_FIELDS = ['networkPlugin', 'networkPluginMode', 'podIpAllocation', 'networkDataplane'];

/** Kubenet or Azure CNI on the node subnet to Overlay, the dataplane left as it is or moved to Cilium. */
function toOverlay(old: Cluster, next: Cluster): boolean {
  const from = networkModelOf(old);
  return (from === 'kubenet' || from === 'azure-cni-node-subnet') && networkModelOf(next) === 'azure-cni-overlay';
}

/** Azure to Cilium dataplane on Overlay or a dynamic pod subnet, with no Windows pool. */
function toCilium(old: Cluster, next: Cluster): boolean {
  const model = networkModelOf(next);
  return (
    old.networkDataplane === 'azure' &&
    next.networkDataplane === 'cilium' &&
    (model === 'azure-cni-overlay' || model === 'azure-cni-pod-subnet-dynamic') &&
    (networkModelOf(old) === model || toOverlay(old, next)) &&
    next.nodePools.every((p) => p.osType !== 'Windows')
  );
}

/** An Overlay pod CIDR grown to a range that contains the old one. */
const overlayPodCidrGrown = (old: Cluster, next: Cluster): boolean =>
  networkModelOf(old) === 'azure-cni-overlay' &&
  networkModelOf(next) === 'azure-cni-overlay' &&
  !!old.podCidr &&
  !!next.podCidr &&
  containsCidr(next.podCidr, old.podCidr);

const networkChange = (ctx: ForceContext) => onField('cluster', ...NETWORK_FIELDS, 'podCidr', 'networkPolicy')(ctx);

/** The BYO VNet migration table: these four move to one another; managedNATGateway moves nowhere in a BYO VNet. */
const BYO_MIGRATABLE: readonly OutboundType[] = [
  'loadBalancer',
  'userAssignedNATGateway',
  'userDefinedRouting',
  'none',
];

export const CLUSTER_FORCES: readonly Force[] = [
  defineForce({
    id: 'network-upgrade-overlay',
    effect: 'rolling',
    summary: 'Kubenet or Azure CNI (node subnet) to Azure CNI Overlay: az aks update, every pool reimaged',
    learnUrl: UPGRADE_IPAM,
    // The dataplane part, when it changes too, is the Cilium upgrade's; a policy change is classified on its own.
    applies: clusterChange(['networkPlugin', 'networkPluginMode', 'podIpAllocation', 'podCidr'], toOverlay),
    message: (ctx) => {
      const c = clusters(ctx)!;
      const policy =
        networkModelOf(c.old) === 'azure-cni-node-subnet' && c.old.networkPolicy !== 'none'
          ? ` Uninstall the ${c.old.networkPolicy} network policy engine first.`
          : '';
      return `In place with az aks update --network-plugin-mode overlay: every node pool is reimaged at once, and the upgrade cannot be reversed.${policy}`;
    },
  }),
  defineForce({
    id: 'network-upgrade-cilium',
    effect: 'rolling',
    summary: 'Azure to Cilium dataplane on Overlay or a dynamic pod subnet: az aks update, every pool reimaged',
    learnUrl: UPGRADE_IPAM,
    applies: (ctx) =>
      clusterChange(['networkDataplane'], toCilium)(ctx) ||
      clusterChange(['networkPolicy'], (old, next) => next.networkPolicy === 'cilium' && toCilium(old, next))(ctx),
    message: () =>
      'In place with az aks update --network-dataplane cilium: every node pool is reimaged at once; Cilium replaces any other network policy engine and enforces policies once all nodes are reimaged.',
  }),
  defineForce({
    id: 'network-policy-uninstall',
    effect: 'in-place',
    summary: 'Uninstalling Azure Network Policy Manager or Calico: az aks update --network-policy none',
    learnUrl: 'https://learn.microsoft.com/azure/aks/use-network-policies',
    applies: clusterChange(
      ['networkPolicy'],
      (old, next) => next.networkPolicy === 'none' && ['azure', 'calico'].includes(old.networkPolicy),
    ),
    message: (ctx) =>
      `In place: az aks update --network-policy none removes ${clusters(ctx)!.old.networkPolicy}; policies stop being enforced.`,
  }),
  defineForce({
    id: 'pod-cidr-expand',
    effect: 'in-place',
    summary: 'Overlay pod CIDR grown to a range containing the old one (Linux pools only)',
    learnUrl: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay',
    applies: clusterChange(['podCidr'], overlayPodCidrGrown),
    message: () =>
      'In place: an Overlay pod CIDR can be expanded to a range that contains the current one, on clusters with Linux pools only.',
  }),
  defineForce({
    id: 'network-model-recreate',
    effect: 'recreate',
    recreates: 'cluster',
    summary: 'Network plugin, mode, pod IP allocation, dataplane, policy or pod CIDR outside the documented updates',
    learnUrl: UPGRADE_IPAM,
    applies: networkChange,
    message: (ctx) =>
      `New cluster: ${topField(ctx)} cannot change this way in place (the documented updates are kubenet or Azure CNI to Overlay, to the Cilium dataplane, uninstalling a policy engine and growing an Overlay pod CIDR).`,
  }),
  defineForce({
    id: 'service-cidr',
    effect: 'recreate',
    recreates: 'cluster',
    summary: 'Service CIDR and DNS service IP are set when the cluster is created',
    learnUrl: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning',
    applies: onField('cluster', 'serviceCidr', 'dnsServiceIp'),
    message: (ctx) => `New cluster: AKS sets ${topField(ctx)} at creation and has no update for it.`,
  }),
  defineForce({
    id: 'outbound-type-update',
    effect: 'in-place',
    summary: 'Outbound type migration the BYO VNet table supports: az aks update --outbound-type',
    learnUrl: OUTBOUND,
    applies: clusterChange(
      ['outboundType'],
      (old, next) => BYO_MIGRATABLE.includes(old.outboundType) && BYO_MIGRATABLE.includes(next.outboundType),
    ),
    message: (ctx) =>
      `In place with az aks update --outbound-type ${clusters(ctx)!.next.outboundType}: disruptive to connectivity, and the egress IP changes (update firewall rules and authorized IP ranges).`,
  }),
  defineForce({
    id: 'outbound-type-recreate',
    effect: 'recreate',
    recreates: 'cluster',
    summary: 'Outbound type migration the BYO VNet table does not support',
    learnUrl: OUTBOUND,
    applies: onField('cluster', 'outboundType'),
    message: (ctx) => {
      const c = clusters(ctx);
      return `New cluster: in a VNet of your own, ${c?.old.outboundType ?? 'it'} to ${c?.next.outboundType ?? 'this'} is not a supported outbound type migration.`;
    },
  }),
  defineForce({
    id: 'outbound-settings',
    effect: 'in-place',
    summary: 'Load balancer and managed NAT gateway outbound settings: az aks update',
    learnUrl: 'https://learn.microsoft.com/azure/aks/configure-load-balancer-standard',
    applies: onField('cluster', 'loadBalancerProfile', 'natGatewayManagedIpCount'),
    message: () => 'In place with az aks update (outbound IPs, ports and idle timeout).',
  }),
  defineForce({
    id: 'apiserver-vnet-integration',
    effect: 'in-place',
    summary: 'Enabling API Server VNet Integration on an existing cluster',
    learnUrl: 'https://learn.microsoft.com/azure/aks/api-server-vnet-integration',
    applies: clusterChange(
      ['apiServerVnetIntegration', 'apiServerSubnetId'],
      (_, next) => next.apiServerVnetIntegration,
    ),
    message: () => 'In place: az aks update --enable-apiserver-vnet-integration --apiserver-subnet-id.',
  }),
  defineForce({
    id: 'private-cluster-vnet-integrated',
    effect: 'in-place',
    summary: 'Private or public API server on a cluster with API Server VNet Integration',
    learnUrl: 'https://learn.microsoft.com/azure/aks/api-server-vnet-integration',
    applies: clusterChange(
      ['privateCluster'],
      (old, next) => old.apiServerVnetIntegration && next.apiServerVnetIntegration,
    ),
    message: () =>
      'In place: with API Server VNet Integration, public access can be added or removed after the cluster is created.',
  }),
  defineForce({
    id: 'api-server-recreate',
    effect: 'recreate',
    recreates: 'cluster',
    summary: 'Private cluster, private DNS zone or turning API Server VNet Integration off',
    learnUrl: 'https://learn.microsoft.com/azure/aks/private-clusters',
    applies: onField('cluster', 'privateCluster', 'privateDnsZone', 'apiServerVnetIntegration', 'apiServerSubnetId'),
    message: (ctx) => `New cluster: ${topField(ctx)} has no documented update for this cluster.`,
  }),
  defineForce({
    id: 'api-server-access',
    effect: 'in-place',
    summary: 'Authorized IP ranges and pricing tier: az aks update',
    learnUrl: 'https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges',
    applies: onField('cluster', 'authorizedIpRanges', 'tier'),
    message: (ctx) =>
      `In place with az aks update (${topField(ctx) === 'tier' ? '--tier' : '--api-server-authorized-ip-ranges'}).`,
  }),
  defineForce({
    id: 'kubernetes-upgrade',
    effect: 'rolling',
    summary: 'Kubernetes version: a cluster upgrade, pool by pool with surge nodes',
    learnUrl: 'https://learn.microsoft.com/azure/aks/upgrade-cluster',
    applies: onField('cluster', 'kubernetesVersion'),
    message: () => 'Rolling: az aks upgrade replaces nodes pool by pool, with maxSurge extra nodes each time.',
  }),
  defineForce({
    id: 'kubernetes-objects',
    effect: 'in-place',
    summary: 'Namespaces, workloads, Services and NetworkPolicies are Kubernetes objects, applied with kubectl',
    learnUrl: 'https://learn.microsoft.com/azure/aks/use-network-policies',
    applies: onField('cluster', 'namespaces', 'workloads', 'networkPolicies', 'services'),
    message: () => 'In place: applied to the cluster with kubectl; no Azure resource changes.',
  }),
];
