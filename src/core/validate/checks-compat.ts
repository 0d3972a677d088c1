/** feature-compat: combinations of cluster features that AKS refuses or that cannot work as drawn. */
import { networkModelOf, parseMaxSurge } from '../ipam/defaults';
import type { Cluster, Design, Subnet, Vnet } from '../model';
import type { ClusterPlan, Finding, Plan, Severity } from '../plan-types';
import { checkSharedSubnets } from './checks-compat-shared';
import { featureCompat } from './foundation-rules';
import { makeFinding, type Checker } from './rule';

export const COMPAT_URL = {
  kubenet: 'https://learn.microsoft.com/azure/aks/configure-kubenet#limitations--considerations-for-kubenet',
  cilium: 'https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium#limitations',
  ciliumModes:
    'https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium#option-3-assign-ip-addresses-from-the-node-subnet',
  policies:
    'https://learn.microsoft.com/azure/aks/use-network-policies#differences-between-network-policy-engines-cilium-azure-npm-and-calico',
  npmLinux: 'https://learn.microsoft.com/azure/aks/use-network-policies#azure-network-policy-manager-limitations-linux',
  overlay:
    'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay#limitations-with-azure-cni-overlay',
  podSubnet: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet',
  surge: 'https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling',
  nat: 'https://learn.microsoft.com/azure/aks/nat-gateway#create-an-aks-cluster-with-a-user-assigned-nat-gateway',
  apiserver: 'https://learn.microsoft.com/azure/aks/api-server-vnet-integration',
  authorized: 'https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges',
  systemPool: 'https://learn.microsoft.com/azure/aks/use-system-pools',
  outbound: 'https://learn.microsoft.com/azure/aks/egress-outboundtype',
};

/** Azure Network Policy Manager on Linux is not supported beyond 250 nodes (use-network-policies). */
export const NPM_NODE_LIMIT = 250;
/** Overlay labels nodes with the subnet and VNet names, so they follow Kubernetes' 63-character label limit. */
export const OVERLAY_NAME_LIMIT = 63;

type Say = (subjectId: string, text: string, url: string, severity?: Severity) => void;

function checkDataplane(c: Cluster, say: Say): void {
  const model = networkModelOf(c);
  if (c.networkDataplane === 'cilium') {
    // Cilium runs with Overlay, a pod subnet or the node subnet; kubenet and bring-your-own CNI have no Azure IPAM.
    if (model === 'kubenet' || model === 'byo-cni') {
      say(
        c.id,
        `the Cilium dataplane needs Azure CNI (Overlay, pod subnet or node subnet), not ${model}`,
        COMPAT_URL.ciliumModes,
      );
    }
    if (c.networkPolicy !== 'cilium' && c.networkPolicy !== 'none') {
      say(
        c.id,
        `with the Cilium dataplane the network policy engine is Cilium (set to ${c.networkPolicy})`,
        COMPAT_URL.cilium,
      );
    }
    for (const p of c.nodePools) {
      if (p.osType === 'Windows')
        say(
          p.id,
          `Windows node pool ${p.name}: Azure CNI powered by Cilium is available only for Linux`,
          COMPAT_URL.cilium,
        );
    }
  } else if (c.networkPolicy === 'cilium') {
    say(c.id, 'Cilium network policy needs the Cilium dataplane (network dataplane is azure)', COMPAT_URL.cilium);
  }
}

function checkPolicyEngine(c: Cluster, cp: ClusterPlan | undefined, say: Say): void {
  if (c.networkPolicy !== 'azure') return;
  if (networkModelOf(c) === 'kubenet') {
    say(
      c.id,
      'Azure Network Policy Manager needs Azure CNI; kubenet does not support Azure network policies (use Calico)',
      COMPAT_URL.kubenet,
    );
  }
  for (const p of c.nodePools) {
    if (p.osType === 'Windows') {
      say(
        p.id,
        `Windows node pool ${p.name}: Azure Network Policy Manager on Windows nodes is retired (30 September 2026)`,
        COMPAT_URL.policies,
        'warning',
      );
    }
  }
  if (cp && cp.peakNodes > NPM_NODE_LIMIT) {
    const text = `Azure Network Policy Manager is not supported beyond ${NPM_NODE_LIMIT} nodes; ${c.name} reaches ${cp.peakNodes} at peak`;
    say(c.id, text, COMPAT_URL.npmLinux, 'warning');
  }
}

