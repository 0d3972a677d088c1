/**
 * Preconditions of a network migration, one entry per Azure fact, each with its Microsoft Learn page. They read the
 * design as it stands before their stage. Source of the migration facts:
 * https://learn.microsoft.com/azure/aks/update-azure-cni (MicrosoftDocs/azure-aks-docs articles/aks/update-azure-cni.md)
 */
import { networkModelOf } from '../ipam/defaults';
import type { Cluster, Design, Id } from '../model';
import type { NetworkModel } from '../plan-types';
import { kubenetRouteTables } from './design';
import type { CheckSeverity, MigrationCheck, MigrationStage } from './types';

const UPDATE = 'https://learn.microsoft.com/azure/aks/update-azure-cni';
export const MIGRATE_URL = {
  paths: `${UPDATE}#supported-migration-paths`,
  overlay: `${UPDATE}#update-the-ipam-mode-to-azure-cni-overlay`,
  cilium: `${UPDATE}#update-the-data-plane-to-azure-cni-powered-by-cilium`,
  uninstall:
    'https://learn.microsoft.com/azure/aks/use-network-policies#uninstall-azure-network-policy-manager-or-calico',
  npmToCilium: 'https://learn.microsoft.com/azure/aks/migrate-from-npm-to-cilium-network-policy',
  kubenet: 'https://learn.microsoft.com/azure/aks/configure-kubenet',
  overlayConcepts: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay',
  agic: 'https://learn.microsoft.com/azure/application-gateway/ingress-controller-overview',
};

/** What a precondition reads: the design before its stage and the cluster in it. */
export interface PreconditionContext {
  design: Design;
  cluster: Cluster;
  model: NetworkModel;
}

