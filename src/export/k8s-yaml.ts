/**
 * Kubernetes manifests the design implies: a LoadBalancer Service per load balancer frontend (internal ones
 * with the internal, subnet and static IP annotations), an Ingress per AGIC gateway, and, when the cluster has a
 * network policy engine, its NetworkPolicies: those drawn in the design, or a set generated from the topology.
 * https://learn.microsoft.com/azure/aks/internal-lb
 */
import {
  computePlan,
  designIndex,
  generatePolicies,
  manifestYaml,
  parsePolicyText,
  policyManifest,
  type Cluster,
  type Design,
  type LbFrontend,
  type LoadBalancer,
  type Plan,
} from '../core/index';

type Manifest = Record<string, unknown>;

/**
 * Where the deployment put the Azure resources the Services refer to: the az script fills in its own parameters,
 * the standalone YAML assumes the script's defaults.
 */
export interface ManifestContext {
  resourceGroup: string;
  namePrefix: string;
}

export const DEFAULT_RESOURCE_GROUP = 'rg-aks-network';
const STANDALONE: ManifestContext = { resourceGroup: DEFAULT_RESOURCE_GROUP, namePrefix: '' };

function service(
  d: Design,
  lb: LoadBalancer,
  f: LbFrontend,
  subnetNames: Map<string, string>,
  ctx: ManifestContext,
): Manifest {
  const annotations: Record<string, string> = {};
  if (lb.type === 'internal') {
    annotations['service.beta.kubernetes.io/azure-load-balancer-internal'] = 'true';
    const subnet = lb.subnetId ? subnetNames.get(lb.subnetId) : undefined;
    if (subnet) annotations['service.beta.kubernetes.io/azure-load-balancer-internal-subnet'] = subnet;
    if (f.privateIp) annotations['service.beta.kubernetes.io/azure-load-balancer-ipv4'] = f.privateIp;
  } else if (f.publicIpId) {
    // A static public IP outside the node resource group: name it and its resource group.
    // https://learn.microsoft.com/azure/aks/static-ip
    const pip = designIndex(d).publicIp.get(f.publicIpId);
    if (pip) {
      annotations['service.beta.kubernetes.io/azure-load-balancer-resource-group'] = ctx.resourceGroup;
      annotations['service.beta.kubernetes.io/azure-pip-name'] = `${ctx.namePrefix}${pip.name}`;
    }
  }
  const metadata: Manifest = { name: f.name, namespace: f.namespace };
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata,
    spec: {
      type: 'LoadBalancer',
      selector: { app: f.appLabel },
      ports: [{ protocol: 'TCP', port: f.port, targetPort: f.targetPort }],
    },
  };
}

/** The cluster's load balancers, in design order. */
const lbsOf = (d: Design, c: Cluster) => designIndex(d).loadBalancersOfCluster.get(c.id) ?? [];

/**
 * The cluster's NetworkPolicies: the ones drawn in the design when it has any (those that parse; the findings name
 * the others), otherwise the set generated from the topology. None without a policy engine: nothing would enforce them.
 */
function policies(d: Design, c: Cluster, plan: Pick<Plan, 'clusters'> | undefined): Manifest[] {
  if (c.networkPolicy === 'none') return [];
  if (c.networkPolicies?.length)
    return c.networkPolicies.flatMap((t) => {
      const p = parsePolicyText(t.yaml).policy;
      return p ? [policyManifest(p)] : [];
    });
  return generatePolicies(d, plan ?? computePlan(d), c).map((g) => policyManifest(g.policy));
}

function ingress(d: Design, c: Cluster): Manifest[] {
  return (designIndex(d).appGatewaysOfCluster.get(c.id) ?? []).flatMap(() => {
    const f = lbsOf(d, c).flatMap((l) => l.frontends)[0];
    if (!f) return [];
    return [
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: `${f.name}-ingress`, namespace: f.namespace },
        spec: {
          ingressClassName: 'azure-application-gateway',
          rules: [
            {
              http: {
                paths: [
                  { path: '/', pathType: 'Prefix', backend: { service: { name: f.name, port: { number: f.port } } } },
                ],
              },
            },
          ],
        },
      },
    ];
  });
}

