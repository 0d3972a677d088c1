/**
 * NetworkPolicies generated from the topology, for a cluster whose policies are not written by hand: default deny
 * per namespace, then what the design needs to keep working: DNS to CoreDNS, traffic inside the namespace, each
 * Service's port from where its load balancer or Application Gateway sends it, the private endpoints on their
 * ports, and the Internet only where the design routes it.
 * https://learn.microsoft.com/azure/aks/network-policy-best-practices
 */
import { designIndex, vnetsOfCluster } from '../design-index';
import type { Cluster, Design, LbFrontend } from '../model';
import type { Plan } from '../plan-types';
import { traceEgress } from '../paths/egress';
import type { K8sNetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from './types';

export interface GeneratedPolicy {
  policy: K8sNetworkPolicy;
  /** Why the design needs it, for the comment above it. */
  why: string;
}

/** CoreDNS on AKS: kube-system pods labelled k8s-app=kube-dns (https://learn.microsoft.com/azure/aks/coredns-custom). */
const DNS_PEER: NetworkPolicyPeer = {
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
  podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
};
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

/** Ports of a private endpoint by its sub-resource; HTTPS for the rest. */
const ENDPOINT_PORTS: Record<string, number> = {
  sqlServer: 1433,
  mysqlServer: 3306,
  postgresqlServer: 5432,
  redisCache: 6380,
  mongo: 10255,
  Cassandra: 10350,
};

/** A Kubernetes object name: lowercase, hyphens, at most 63 characters. */
function objectName(...parts: string[]): string {
  const s = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return s.slice(0, 63).replace(/-$/, '') || 'policy';
}

const tcp = (port: number): NetworkPolicyPort => ({ protocol: 'TCP', port });

/** Egress from every pod of the namespace to the cluster DNS on UDP and TCP 53. */
export const allowDnsPolicy = (namespace: string, name = 'allow-dns'): K8sNetworkPolicy => ({
  name,
  namespace,
  podSelector: {},
  policyTypes: ['Egress'],
  egress: [{ to: [DNS_PEER], ports: [{ protocol: 'UDP', port: 53 }, tcp(53)] }],
});

/** Where a Service's load balancer takes its clients from: anywhere (public) or the networks that reach the VNet. */
function clientsOf(design: Design, c: Cluster, internal: boolean): NetworkPolicyPeer[] | undefined {
  if (!internal) return undefined;
  const idx = designIndex(design);
  const own = vnetsOfCluster(c, idx);
  const vnets = new Set(own);
  for (const v of own) for (const p of idx.peers.get(v) ?? []) vnets.add(p);
  const cidrs = [
    ...[...vnets].flatMap((id) => idx.vnet.get(id)?.addressSpaces ?? []),
    ...design.onPremSites.flatMap((s) => s.addressPrefixes),
  ];
  return [...new Set(cidrs)].map((cidr) => ({ ipBlock: { cidr } }));
}

function servicePolicies(design: Design, c: Cluster): GeneratedPolicy[] {
  const idx = designIndex(design);
  const out: GeneratedPolicy[] = [];
  for (const lb of idx.loadBalancersOfCluster.get(c.id) ?? [])
    for (const f of lb.frontends) {
      const from = clientsOf(design, c, lb.type === 'internal');
      out.push({
        policy: {
          name: objectName('allow', f.name),
          namespace: f.namespace,
          podSelector: { matchLabels: { app: f.appLabel } },
          policyTypes: ['Ingress'],
          ingress: [{ ...(from ? { from } : {}), ports: [tcp(f.targetPort)] }],
        },
        why:
          lb.type === 'internal'
            ? `Service ${f.name} behind internal load balancer ${lb.name}: its port from the VNet, its peers and on-premises`
            : `Service ${f.name} behind public load balancer ${lb.name}: its port from anywhere`,
      });
    }
  // AGIC sends to the pods from the gateway's subnet (https://learn.microsoft.com/azure/application-gateway/ingress-controller-overview).
  const first: LbFrontend | undefined = (idx.loadBalancersOfCluster.get(c.id) ?? []).flatMap((l) => l.frontends)[0];
  for (const gw of idx.appGatewaysOfCluster.get(c.id) ?? []) {
    const subnet = idx.subnet.get(gw.subnetId)?.subnet;
    if (!subnet || !first) continue;
    out.push({
      policy: {
        name: objectName('allow', gw.name, 'to', first.name),
        namespace: first.namespace,
        podSelector: { matchLabels: { app: first.appLabel } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ ipBlock: { cidr: subnet.cidr } }], ports: [tcp(first.targetPort)] }],
      },
      why: `Application Gateway ${gw.name} (AGIC) reaches the pods of ${first.name} from its subnet ${subnet.cidr}`,
    });
  }
  return out;
}