function checkPools(c: Cluster, subnets: Map<string, { subnet: Subnet; vnet: Vnet }>, say: Say): void {
  const model = networkModelOf(c);
  if (model === 'kubenet') {
    for (const p of c.nodePools)
      if (p.osType === 'Windows')
        say(p.id, `Windows node pool ${p.name} needs Azure CNI; kubenet supports Linux nodes only`, COMPAT_URL.kubenet);
  }
  const podSubnetModel = model === 'azure-cni-pod-subnet-dynamic' || model === 'azure-cni-pod-subnet-static';
  for (const p of c.nodePools) {
    if (podSubnetModel && !p.podSubnetId)
      say(p.id, `node pool ${p.name} has no pod subnet; ${model} takes pod IPs from one`, COMPAT_URL.podSubnet);
    if (!podSubnetModel && p.podSubnetId)
      say(p.id, `node pool ${p.name} names a pod subnet that ${model} does not use`, COMPAT_URL.podSubnet, 'warning');
    if (parseMaxSurge(p.maxSurge) === null)
      say(
        p.id,
        `max surge "${p.maxSurge}" on ${p.name} is neither a node count 0–1,000 (a pool holds at most 1,000 nodes) nor a percentage 1–100%`,
        COMPAT_URL.surge,
      );
  }
  if (model === 'azure-cni-overlay') {
    const named = new Map<string, string>();
    for (const p of c.nodePools) {
      const hit = subnets.get(p.nodeSubnetId);
      if (!hit) continue;
      named.set(hit.subnet.id, `subnet ${hit.subnet.name}`);
      named.set(hit.vnet.id, `VNet ${hit.vnet.name}`);
    }
    for (const [id, label] of named) {
      const name = label.slice(label.indexOf(' ') + 1);
      if (name.length > OVERLAY_NAME_LIMIT) {
        say(
          id,
          `${label} has ${name.length} characters; Azure CNI Overlay needs ${OVERLAY_NAME_LIMIT} or fewer (names become node labels)`,
          COMPAT_URL.overlay,
        );
      }
    }
  }
}

function checkCluster(
  c: Cluster,
  cp: ClusterPlan | undefined,
  subnets: Map<string, { subnet: Subnet; vnet: Vnet }>,
  out: Finding[],
): void {
  const say: Say = (subjectId, text, url, severity) =>
    out.push(
      makeFinding(featureCompat, subjectId, { text }, severity ? { learnUrl: url, severity } : { learnUrl: url }),
    );
  checkDataplane(c, say);
  checkPolicyEngine(c, cp, say);
  checkPools(c, subnets, say);
  if (c.nodePools.length > 0 && !c.nodePools.some((p) => p.mode === 'System' && p.osType === 'Linux')) {
    say(c.id, 'a cluster needs at least one Linux System node pool', COMPAT_URL.systemPool);
  }
  if (c.outboundType === 'userAssignedNATGateway') {
    for (const p of c.nodePools) {
      const s = subnets.get(p.nodeSubnetId)?.subnet;
      if (s && !s.natGatewayId)
        say(p.id, `outbound type userAssignedNATGateway needs a NAT gateway on node subnet ${s.name}`, COMPAT_URL.nat);
    }
  }
  if (c.apiServerVnetIntegration && !c.apiServerSubnetId)
    say(c.id, 'API server VNet integration in your own VNet needs an API server subnet', COMPAT_URL.apiserver);
  if (c.privateCluster && (c.authorizedIpRanges?.length ?? 0) > 0) {
    say(
      c.id,
      'authorized IP ranges apply to a public API server; a private cluster cannot use them',
      COMPAT_URL.authorized,
    );
  }
  if (c.outboundType === 'none')
    say(
      c.id,
      'outbound type none only works for network-isolated clusters (no egress at all)',
      COMPAT_URL.outbound,
      'warning',
    );
}

export const checkCompat: Checker = (design: Design, plan: Omit<Plan, 'findings'>) => {
  const subnets = new Map(
    design.vnets.flatMap((vnet) => vnet.subnets.map((subnet) => [subnet.id, { subnet, vnet }] as const)),
  );
  const out: Finding[] = [];
  for (const c of design.clusters) checkCluster(c, plan.clusters[c.id], subnets, out);
  out.push(...checkSharedSubnets(design));
  return out;
};
