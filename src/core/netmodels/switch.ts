/**
 * Putting a cluster under another network model: the plugin fields, the network policy engine the model
 * supports, and the pods' subnets. `modelSwitch` works the change out; `applyModelSwitch` writes it into a design
 * (the store's draft, or a copy for the comparison), so both see the same edit.
 */
import { choosePodCidr } from '../migrate/design';
import { networkModelOf } from '../ipam/defaults';
import type { Cluster, Design, Id, NetworkPolicy } from '../model';
import { choosePodSubnet } from './pod-subnet';
import type { ModelChoice, ModelSwitch, SwitchResult } from './types';

/** Learn pages behind the policy mapping. */
const KUBENET_POLICY_URL =
  'https://learn.microsoft.com/azure/aks/configure-kubenet#limitations--considerations-for-kubenet';

/** The column a cluster sits in today; null for bring-your-own CNI and Cilium outside Overlay. */
export function currentChoice(cluster: Cluster): ModelChoice | null {
  const model = networkModelOf(cluster);
  if (model === 'byo-cni') return null;
  if (cluster.networkDataplane === 'cilium') return model === 'azure-cni-overlay' ? 'cilium-overlay' : null;
  return model;
}

/**
 * The policy engine under a model. kubenet runs Calico only ("Azure network policies" are not supported); the
 * Cilium dataplane enforces Cilium policy ("you don't need to install a separate network policy engine"), and
 * Cilium policy needs the Cilium dataplane, so leaving it falls back to Calico, which every Azure dataplane model
 * supports. https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium#network-policy-enforcement
 */
function policyUnder(model: ModelChoice, policy: NetworkPolicy): { policy: NetworkPolicy; note?: string } {
  if (policy === 'none') return { policy };
  if (model === 'cilium-overlay')
    return policy === 'cilium'
      ? { policy }
      : { policy: 'cilium', note: `network policy ${policy} → cilium: the Cilium dataplane enforces policy itself` };
  if (policy === 'cilium')
    return { policy: 'calico', note: 'network policy cilium → calico: Cilium policy needs the Cilium dataplane' };
  if (model === 'kubenet' && policy === 'azure')
    return {
      policy: 'calico',
      note: `network policy azure → calico: kubenet supports Calico only (${KUBENET_POLICY_URL})`,
    };
  return { policy };
}

function baseFields(model: ModelChoice): ModelSwitch['cluster'] {
  switch (model) {
    case 'kubenet':
      return {
        networkPlugin: 'kubenet',
        networkDataplane: 'azure',
        networkPolicy: 'none',
        podIpAllocation: 'nodeSubnet',
      };
    case 'azure-cni-node-subnet':
      return {
        networkPlugin: 'azure',
        networkDataplane: 'azure',
        networkPolicy: 'none',
        podIpAllocation: 'nodeSubnet',
      };
    case 'azure-cni-pod-subnet-dynamic':
      return {
        networkPlugin: 'azure',
        networkDataplane: 'azure',
        networkPolicy: 'none',
        podIpAllocation: 'dynamicPodSubnet',
      };
    case 'azure-cni-pod-subnet-static':
      return {
        networkPlugin: 'azure',
        networkDataplane: 'azure',
        networkPolicy: 'none',
        podIpAllocation: 'staticBlock',
      };
    case 'azure-cni-overlay':
    case 'cilium-overlay':
      return {
        networkPlugin: 'azure',
        networkPluginMode: 'overlay',
        networkDataplane: model === 'cilium-overlay' ? 'cilium' : 'azure',
        networkPolicy: 'none',
        podIpAllocation: 'nodeSubnet',
      };
  }
}

const usesPodCidrChoice = (m: ModelChoice) => m === 'kubenet' || m === 'azure-cni-overlay' || m === 'cilium-overlay';

