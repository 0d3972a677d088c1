/** Findings on a cluster's NetworkPolicies, read together with the cluster's network policy engine. */
import { defineRule } from '../validate/rule';
import { NETPOL_ENGINE_RULES } from './engine-rules';
import { parsePolicyText } from './parse';

const AKS_NETPOL_URL = 'https://learn.microsoft.com/azure/aks/use-network-policies';

export const netpolPolicyInvalid = defineRule<{ cluster: string; policy: string; line: number; problem: string }>({
  id: 'netpol-policy-invalid',
  severity: 'error',
  summary: 'A NetworkPolicy the API server would refuse (YAML or schema error)',
  // The schema is Kubernetes' (kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/);
  // the Learn page is AKS's page on writing and applying policies.
  learnUrl: AKS_NETPOL_URL,
  message: (p) =>
    `${p.cluster}: NetworkPolicy ${p.policy}, line ${p.line}: ${p.problem}; the cluster refuses it and it is left out of the matrix`,
  check: ({ design }, report) => {
    for (const c of design.clusters) {
      for (const p of c.networkPolicies ?? []) {
        const first = parsePolicyText(p.yaml).problems[0];
        if (first)
          report(c.id, {
            cluster: c.name,
            policy: `${p.namespace}/${p.name}`,
            line: first.line,
            problem: first.message,
          });
      }
    }
  },
});

// "If you don't enable a network policy engine, network policies have no effect" (use-network-policies).
export const netpolNotEnforced = defineRule<{ cluster: string; count: number }>({
  id: 'netpol-not-enforced',
  severity: 'warning',
  summary: 'NetworkPolicies on a cluster without a network policy engine are not enforced',
  learnUrl: AKS_NETPOL_URL,
  message: (p) =>
    `${p.cluster} has ${p.count} NetworkPolicy object(s) but networkPolicy is none: nothing enforces them and every pod accepts all traffic; choose Cilium, Calico or Azure NPM`,
  check: ({ design }, report) => {
    for (const c of design.clusters) {
      const n = c.networkPolicies?.length ?? 0;
      if (n > 0 && c.networkPolicy === 'none') report(c.id, { cluster: c.name, count: n });
    }
  },
});

export const NETPOL_RULES = [netpolPolicyInvalid, netpolNotEnforced, ...NETPOL_ENGINE_RULES];
