/**
 * The feature-compat family, per cluster: the dataplane, the network policy engine and the node pools in
 * combinations AKS accepts. Cluster-wide settings and subnets shared by clusters: checks-compat-shared.ts.
 */
import { networkModelOf, parseMaxSurge } from '../ipam/defaults';
import type { Cluster, NodePool } from '../model';
import type { ClusterPlan } from '../plan-types';
import { designIndex, type DesignIndex } from '../design-index';
import { defineRule, type AnyRule, type Report, type RuleContext, type RuleDefinition } from './rule';

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

type Each<P> = (c: Cluster, report: Report<P>, cp: ClusterPlan | undefined, ctx: RuleContext) => void;

/** A feature-compat rule checked cluster by cluster. */
export function clusterRule<P>(def: Omit<RuleDefinition<P>, 'check' | 'family'> & { each: Each<P> }) {
  const { each, ...rest } = def;
  return defineRule<P>({
    ...rest,
    family: 'feature-compat',
    check: (ctx, report) => {
      for (const c of ctx.design.clusters) each(c, report, ctx.plan.clusters[c.id], ctx);
    },
  });
}

const windowsPools = (c: Cluster): NodePool[] => c.nodePools.filter((p) => p.osType === 'Windows');
const podSubnetModel = (c: Cluster) => networkModelOf(c).startsWith('azure-cni-pod-subnet');
type Pool = { pool: string };

