/**
 * Findings that read the policies through the engine: a workload cut off from the cluster DNS, named ports that
 * resolve on no destination pod, two ports with one name, a selector that matches nothing, and ipBlocks over pod or
 * node addresses on Cilium, which ignores them.
 */
import { overlapsRange, toRange, type Range } from '../cidr';
import { designIndex } from '../design-index';
import type { Cluster, Design } from '../model';
import { defineRule } from '../validate/rule';
import { hasConn } from './conn-set';
import { directionConns, policyIndex, type PolicyIndex } from './engine';
import { policyWorldOf } from './design-world';
import { ipBlockRanges, policySelects } from './rules';
import type { K8sNetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, PolicyWorld, Workload } from './types';

const NETPOL_DOCS = 'https://kubernetes.io/docs/concepts/services-networking/network-policies/';
// CoreDNS on AKS runs in kube-system with the label k8s-app=kube-dns ("Customize CoreDNS for AKS").
const COREDNS_URL = 'https://learn.microsoft.com/azure/aks/coredns-custom';
const CILIUM_URL = 'https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium#limitations';

/** The cluster DNS as the policies see it: CoreDNS pods behind the kube-dns Service. */
const COREDNS: Workload = {
  kind: 'Deployment',
  name: 'coredns',
  namespace: 'kube-system',
  labels: { 'k8s-app': 'kube-dns' },
  ports: [
    { name: 'dns', containerPort: 53, protocol: 'UDP' },
    { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
  ],
};

const withDns = new WeakMap<PolicyWorld, { index: PolicyIndex; dns: Workload }>();

/** The cluster's world with CoreDNS in it (the design's own CoreDNS workload when it draws one). */
function dnsWorld(world: PolicyWorld): { index: PolicyIndex; dns: Workload } {
  let hit = withDns.get(world);
  if (hit) return hit;
  const drawn = world.workloads.find((w) => w.namespace === 'kube-system' && w.labels['k8s-app'] === 'kube-dns');
  const dns = drawn ?? COREDNS;
  const namespaces = world.namespaces.some((n) => n.name === 'kube-system')
    ? world.namespaces
    : [...world.namespaces, { name: 'kube-system', labels: {} }];
  const w2 = drawn ? world : { ...world, namespaces, workloads: [...world.workloads, dns] };
  hit = { index: policyIndex(w2), dns };
  withDns.set(world, hit);
  return hit;
}

function clustersWithWorkloads(design: Design): { cluster: Cluster; world: PolicyWorld }[] {
  return design.clusters
    .filter((c) => (c.workloads?.length ?? 0) > 0 && (c.networkPolicies?.length ?? 0) > 0)
    .map((cluster) => ({ cluster, world: policyWorldOf(cluster) }));
}

const label = (w: { namespace: string; name: string }) => `${w.namespace}/${w.name}`;

export const netpolDnsEgressBlocked = defineRule<{ cluster: string; workload: string; policies: string }>({
  id: 'netpol-dns-egress-blocked',
  severity: 'warning',
  summary: 'A workload isolated for egress cannot reach the cluster DNS',
  learnUrl: COREDNS_URL,
  message: (p) =>
    `${p.cluster}: ${p.workload} is isolated for egress by ${p.policies} and no rule allows UDP 53 to the cluster DNS (kube-system pods with k8s-app=kube-dns): every name lookup fails; allow egress to them on UDP and TCP 53`,
  check: ({ design }, report) => {
    for (const { cluster, world } of clustersWithWorkloads(design)) {
      const { index, dns } = dnsWorld(world);
      for (const w of world.workloads) {
        if (w === dns) continue;
        const selecting = index.selecting.get(w)?.Egress ?? [];
        if (selecting.length === 0) continue;
        const conns = directionConns(index, 'Egress', w, { kind: 'pod', workload: dns }, dns);
        if (!hasConn(conns, 'UDP', 53))
          report(cluster.id, { cluster: cluster.name, workload: label(w), policies: selecting.map(label).join(', ') });
      }
    }
  },
});

/** The pods a rule's traffic is for: the policy's own pods for ingress, the rule's peers for egress. */
function destinations(index: PolicyIndex, p: K8sNetworkPolicy, peers: readonly NetworkPolicyPeer[] | undefined) {
  if (!peers) return index.world.workloads.filter((w) => policySelects(p, w));
  if (peers.length === 0) return index.world.workloads;
  const out = new Set<Workload>();
  for (const peer of peers) for (const w of index.peerPods.get(peer) ?? []) out.add(w);
  return [...out];
}

function namedPortsOf(p: K8sNetworkPolicy, index: PolicyIndex) {
  const rules = [
    ...(p.ingress ?? []).map((r) => ({ ports: r.ports, pods: destinations(index, p, undefined) })),
    ...(p.egress ?? []).map((r) => ({ ports: r.ports, pods: destinations(index, p, r.to ?? []) })),
  ];
  return rules.flatMap((r) =>
    (r.ports ?? [])
      .filter((x): x is NetworkPolicyPort & { port: string } => typeof x.port === 'string')
      .map((port) => ({ port, pods: r.pods })),
  );
}

export const netpolNamedPortUnresolved = defineRule<{
  cluster: string;
  policy: string;
  port: string;
  protocol: string;
  why: string;
}>({
  id: 'netpol-named-port-unresolved',
  severity: 'warning',
  summary: 'A named port that no destination pod declares with that protocol',
  // "Targeting a range of ports" and the NetworkPolicyPort reference: a named port resolves on each destination pod.
  learnUrl: 'https://learn.microsoft.com/azure/aks/use-network-policies',
  message: (p) =>
    `${p.cluster}: NetworkPolicy ${p.policy} allows port "${p.port}"/${p.protocol}, but ${p.why}: the rule allows nothing (${NETPOL_DOCS})`,
  check: ({ design }, report) => {
    for (const { cluster, world } of clustersWithWorkloads(design)) {
      const index = policyIndex(world);
      for (const p of world.policies)
        for (const { port, pods } of namedPortsOf(p, index)) {
          if (pods.length === 0) continue;
          const protocol = port.protocol ?? 'TCP';
          const named = pods.flatMap((w) => w.ports.filter((x) => x.name === port.port));
          if (named.some((x) => x.protocol === protocol)) continue;
          const why = named.length
            ? `the destination pods declare "${port.port}" as ${[...new Set(named.map((x) => x.protocol))].join('/')}`
            : `none of its ${pods.length} destination workload(s) declares a port of that name`;
          report(cluster.id, { cluster: cluster.name, policy: label(p), port: port.port, protocol, why });
        }
    }
  },
});

export const netpolDuplicatePortName = defineRule<{ cluster: string; workload: string; name: string }>({
  id: 'netpol-duplicate-port-name',
  severity: 'error',
  summary: 'Two container ports of a workload share one name',
  // "Each named port in a pod must have a unique name" (kubernetes.io, Pod v1 ContainerPort.name); the Learn page
  // is AKS's page on policies, which name ports.
  learnUrl: 'https://learn.microsoft.com/azure/aks/use-network-policies',
  message: (p) =>
    `${p.cluster}: ${p.workload} has two ports named "${p.name}": the API server refuses the pod, and a policy naming the port could not tell them apart`,
  check: ({ design }, report) => {
    for (const c of design.clusters)
      for (const w of c.workloads ?? []) {
        const seen = new Set<string>();
        for (const port of w.ports) {
          if (!port.name) continue;
          if (seen.has(port.name)) report(c.id, { cluster: c.name, workload: label(w), name: port.name });
          seen.add(port.name);
        }
      }
  },
});

export const netpolSelectsNothing = defineRule<{ cluster: string; policy: string }>({
  id: 'netpol-selects-nothing',
  severity: 'info',
  summary: 'A NetworkPolicy whose podSelector matches no workload drawn in its namespace',
  learnUrl: 'https://learn.microsoft.com/azure/aks/use-network-policies',
  message: (p) =>
    `${p.cluster}: NetworkPolicy ${p.policy} selects no workload of the design: it changes nothing until pods with its labels run there (check the labels and the namespace)`,
  check: ({ design }, report) => {
    for (const { cluster, world } of clustersWithWorkloads(design))
      for (const p of world.policies)
        if (!world.workloads.some((w) => policySelects(p, w)))
          report(cluster.id, { cluster: cluster.name, policy: label(p) });
  },
});

/** The cluster's pod and node address ranges: the overlay pod CIDR, the pod subnets and the node subnets. */
function podAndNodeRanges(design: Design, c: Cluster): Range[] {
  const idx = designIndex(design);
  const cidrs = [c.podCidr ?? ''];
  for (const pool of c.nodePools)
    for (const id of [pool.nodeSubnetId, pool.podSubnetId]) {
      const ref = id ? idx.subnet.get(id) : undefined;
      if (ref) cidrs.push(ref.subnet.cidr);
    }
  return cidrs.flatMap((x) => {
    const r = x ? toRange(x) : null;
    return r ? [r] : [];
  });
}

export const netpolCiliumIpBlockPods = defineRule<{ cluster: string; policy: string; cidr: string }>({
  id: 'netpol-cilium-ipblock-pods',
  severity: 'warning',
  summary: 'On Cilium, an ipBlock cannot allow pod or node addresses',
  // "Network policies cannot use ipBlock to allow access to node or pod IPs" (Azure CNI powered by Cilium, limitations).
  learnUrl: CILIUM_URL,
  message: (p) =>
    `${p.cluster}: NetworkPolicy ${p.policy} uses ipBlock ${p.cidr}, which covers pod or node addresses; Cilium does not apply ipBlock to them, so that traffic stays denied: select the pods with podSelector or namespaceSelector instead`,
  check: ({ design }, report) => {
    for (const c of design.clusters) {
      if (c.networkDataplane !== 'cilium' || !(c.networkPolicies?.length ?? 0)) continue;
      const inside = podAndNodeRanges(design, c);
      for (const p of policyWorldOf(c).policies) {
        const blocks = [
          ...(p.ingress ?? []).flatMap((r) => r.from ?? []),
          ...(p.egress ?? []).flatMap((r) => r.to ?? []),
        ]
          .map((peer) => peer.ipBlock)
          .filter((b): b is NonNullable<typeof b> => !!b);
        for (const b of blocks) {
          const r = ipBlockRanges(b);
          // 0.0.0.0/0 is the usual "the Internet" rule; a narrower block over pod or node ranges is the trap.
          if (r && r.cidr.prefix > 0 && inside.some((x) => overlapsRange(x, r.cidr)))
            report(c.id, { cluster: c.name, policy: label(p), cidr: b.cidr });
        }
      }
    }
  },
});

export const NETPOL_ENGINE_RULES = [
  netpolDnsEgressBlocked,
  netpolNamedPortUnresolved,
  netpolDuplicatePortName,
  netpolSelectsNothing,
  netpolCiliumIpBlockPods,
];
