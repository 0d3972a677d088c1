/**
 * What each network model is, in Microsoft Learn's words: whether the VNet reaches pods, the scale it is built
 * for, and what it cannot do. Numbers come from the planning core; these are the facts behind them.
 */
import type { Cluster, Design } from '../model';
import type { ModelLimitation, ModelChoice } from './types';

export const MODEL_URL = {
  kubenet: 'https://learn.microsoft.com/azure/aks/configure-kubenet',
  kubenetLimits: 'https://learn.microsoft.com/azure/aks/configure-kubenet#limitations--considerations-for-kubenet',
  kubenetRetired: 'https://learn.microsoft.com/azure/aks/upgrade-azure-cni',
  nodeSubnet: 'https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni',
  podSubnet: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet',
  staticBlock: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet#limitations',
  overlay: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay',
  overlayLimits:
    'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay#limitations-with-azure-cni-overlay',
  cilium: 'https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium',
  ciliumLimits: 'https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium#limitations',
  agic: 'https://learn.microsoft.com/azure/application-gateway/ingress-controller-overview',
  planning: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning',
} as const;

export const MODEL_LABEL: Record<ModelChoice, string> = {
  kubenet: 'kubenet',
  'azure-cni-node-subnet': 'Azure CNI (node subnet)',
  'azure-cni-pod-subnet-dynamic': 'Pod subnet (dynamic)',
  'azure-cni-pod-subnet-static': 'Pod subnet (static block)',
  'azure-cni-overlay': 'Azure CNI Overlay',
  'cilium-overlay': 'Overlay + Cilium',
};

export const MODEL_PAGE: Record<ModelChoice, string> = {
  kubenet: MODEL_URL.kubenet,
  'azure-cni-node-subnet': MODEL_URL.nodeSubnet,
  'azure-cni-pod-subnet-dynamic': MODEL_URL.podSubnet,
  'azure-cni-pod-subnet-static': MODEL_URL.podSubnet,
  'azure-cni-overlay': MODEL_URL.overlay,
  'cilium-overlay': MODEL_URL.cilium,
};

export const isFlat = (m: ModelChoice) => m.startsWith('azure-cni-pod-subnet') || m === 'azure-cni-node-subnet';

/**
 * Flat models give pods VNet addresses ("pods are directly reachable", concepts-network-azure-cni-pod-subnet: "direct
 * connectivity to other cluster pods and resources in the VNet"). Overlay: "Endpoints outside the cluster can't
 * connect to a pod directly"; kubenet: "Direct pod addressing isn't supported".
 */
export function podsReachable(m: ModelChoice): { yes: boolean; why: string } {
  if (isFlat(m)) return { yes: true, why: 'pods have VNet addresses: the VNet, its peers and on-premises reach them' };
  if (m === 'kubenet') return { yes: false, why: 'only nodes have VNet addresses; pods are reached through a Service' };
  return { yes: false, why: "pod CIDR is outside the VNet: endpoints outside the cluster can't reach a pod directly" };
}

/** Where pod traffic to the VNet, its peers and on-premises is translated. */
export function snatInVnet(m: ModelChoice): string {
  if (isFlat(m)) return 'none: the destination sees the pod IP';
  // Overlay: "Traffic from a pod to any destination outside of the pod CIDR block utilizes SNAT to set the source IP
  // to the IP of the node where the pod runs"; kubenet NATs pod traffic to the node IP the same way.
  return 'at the node: the destination sees the node IP';
}

