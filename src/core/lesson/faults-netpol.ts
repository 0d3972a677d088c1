/**
 * NetworkPolicy fault: a default-deny egress policy with no rule for the cluster DNS, so every name lookup of the
 * namespace's pods fails while pod-to-pod traffic by address still works.
 */
import { allowDnsPolicy } from '../netpol/generate';
import { policyYaml } from '../netpol/manifest';
import type { K8sNetworkPolicy } from '../netpol/types';
import { clustersThat, freshId } from './fault-util';
import type { Fault } from './types';

const WITH_WORKLOADS = clustersThat(
  (c) => (c.workloads?.length ?? 0) > 0,
  'running workloads (its Kubernetes layer has none)',
);

const DENY_EGRESS = (namespace: string): K8sNetworkPolicy => ({
  name: 'default-deny-egress',
  namespace,
  podSelector: {},
  policyTypes: ['Egress'],
});

// The DNS allow rule of the Kubernetes docs' "allow DNS" pattern: kube-system's kube-dns pods on UDP and TCP 53.
// https://kubernetes.io/docs/concepts/services-networking/network-policies/#targeting-a-namespace-by-its-name
const ALLOW_DNS = (namespace: string) => allowDnsPolicy(namespace, 'allow-dns-egress');

/** Adds the policy `policy` makes for the namespace of the cluster's first workload, as YAML text. */
const addPolicy = (base: string, policy: (ns: string) => K8sNetworkPolicy) =>
  WITH_WORKLOADS.change((d, c) => {
    const p = policy(c.workloads![0]!.namespace);
    c.networkPolicies = [
      ...(c.networkPolicies ?? []),
      { id: freshId(d, base), name: p.name, namespace: p.namespace, yaml: policyYaml(p) },
    ];
  });

export const DNS_EGRESS_BLOCKED: Fault = {
  id: 'dns-egress-blocked',
  title: 'DNS blocked by an egress NetworkPolicy',
  description:
    'A policy that isolates pods for egress denies everything it does not allow, the cluster DNS included: lookups of Service names time out, so the application fails although every allowed address is reachable.',
  learnUrl: 'https://learn.microsoft.com/azure/aks/use-network-policies',
  inject: addPolicy('np-default-deny-egress', DENY_EGRESS),
  check: WITH_WORKLOADS.noFinding('netpol-dns-egress-blocked'),
  repair: addPolicy('np-allow-dns-egress', ALLOW_DNS),
};
