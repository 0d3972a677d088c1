/** feature-compat: combinations of cluster features that AKS refuses or that cannot work as drawn. */
import { networkModelOf, parseMaxSurge } from '../ipam/defaults';
import type { Cluster, Subnet } from '../model';
import type { Finding, Severity } from '../plan-types';
import { featureCompat } from './foundation-rules';
import { makeFinding, type Checker } from './rule';

const URL = {
  kubenet: 'https://learn.microsoft.com/azure/aks/configure-kubenet#limitations--considerations-for-kubenet',
  cilium: 'https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium#limitations',
  podSubnet: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet',
  surge: 'https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling',
  nat: 'https://learn.microsoft.com/azure/aks/nat-gateway#create-an-aks-cluster-with-a-user-assigned-nat-gateway',
  apiserver: 'https://learn.microsoft.com/azure/aks/api-server-vnet-integration',
  authorized: 'https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges',
  systemPool: 'https://learn.microsoft.com/azure/aks/use-system-pools',
  outbound: 'https://learn.microsoft.com/azure/aks/egress-outboundtype',
};

function compat(c: Cluster, subnets: Map<string, Subnet>): Finding[] {
  const out: Finding[] = [];
  const say = (subjectId: string, text: string, url: string, severity?: Severity) =>
    out.push(makeFinding(featureCompat, subjectId, { text }, severity ? { learnUrl: url, severity } : { learnUrl: url }));
  const model = networkModelOf(c);
  if (model === 'kubenet') {
    for (const p of c.nodePools) if (p.osType === 'Windows') say(p.id, `Windows node pool ${p.name} needs Azure CNI; kubenet supports Linux nodes only`, URL.kubenet);
  }
  if (c.networkDataplane === 'cilium') {
    if (model === 'kubenet' || model === 'azure-cni-node-subnet' || model === 'byo-cni') {
      say(c.id, `the Cilium dataplane runs on Azure CNI Overlay or a pod subnet, not on ${model}`, URL.cilium);
    }
    if (c.networkPolicy !== 'cilium' && c.networkPolicy !== 'none') {
      say(c.id, `with the Cilium dataplane the network policy engine is Cilium (set to ${c.networkPolicy})`, URL.cilium);
    }
  } else if (c.networkPolicy === 'cilium') {
    say(c.id, 'Cilium network policy needs the Cilium dataplane (network dataplane is azure)', URL.cilium);
  }
  const podSubnetModel = model === 'azure-cni-pod-subnet-dynamic' || model === 'azure-cni-pod-subnet-static';
  for (const p of c.nodePools) {
    if (podSubnetModel && !p.podSubnetId) say(p.id, `node pool ${p.name} has no pod subnet; ${model} takes pod IPs from one`, URL.podSubnet);
    if (!podSubnetModel && p.podSubnetId) say(p.id, `node pool ${p.name} names a pod subnet that ${model} does not use`, URL.podSubnet, 'warning');
    if (parseMaxSurge(p.maxSurge) === null) say(p.id, `max surge "${p.maxSurge}" on ${p.name} is neither a node count nor a percentage 1–100%`, URL.surge);
  }
  if (c.nodePools.length > 0 && !c.nodePools.some((p) => p.mode === 'System' && p.osType === 'Linux')) {
    say(c.id, 'a cluster needs at least one Linux System node pool', URL.systemPool);
  }
  if (c.outboundType === 'userAssignedNATGateway') {
    for (const p of c.nodePools) {
      const s = subnets.get(p.nodeSubnetId);
      if (s && !s.natGatewayId) say(p.id, `outbound type userAssignedNATGateway needs a NAT gateway on node subnet ${s.name}`, URL.nat);
    }
  }
  if (c.apiServerVnetIntegration && !c.apiServerSubnetId) say(c.id, 'API server VNet integration in your own VNet needs an API server subnet', URL.apiserver);
  if (c.privateCluster && (c.authorizedIpRanges?.length ?? 0) > 0) {
    say(c.id, 'authorized IP ranges apply to a public API server; a private cluster cannot use them', URL.authorized);
  }
  if (c.outboundType === 'none') say(c.id, 'outbound type none only works for network-isolated clusters (no egress at all)', URL.outbound, 'warning');
  return out;
}

export const checkCompat: Checker = (design) => {
  const subnets = new Map(design.vnets.flatMap((v) => v.subnets).map((s) => [s.id, s]));
  return design.clusters.flatMap((c) => compat(c, subnets));
};