export const COMPAT_RULES: readonly AnyRule[] = [
  clusterRule<{ model: string }>({
    id: 'cilium-dataplane-network-model',
    severity: 'error',
    summary: 'The Cilium dataplane runs with Azure CNI: Overlay, a pod subnet or the node subnet.',
    learnUrl: COMPAT_URL.ciliumModes,
    message: (p) => `the Cilium dataplane needs Azure CNI (Overlay, pod subnet or node subnet), not ${p.model}`,
    // kubenet and bring-your-own CNI have no Azure IPAM for Cilium to use.
    each: (c, report) => {
      const model = networkModelOf(c);
      if (c.networkDataplane === 'cilium' && (model === 'kubenet' || model === 'byo-cni')) report(c.id, { model });
    },
  }),
  clusterRule<{ policy: string }>({
    id: 'cilium-dataplane-policy',
    severity: 'error',
    summary: 'With the Cilium dataplane the network policy engine is Cilium (or none).',
    learnUrl: COMPAT_URL.cilium,
    message: (p) => `with the Cilium dataplane the network policy engine is Cilium (set to ${p.policy})`,
    each: (c, report) => {
      if (c.networkDataplane === 'cilium' && c.networkPolicy !== 'cilium' && c.networkPolicy !== 'none')
        report(c.id, { policy: c.networkPolicy });
    },
  }),
  clusterRule<Pool>({
    id: 'cilium-windows-pool',
    severity: 'error',
    summary: 'Azure CNI powered by Cilium runs on Linux node pools only.',
    learnUrl: COMPAT_URL.cilium,
    message: (p) => `Windows node pool ${p.pool}: Azure CNI powered by Cilium is available only for Linux`,
    each: (c, report) => {
      if (c.networkDataplane === 'cilium') for (const p of windowsPools(c)) report(p.id, { pool: p.name });
    },
  }),
  clusterRule<Record<string, never>>({
    id: 'cilium-policy-dataplane',
    severity: 'error',
    summary: 'Cilium network policy needs the Cilium dataplane.',
    learnUrl: COMPAT_URL.cilium,
    message: () => 'Cilium network policy needs the Cilium dataplane (network dataplane is azure)',
    each: (c, report) => {
      if (c.networkDataplane !== 'cilium' && c.networkPolicy === 'cilium') report(c.id, {});
    },
  }),
  clusterRule<Record<string, never>>({
    id: 'azure-npm-kubenet',
    severity: 'error',
    summary: 'Azure Network Policy Manager needs Azure CNI; kubenet clusters use Calico.',
    learnUrl: COMPAT_URL.kubenet,
    message: () =>
      'Azure Network Policy Manager needs Azure CNI; kubenet does not support Azure network policies (use Calico)',
    each: (c, report) => {
      if (c.networkPolicy === 'azure' && networkModelOf(c) === 'kubenet') report(c.id, {});
    },
  }),
  clusterRule<Pool>({
    id: 'azure-npm-windows-retired',
    // Support ended on 30 September 2026: a new design cannot use it.
    severity: 'error',
    summary: 'Azure Network Policy Manager on Windows nodes was retired on 30 September 2026.',
    learnUrl: COMPAT_URL.policies,
    message: (p) =>
      `Windows node pool ${p.pool}: Azure Network Policy Manager on Windows nodes was retired on 30 September 2026; ` +
      `use Calico for clusters with Windows pools`,
    each: (c, report) => {
      if (c.networkPolicy === 'azure') for (const p of windowsPools(c)) report(p.id, { pool: p.name });
    },
  }),
  clusterRule<{ cluster: string; nodes: number }>({
    id: 'azure-npm-node-limit',
    severity: 'warning',
    summary: `Azure Network Policy Manager is supported up to ${NPM_NODE_LIMIT} nodes.`,
    learnUrl: COMPAT_URL.npmLinux,
    message: (p) =>
      `Azure Network Policy Manager is not supported beyond ${NPM_NODE_LIMIT} nodes; ${p.cluster} reaches ${p.nodes} at peak`,
    each: (c, report, cp) => {
      if (c.networkPolicy === 'azure' && cp && cp.peakNodes > NPM_NODE_LIMIT)
        report(c.id, { cluster: c.name, nodes: cp.peakNodes });
    },
  }),
  clusterRule<Pool>({
    id: 'kubenet-windows-pool',
    severity: 'error',
    summary: 'kubenet supports Linux node pools only.',
    learnUrl: COMPAT_URL.kubenet,
    message: (p) => `Windows node pool ${p.pool} needs Azure CNI; kubenet supports Linux nodes only`,
    each: (c, report) => {
      if (networkModelOf(c) === 'kubenet') for (const p of windowsPools(c)) report(p.id, { pool: p.name });
    },
  }),
  clusterRule<Pool & { model: string }>({
    id: 'pod-subnet-missing',
    severity: 'error',
    summary: 'With Azure CNI pod subnet, every node pool names its pod subnet.',
    learnUrl: COMPAT_URL.podSubnet,
    message: (p) => `node pool ${p.pool} has no pod subnet; ${p.model} takes pod IPs from one`,
    each: (c, report) => {
      if (podSubnetModel(c))
        for (const p of c.nodePools) if (!p.podSubnetId) report(p.id, { pool: p.name, model: networkModelOf(c) });
    },
  }),
  clusterRule<Pool & { model: string }>({
    id: 'pod-subnet-unused',
    severity: 'warning',
    summary: 'A pod subnet on a node pool is used only by Azure CNI pod subnet.',
    learnUrl: COMPAT_URL.podSubnet,
    message: (p) => `node pool ${p.pool} names a pod subnet that ${p.model} does not use`,
    each: (c, report) => {
      if (!podSubnetModel(c))
        for (const p of c.nodePools) if (p.podSubnetId) report(p.id, { pool: p.name, model: networkModelOf(c) });
    },
  }),
  clusterRule<Pool & { maxSurge: string }>({
    id: 'max-surge-invalid',
    severity: 'error',
    summary: 'Max surge is a node count up to the 1,000 nodes a pool holds, or a percentage from 1% to 100%.',
    learnUrl: COMPAT_URL.surge,
    message: (p) =>
      `max surge "${p.maxSurge}" on ${p.pool} is neither a node count 0–1,000 (a pool holds at most 1,000 nodes) nor a percentage 1–100%`,
    each: (c, report) => {
      for (const p of c.nodePools)
        if (parseMaxSurge(p.maxSurge) === null) report(p.id, { pool: p.name, maxSurge: String(p.maxSurge) });
    },
  }),
  clusterRule<{ label: string; length: number }>({
    id: 'overlay-name-length',
    severity: 'error',
    summary: `Under Azure CNI Overlay, node subnet and VNet names have at most ${OVERLAY_NAME_LIMIT} characters.`,
    learnUrl: COMPAT_URL.overlay,
    message: (p) =>
      `${p.label} has ${p.length} characters; Azure CNI Overlay needs ${OVERLAY_NAME_LIMIT} or fewer (names become node labels)`,
    each: (c, report, _cp, ctx) => {
      if (networkModelOf(c) !== 'azure-cni-overlay') return;
      const named = new Map<string, { kind: string; name: string }>();
      for (const p of c.nodePools) {
        const hit = indexOf(ctx).subnet.get(p.nodeSubnetId);
        if (!hit) continue;
        named.set(hit.subnet.id, { kind: 'subnet', name: hit.subnet.name });
        named.set(hit.vnet.id, { kind: 'VNet', name: hit.vnet.name });
      }
      for (const [id, { kind, name }] of named)
        if (name.length > OVERLAY_NAME_LIMIT) report(id, { label: `${kind} ${name}`, length: name.length });
    },
  }),
];

/** The design index, built once per run. */
export const indexOf = (ctx: RuleContext): DesignIndex => designIndex(ctx.design);