/** The scale the model is built for, as Learn states it. */
export const MODEL_CAP: Record<ModelChoice, string> = {
  // "Azure supports a maximum of 400 routes in a UDR, so you can't have an AKS cluster larger than 400 nodes."
  kubenet: '400 nodes (one route per node, 400 routes per table), 250 pods per node',
  // Every pod takes a VNet address reserved up front: the subnet is the limit.
  'azure-cni-node-subnet': 'the node subnet: max pods addresses per node reserved up front',
  // Dynamic allocation counts each pod IP against the VNet's 65,536 private IP mapping limit.
  'azure-cni-pod-subnet-dynamic': 'the pod subnet, and 65,536 pod IPs per VNet',
  // Static block: "helps scale the cluster limit up to 1 million pods"; "Maximum subnet size supported is /12".
  'azure-cni-pod-subnet-static': 'up to 1 million pods; a pod subnet of /12 at most',
  // Overlay comparison table: "5,000 nodes and 250 pods/node".
  'azure-cni-overlay': '5,000 nodes and 250 pods per node',
  'cilium-overlay': '5,000 nodes and 250 pods per node',
};

const lim = (what: string, learnUrl: string, applies = false): ModelLimitation => ({ what, learnUrl, applies });

function overlayLimits(design: Design, cluster: Cluster): ModelLimitation[] {
  const agic = design.appGateways.some((g) => g.agicClusterId === cluster.id);
  return [
    lim('reach pods directly from outside the cluster (publish a Service)', MODEL_URL.overlay),
    lim('virtual machine availability sets, DCsv2-series VMs', MODEL_URL.overlayLimits),
    lim(
      'subnet, VNet or resource group names longer than 63 characters (they become node labels)',
      MODEL_URL.overlayLimits,
    ),
    // AGIC sends to pod IPs; which AGIC deployments support Overlay is listed on the AGIC page, so the design
    // takes the side that cannot fail: check it, or use Application Gateway for Containers.
    lim('AGIC sends to pod IPs: check that your AGIC deployment supports Overlay', MODEL_URL.agic, agic),
  ];
}

/** What the model cannot do, each flagged when this design uses it. */
export function limitationsOf(m: ModelChoice, design: Design, cluster: Cluster): ModelLimitation[] {
  const windows = cluster.nodePools.some((p) => p.osType === 'Windows');
  switch (m) {
    case 'kubenet':
      return [
        lim('Windows node pools', MODEL_URL.kubenetLimits, windows),
        lim('Azure Network Policy Manager (Calico only)', MODEL_URL.kubenetLimits, cluster.networkPolicy === 'azure'),
        lim('virtual nodes', MODEL_URL.kubenetLimits),
        lim('more than 400 nodes', MODEL_URL.kubenetLimits),
        lim('a node subnet shared with another kubenet cluster', MODEL_URL.kubenetLimits),
        lim('new clusters after 31 March 2028 (kubenet is retired)', MODEL_URL.kubenetRetired, true),
      ];
    case 'azure-cni-node-subnet':
      return [
        lim(
          'keep pod addresses out of the VNet: every node reserves max pods addresses up front',
          MODEL_URL.nodeSubnet,
        ),
      ];
    case 'azure-cni-pod-subnet-dynamic':
      return [
        lim('share its pod subnet with static block allocation', MODEL_URL.staticBlock),
        lim('more than 65,536 pod IPs in one VNet', MODEL_URL.planning),
      ];
    case 'azure-cni-pod-subnet-static':
      return [
        lim('Private Link Service through a Kubernetes LoadBalancer Service', MODEL_URL.podSubnet),
        lim('Kubernetes older than 1.28', MODEL_URL.staticBlock),
        lim('migrating an existing cluster or node pool (new clusters and new pools only)', MODEL_URL.staticBlock),
        lim('share its pod subnet with dynamic allocation', MODEL_URL.staticBlock),
        lim('a pod subnet larger than /12', MODEL_URL.staticBlock),
      ];
    case 'azure-cni-overlay':
      return overlayLimits(design, cluster);
    case 'cilium-overlay':
      return [
        lim('Windows node pools (Linux only)', MODEL_URL.ciliumLimits, windows),
        lim('NetworkPolicy ipBlock rules that select pod or node IPs', MODEL_URL.ciliumLimits),
        lim('network policy on host-network pods', MODEL_URL.ciliumLimits),
        ...overlayLimits(design, cluster),
      ];
  }
}