/**
 * Services that use a static public IP, or an internal load balancer in a subnet other than the cluster's node
 * subnets, act on resources in the script's resource group: the cluster identity needs Network Contributor there
 * (az aks create grants it on the node subnet only).
 * https://learn.microsoft.com/azure/aks/static-ip, https://learn.microsoft.com/azure/aks/internal-lb
 */
export function servicesNeedNetworkRole(d: Design, c: Cluster): boolean {
  const nodeSubnets = new Set(c.nodePools.map((p) => p.nodeSubnetId));
  return lbsOf(d, c).some((lb) =>
    lb.type === 'internal'
      ? lb.subnetId !== undefined && !nodeSubnets.has(lb.subnetId)
      : lb.frontends.some((f) => f.publicIpId),
  );
}

export function subnetNamesOf(d: Design): Map<string, string> {
  return new Map(d.vnets.flatMap((v) => v.subnets.map((s) => [s.id, s.name] as const)));
}

/**
 * The Services of the cluster's Kubernetes layer. One with the namespace and name of a load balancer frontend is
 * left to the frontend, which carries its Azure settings.
 */
function layerServices(c: Cluster, frontends: Set<string>): Manifest[] {
  return (c.services ?? [])
    .filter((s) => !frontends.has(`${s.namespace}/${s.name}`))
    .map((s) => {
      const spec: Manifest = { type: s.type };
      if (Object.keys(s.selector).length > 0) spec.selector = { ...s.selector };
      spec.ports = s.ports.map((p) => ({
        ...(p.name ? { name: p.name } : {}),
        protocol: p.protocol,
        port: p.port,
        ...(p.targetPort !== undefined ? { targetPort: p.targetPort } : {}),
      }));
      return { apiVersion: 'v1', kind: 'Service', metadata: { name: s.name, namespace: s.namespace }, spec };
    });
}

/** The manifests of one cluster, in apply order. */
export function clusterManifests(
  d: Design,
  c: Cluster,
  subnetNames = subnetNamesOf(d),
  ctx: ManifestContext = STANDALONE,
  plan?: Pick<Plan, 'clusters'>,
): Manifest[] {
  const lbs = lbsOf(d, c);
  const services = lbs.flatMap((lb) => lb.frontends.map((f) => service(d, lb, f, subnetNames, ctx)));
  const frontends = new Set(lbs.flatMap((lb) => lb.frontends.map((f) => `${f.namespace}/${f.name}`)));
  return [...policies(d, c, plan), ...services, ...layerServices(c, frontends), ...ingress(d, c)];
}

/**
 * YAML text of manifests, one document each. Clusters often share manifests (the same network policies): pass
 * one `seen` map for a whole export and each distinct manifest is stringified once.
 */
export function renderManifests(manifests: Manifest[], seen = new Map<string, string>()): string {
  return manifests
    .map((m) => {
      const key = JSON.stringify(m);
      let text = seen.get(key);
      if (text === undefined) seen.set(key, (text = manifestYaml(m)));
      return text;
    })
    .join('---\n');
}

export interface K8sYamlOptions {
  /** Resource group of the static public IPs (the az script's default when absent). */
  resourceGroup?: string;
}

export function exportK8sYaml(design: Design, plan: Plan, opts: K8sYamlOptions = {}): string {
  const names = subnetNamesOf(design);
  const ctx: ManifestContext = { resourceGroup: opts.resourceGroup ?? DEFAULT_RESOURCE_GROUP, namePrefix: '' };
  const seen = new Map<string, string>();
  const parts = design.clusters.flatMap((c) => {
    const m = clusterManifests(design, c, names, ctx, plan);
    return m.length > 0 ? [`# Cluster ${c.name.replace(/[\r\n]+/g, ' ')}\n${renderManifests(m, seen)}`] : [];
  });
  if (parts.length === 0) return '# The design has no Kubernetes Services, ingresses or network policies to apply.\n';
  const text = parts.join('---\n');
  const note = text.includes('azure-load-balancer-resource-group')
    ? `# Static public IPs are looked up in resource group ${ctx.resourceGroup.replace(/[\r\n]+/g, ' ')}: edit those annotations if the IPs live elsewhere.\n`
    : '';
  return note + text;
}