/** The pod CIDR under kubenet or Overlay: the cluster's own, else a free one (the default 10.244.0.0/16 first). */
function podCidrFor(design: Design, cluster: Cluster): { cidr?: string; note?: string; error?: string } {
  if (cluster.podCidr) return { cidr: cluster.podCidr };
  const cidr = choosePodCidr(design, cluster);
  if (!cidr) return { error: `no free pod CIDR for ${cluster.name} in the private ranges` };
  return { cidr, note: `pod CIDR ${cidr}: the cluster has none, so the first free one that holds its nodes` };
}

/**
 * The change that puts a cluster under `model`; `newSubnetId` names the pod subnet added when the design has none.
 * An error when the cluster does not exist or the model cannot be laid out.
 */
export function modelSwitch(design: Design, clusterId: Id, model: ModelChoice, newSubnetId: Id): SwitchResult {
  const cluster = design.clusters.find((c) => c.id === clusterId);
  if (!cluster) return { ok: false, error: `no cluster ${clusterId} in the design` };
  const fields = baseFields(model);
  const notes: string[] = [];
  const policy = policyUnder(model, cluster.networkPolicy);
  fields.networkPolicy = policy.policy;
  if (policy.note) notes.push(policy.note);
  if (cluster.podCidr) fields.podCidr = cluster.podCidr;
  if (usesPodCidrChoice(model)) {
    const pod = podCidrFor(design, cluster);
    if (pod.error) return { ok: false, error: pod.error };
    fields.podCidr = pod.cidr;
    if (pod.note) notes.push(pod.note);
  }
  const change: ModelSwitch = { clusterId, model, cluster: fields, podSubnets: {}, notes };
  if (model === 'azure-cni-pod-subnet-dynamic' || model === 'azure-cni-pod-subnet-static') {
    const chosen = choosePodSubnet(design, cluster, model, newSubnetId);
    if (!chosen.ok) return { ok: false, error: chosen.error };
    notes.push(chosen.note);
    if (chosen.choice.added) change.addSubnet = chosen.choice;
    const inVnet = new Set(design.vnets.find((v) => v.id === chosen.choice.vnetId)?.subnets.map((s) => s.id) ?? []);
    // A pool that names a pod subnet of the same VNet keeps it; the others share the chosen one.
    for (const p of cluster.nodePools)
      change.podSubnets[p.id] = p.podSubnetId && inVnet.has(p.podSubnetId) ? p.podSubnetId : chosen.choice.subnetId;
  }
  return { ok: true, change };
}

/** Writes a model switch into a design (an immer draft, or a copy): the cluster's fields, pools and pod subnet. */
export function applyModelSwitch(d: Design, change: ModelSwitch): void {
  const cluster = d.clusters.find((c) => c.id === change.clusterId);
  if (!cluster) return;
  const add = change.addSubnet;
  const vnet = add ? d.vnets.find((v) => v.id === add.vnetId) : undefined;
  if (add && vnet && !vnet.subnets.some((s) => s.id === add.subnetId))
    vnet.subnets.push({
      id: add.subnetId,
      name: add.name,
      cidr: add.cidr,
      purpose: 'aks-pods',
      ...(add.routeTableId ? { routeTableId: add.routeTableId } : {}),
      ...(add.nsgId ? { nsgId: add.nsgId } : {}),
      ...(add.natGatewayId ? { natGatewayId: add.natGatewayId } : {}),
    });
  const f = change.cluster;
  cluster.networkPlugin = f.networkPlugin;
  if (f.networkPluginMode) cluster.networkPluginMode = f.networkPluginMode;
  else delete cluster.networkPluginMode;
  cluster.networkDataplane = f.networkDataplane;
  cluster.networkPolicy = f.networkPolicy;
  cluster.podIpAllocation = f.podIpAllocation;
  if (f.podCidr) cluster.podCidr = f.podCidr;
  for (const pool of cluster.nodePools) {
    const pod = change.podSubnets[pool.id];
    if (pod) pool.podSubnetId = pod;
    else delete pool.podSubnetId;
  }
}

/** A copy of the design with the cluster under the model (the copy only: the design is never modified). */
export function designUnder(design: Design, change: ModelSwitch): Design {
  const copy = structuredClone(design) as Design;
  applyModelSwitch(copy, change);
  return copy;
}
