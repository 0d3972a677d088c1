/**
 * NetworkPolicy fault: a default-deny egress policy with no rule for the cluster DNS, so every name lookup of the
 * namespace's pods fails while pod-to-pod traffic by address still works.
 */
import { clustersThat, freshId } from './fault-util';
import type { Fault } from './types';

const WITH_WORKLOADS = clustersThat(
  (c) => (c.workloads?.length ?? 0) > 0,
  'running workloads (its Kubernetes layer has none)',
);

const DENY_EGRESS = (ns: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-egress
  namespace: ${ns}
spec:
  podSelector: {}
  policyTypes:
    - Egress
`;

// The DNS allow rule of the Kubernetes docs' "allow DNS" pattern: kube-system's kube-dns pods on UDP and TCP 53.
// https://kubernetes.io/docs/concepts/services-networking/network-policies/#targeting-a-namespace-by-its-name
const ALLOW_DNS = (ns: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-dns-egress
  namespace: ${ns}
spec:
  podSelector: {}
  policyTypes:
    - Egress
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
          podSelector:
            matchLabels:
              k8s-app: kube-dns
      ports:
        - protocol: UDP
          port: 53
        - protocol: TCP
          port: 53
`;

/** Adds a policy named `name` (yaml of its namespace) in the namespace of the cluster's first workload. */
const addPolicy = (base: string, name: string, yaml: (ns: string) => string) =>
  WITH_WORKLOADS.change((d, c) => {
    const ns = c.workloads![0]!.namespace;
    c.networkPolicies = [...(c.networkPolicies ?? []), { id: freshId(d, base), name, namespace: ns, yaml: yaml(ns) }];
  });

export const DNS_EGRESS_BLOCKED: Fault = {
  id: 'dns-egress-blocked',
  title: 'DNS blocked by an egress NetworkPolicy',
  description:
    'A policy that isolates pods for egress denies everything it does not allow, the cluster DNS included: lookups of Service names time out, so the application fails although every allowed address is reachable.',
  learnUrl: 'https://learn.microsoft.com/azure/aks/use-network-policies',
  inject: addPolicy('np-default-deny-egress', 'default-deny-egress', DENY_EGRESS),
  check: WITH_WORKLOADS.noFinding('netpol-dns-egress-blocked'),
  repair: addPolicy('np-allow-dns-egress', 'allow-dns-egress', ALLOW_DNS),
};
