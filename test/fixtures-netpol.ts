/** Catalogue rows for the NetworkPolicy rules: a cluster with one policy, broken and fixed. */
import type { Design } from '../src/core/index';
import { cluster, type Fixture } from './fixtures-foundation';

const DENY =
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: deny }\nspec:\n  podSelector: {}\n';
const withPolicy = (d: Design, yaml: string) => {
  cluster(d).networkPolicies = [{ id: 'np1', name: 'deny', namespace: 'default', yaml }];
};

export const NETPOL_FIXTURES: Record<string, Fixture> = {
  'netpol-policy-invalid': {
    bad: (d) => {
      cluster(d).networkPolicy = 'cilium';
      withPolicy(d, DENY.replace('podSelector: {}', 'podSelector: {}\n  policyTypes: [Sideways]'));
    },
    fix: (d) => withPolicy(d, DENY),
  },
  'netpol-not-enforced': {
    bad: (d) => withPolicy(d, DENY),
    fix: (d) => void (cluster(d).networkPolicy = 'calico'),
  },
};