/** A rule-like precondition: `find` returns the subjects and parameters it holds for; empty when it passes. */
export interface Precondition<P> {
  id: string;
  stage: MigrationStage;
  severity: CheckSeverity;
  summary: string;
  learnUrl: string;
  message: (p: P) => string;
  find: (ctx: PreconditionContext) => { subjectId: Id; params: P }[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPrecondition = Precondition<any>;

const one = <P>(subjectId: Id, params: P) => [{ subjectId, params }];
const MODEL_NAME: Record<NetworkModel, string> = {
  kubenet: 'kubenet',
  'azure-cni-node-subnet': 'Azure CNI (node subnet)',
  'azure-cni-pod-subnet-dynamic': 'Azure CNI with dynamic IP allocation (pod subnet)',
  'azure-cni-pod-subnet-static': 'Azure CNI with static block allocation (pod subnet)',
  'azure-cni-overlay': 'Azure CNI Overlay',
  'byo-cni': 'bring-your-own CNI',
};
export const modelName = (m: NetworkModel) => MODEL_NAME[m];
const windowsPools = (c: Cluster) => c.nodePools.filter((p) => p.osType === 'Windows');
const policyEngine = (c: Cluster) => (c.networkPolicy === 'azure' ? 'Azure NPM' : 'Calico');
const hasEngine = (c: Cluster) => c.networkPolicy === 'azure' || c.networkPolicy === 'calico';

/** "Is on Kubernetes version 1.27 or later" (update-azure-cni). */
export const OVERLAY_MIN_VERSION: readonly [number, number] = [1, 27];
function versionBelow(text: string, [major, minor]: readonly [number, number]): boolean {
  const m = /^(\d+)\.(\d+)/.exec(text);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a < major || (a === major && b < minor);
}

type Cl = { cluster: string };
type Model = Cl & { model: string };

const OVERLAY_PRECONDITIONS: readonly AnyPrecondition[] = [
  {
    id: 'migrate-overlay-source',
    stage: 'overlay',
    severity: 'blocker',
    summary: 'AKS migrates the IPAM mode to Azure CNI Overlay only from kubenet or Azure CNI (node subnet).',
    learnUrl: MIGRATE_URL.paths,
    message: (p: Model) =>
      p.model === MODEL_NAME['azure-cni-overlay']
        ? `${p.cluster} already uses Azure CNI Overlay`
        : `${p.cluster} uses ${p.model}: AKS migrates to Azure CNI Overlay only from kubenet or Azure CNI (node subnet)`,
    find: ({ cluster: c, model }) =>
      model === 'kubenet' || model === 'azure-cni-node-subnet'
        ? []
        : one(c.id, { cluster: c.name, model: MODEL_NAME[model] }),
  },
  {
    id: 'migrate-overlay-kubernetes-version',
    stage: 'overlay',
    severity: 'blocker',
    summary: 'The cluster must run Kubernetes 1.27 or later to move to Azure CNI Overlay.',
    learnUrl: MIGRATE_URL.overlay,
    message: (p: Cl & { version: string }) =>
      `${p.cluster} runs Kubernetes ${p.version}: upgrade to 1.27 or later before moving to Azure CNI Overlay`,
    find: ({ cluster: c }) =>
      c.kubernetesVersion && versionBelow(c.kubernetesVersion, OVERLAY_MIN_VERSION)
        ? one(c.id, { cluster: c.name, version: c.kubernetesVersion })
        : [],
  },
  {
    id: 'migrate-overlay-network-policy',
    stage: 'overlay',
    severity: 'warning',
    summary: 'The cluster must have no network policy engine (Azure NPM or Calico): it is uninstalled first.',
    learnUrl: MIGRATE_URL.uninstall,
    message: (p: Cl & { engine: string }) =>
      `${p.cluster} runs ${p.engine}: it is uninstalled first (--network-policy none); NetworkPolicies stay in the ` +
      'cluster but nothing enforces them until an engine runs again (Cilium: migrate with --to cilium)',
    find: ({ cluster: c }) => (hasEngine(c) ? one(c.id, { cluster: c.name, engine: policyEngine(c) }) : []),
  },
  {
    id: 'migrate-overlay-windows',
    stage: 'overlay',
    severity: 'warning',
    summary: 'Windows pools need containerd and OS build 20348.1668 or later for Azure CNI Overlay.',
    learnUrl: MIGRATE_URL.overlay,
    message: (p: { pool: string }) =>
      `Windows pool ${p.pool}: Docker as container runtime is not supported, and builds before 20348.1668 SNAT ` +
      'host-network pod traffic wrongly: upgrade the node image first',
    find: ({ cluster: c }) => windowsPools(c).map((p) => ({ subjectId: p.id, params: { pool: p.name } })),
  },
  {
    id: 'migrate-overlay-route-table',
    stage: 'overlay',
    severity: 'warning',
    summary: "kubenet's route table must be detached from the node subnet before the update.",
    learnUrl: MIGRATE_URL.overlay,
    message: (p: { table: string; subnet: string; routes: number }) =>
      `route table ${p.table} is detached from subnet ${p.subnet} before the update` +
      (p.routes > 0 ? ` and attached again after it (its ${p.routes} routes of its own are kept)` : '') +
      '; AKS deletes the pod routes it wrote there',
    find: ({ design, cluster: c, model }) =>
      model !== 'kubenet'
        ? []
        : kubenetRouteTables(design, c).map(({ subnetId, table }) => ({
            subjectId: subnetId,
            params: { table: table.name, subnet: subnetName(design, subnetId), routes: table.routes.length },
          })),
  },
  {
    id: 'migrate-overlay-identity',
    stage: 'overlay',
    severity: 'warning',
    summary: 'Removing kubenet\u2019s route table needs a user-assigned managed identity on the cluster.',
    learnUrl: MIGRATE_URL.overlay,
    message: (p: Cl) =>
      `${p.cluster} needs a user-assigned managed identity to remove its route table; a system-assigned one is not ` +
      'supported (the design does not record the identity: check it)',
    find: ({ cluster: c, model }) => (model === 'kubenet' ? one(c.id, { cluster: c.name }) : []),
  },
  {
    id: 'migrate-overlay-managed-route-table',
    stage: 'overlay',
    severity: 'info',
    summary: 'With a route table AKS created, the migration deletes that route table.',
    learnUrl: MIGRATE_URL.overlay,
    message: (p: Cl) =>
      `${p.cluster} routes pods through the route table AKS created in the node resource group: the migration deletes it`,
    find: ({ design, cluster: c, model }) =>
      model === 'kubenet' && kubenetRouteTables(design, c).length === 0 ? one(c.id, { cluster: c.name }) : [],
  },
  {
    id: 'migrate-kubenet-retirement',
    stage: 'overlay',
    severity: 'info',
    summary: 'AKS no longer supports kubenet from 31 March 2028.',
    learnUrl: MIGRATE_URL.kubenet,
    message: (p: Cl) => `${p.cluster} uses kubenet, which AKS no longer supports from 31 March 2028`,
    find: ({ cluster: c, model }) => (model === 'kubenet' ? one(c.id, { cluster: c.name }) : []),
  },
  {
    // Learn no longer restricts AGIC under Overlay: concepts-network-azure-cni-overlay lists no AGIC limitation
    // (it once read "Application Gateway can't be used as an Ingress Controller (AGIC) for an Overlay cluster"),
    // update-azure-cni sets no AGIC precondition, and the AGIC overview lists the container networking it
    // supports. Overlay support came with AGIC 1.8.0 (CHANGELOG-1.8.md of
    // Azure/application-gateway-kubernetes-ingress, #1650); the AKS add-on is updated automatically.
    id: 'migrate-overlay-agic',
    stage: 'overlay',
    severity: 'info',
    summary: 'AGIC supports Azure CNI Overlay; a Helm-deployed AGIC needs release 1.8.0 or later.',
    learnUrl: MIGRATE_URL.agic,
    message: (p: { gateway: string }) =>
      `Application Gateway ${p.gateway} (AGIC) keeps working with Azure CNI Overlay: the AKS add-on is updated ` +
      'automatically; AGIC deployed with Helm supports Overlay from release 1.8.0, so upgrade an older release first',
    find: ({ design, cluster: c }) =>
      design.appGateways
        .filter((g) => g.agicClusterId === c.id)
        .map((g) => ({ subjectId: g.id, params: { gateway: g.name } })),
  },
  {
    id: 'migrate-overlay-masq-agent',
    stage: 'overlay',
    severity: 'info',
    summary: 'A custom azure-ip-masq-agent configuration can break connectivity after the update.',
    learnUrl: MIGRATE_URL.overlay,
    message: (p: Cl) =>
      `${p.cluster}: a custom azure-ip-masq-agent config that keeps pod IPs unNATed towards some ranges breaks ` +
      'with Overlay (pod IPs are unreachable outside the nodes); delete a leftover azure-ip-masq-agent-config ConfigMap',
    find: ({ cluster: c }) => one(c.id, { cluster: c.name }),
  },
  {
    id: 'migrate-overlay-irreversible',
    stage: 'overlay',
    severity: 'info',
    summary: 'The move to Azure CNI Overlay is one-way and reimages every node pool at once.',
    learnUrl: MIGRATE_URL.paths,
    message: (p: Cl) => `${p.cluster}: the move to Overlay cannot be undone, and every node pool is reimaged at once`,
    find: ({ cluster: c }) => one(c.id, { cluster: c.name }),
  },
];

const CILIUM_SOURCES: readonly NetworkModel[] = [
  'azure-cni-node-subnet',
  'azure-cni-pod-subnet-dynamic',
  'azure-cni-overlay',
];

const CILIUM_PRECONDITIONS: readonly AnyPrecondition[] = [
  {
    id: 'migrate-cilium-source',
    stage: 'cilium',
    severity: 'blocker',
    summary: 'The dataplane moves to Cilium from Azure CNI: node subnet, dynamic IP allocation or Overlay.',
    learnUrl: MIGRATE_URL.paths,
    message: (p: Model & { already: boolean }) =>
      p.already
        ? `${p.cluster} already runs the Cilium dataplane`
        : `${p.cluster} uses ${p.model}: the Cilium dataplane update is supported from Azure CNI (node subnet), ` +
          'dynamic IP allocation or Overlay',
    find: ({ cluster: c, model }) => {
      if (c.networkDataplane === 'cilium')
        return one(c.id, { cluster: c.name, model: MODEL_NAME[model], already: true });
      return CILIUM_SOURCES.includes(model)
        ? []
        : one(c.id, { cluster: c.name, model: MODEL_NAME[model], already: false });
    },
  },
  {
    id: 'migrate-cilium-windows',
    stage: 'cilium',
    severity: 'blocker',
    summary: 'The Cilium dataplane update is not supported on clusters with Windows node pools.',
    learnUrl: MIGRATE_URL.cilium,
    message: (p: { pool: string }) =>
      `Windows pool ${p.pool}: the Cilium dataplane update is not supported on clusters with Windows pools`,
    find: ({ cluster: c }) => windowsPools(c).map((p) => ({ subjectId: p.id, params: { pool: p.name } })),
  },
  {
    id: 'migrate-cilium-policy-engine',
    stage: 'cilium',
    severity: 'warning',
    summary: 'Azure NPM or Calico is uninstalled and replaced by Cilium, which can enforce policies differently.',
    learnUrl: MIGRATE_URL.npmToCilium,
    message: (p: Cl & { engine: string }) =>
      `${p.cluster}: ${p.engine} is uninstalled and replaced by Cilium; check your NetworkPolicies against the ` +
      'differences (endPort, ipBlock to node or pod IPs, ...) before the update',
    find: ({ cluster: c }) => (hasEngine(c) ? one(c.id, { cluster: c.name, engine: policyEngine(c) }) : []),
  },
  {
    id: 'migrate-cilium-node-auto-provisioning',
    stage: 'cilium',
    severity: 'info',
    summary: 'Node auto-provisioning must be off during the Cilium dataplane update.',
    learnUrl: MIGRATE_URL.cilium,
    message: (p: Cl) =>
      `${p.cluster}: if node auto-provisioning is on, turn it off before the update and on again after it`,
    find: ({ cluster: c }) => one(c.id, { cluster: c.name }),
  },
  {
    id: 'migrate-cilium-reimage',
    stage: 'cilium',
    severity: 'info',
    summary: 'Every node pool is reimaged at once; Cilium enforces policies once all nodes are reimaged.',
    learnUrl: MIGRATE_URL.cilium,
    message: (p: Cl) =>
      `${p.cluster}: every node pool is reimaged at once; Cilium enforces network policies only after all nodes are`,
    find: ({ cluster: c }) => one(c.id, { cluster: c.name }),
  },
];

export const MIGRATION_PRECONDITIONS: readonly AnyPrecondition[] = [...OVERLAY_PRECONDITIONS, ...CILIUM_PRECONDITIONS];

function subnetName(design: Design, id: Id): string {
  for (const v of design.vnets) for (const s of v.subnets) if (s.id === id) return s.name;
  return id;
}

/** The checks of one stage against the design as it stands before it. */
export function checkStage(design: Design, clusterId: Id, stage: MigrationStage): MigrationCheck[] {
  const cluster = design.clusters.find((c) => c.id === clusterId);
  if (!cluster) return [];
  const ctx: PreconditionContext = { design, cluster, model: networkModelOf(cluster) };
  return MIGRATION_PRECONDITIONS.filter((p) => p.stage === stage).flatMap((p) =>
    p.find(ctx).map(({ subjectId, params }) => ({
      id: p.id,
      severity: p.severity,
      stage,
      subjectId,
      message: p.message(params),
      learnUrl: p.learnUrl,
    })),
  );
}