function endpointPeers(
  design: Design,
  c: Cluster,
): { to: NetworkPolicyPeer[]; ports: NetworkPolicyPort[]; names: string[] } {
  const idx = designIndex(design);
  const own = vnetsOfCluster(c, idx);
  const reach = new Set(own);
  for (const v of own) for (const p of idx.peers.get(v) ?? []) reach.add(p);
  const eps = design.privateEndpoints.filter((pe) => {
    const ref = idx.subnet.get(pe.subnetId);
    return ref && reach.has(ref.vnet.id);
  });
  const to = eps.map((pe) => ({
    ipBlock: { cidr: pe.privateIp ? `${pe.privateIp}/32` : idx.subnet.get(pe.subnetId)!.subnet.cidr },
  }));
  const ports = [...new Set(eps.map((pe) => ENDPOINT_PORTS[pe.groupId] ?? 443))].sort((a, b) => a - b).map(tcp);
  return { to, ports, names: eps.map((pe) => pe.name) };
}

/** The cluster's pods reach the Internet when the egress trace of every pool is delivered. */
function internetRouted(design: Design, plan: Pick<Plan, 'clusters'>, c: Cluster): boolean {
  return (
    c.nodePools.length > 0 &&
    c.nodePools.every((p) => traceEgress(design, plan, p.id, 'internet').outcome === 'delivered')
  );
}

/** The namespaces the design puts pods in: its Services' and its drawn workloads'. */
function namespacesOf(design: Design, c: Cluster): string[] {
  const idx = designIndex(design);
  const fromServices = (idx.loadBalancersOfCluster.get(c.id) ?? []).flatMap((l) => l.frontends.map((f) => f.namespace));
  const fromWorkloads = (c.workloads ?? []).map((w) => w.namespace);
  return [...new Set([...fromServices, ...fromWorkloads])].filter((n) => n !== 'kube-system').sort();
}

export function generatePolicies(design: Design, plan: Pick<Plan, 'clusters'>, c: Cluster): GeneratedPolicy[] {
  const namespaces = namespacesOf(design, c);
  if (namespaces.length === 0) return [];
  const internet = internetRouted(design, plan, c);
  const endpoints = endpointPeers(design, c);
  const perNamespace = namespaces.flatMap((ns): GeneratedPolicy[] => [
    {
      policy: { name: 'default-deny', namespace: ns, podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
      why: `namespace ${ns}: nothing in or out unless a policy below allows it`,
    },
    {
      policy: allowDnsPolicy(ns),
      why: 'name lookups to CoreDNS (kube-system, k8s-app=kube-dns) on UDP and TCP 53',
    },
    {
      policy: {
        name: 'allow-same-namespace',
        namespace: ns,
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ from: [{ podSelector: {} }] }],
        egress: [{ to: [{ podSelector: {} }] }],
      },
      why: `pods of ${ns} talk to each other; other namespaces stay out`,
    },
    ...(endpoints.to.length
      ? [
          {
            policy: {
              name: 'allow-private-endpoints',
              namespace: ns,
              podSelector: {},
              policyTypes: ['Egress' as const],
              egress: [{ to: endpoints.to, ports: endpoints.ports }],
            },
            why: `private endpoints ${endpoints.names.join(', ')} on their ports`,
          },
        ]
      : []),
    ...(internet
      ? [
          {
            policy: {
              name: 'allow-internet-egress',
              namespace: ns,
              podSelector: {},
              policyTypes: ['Egress' as const],
              egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: PRIVATE_RANGES } }] }],
            },
            why: 'the Internet, which the design routes the pools to (their egress traces are delivered)',
          },
        ]
      : []),
  ]);
  return [...perNamespace, ...servicePolicies(design, c)];
}
