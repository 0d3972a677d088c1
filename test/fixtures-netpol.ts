/** Catalogue rows for the NetworkPolicy rules: a cluster with one policy, broken and fixed. */
import type { Design, K8sContainerPort } from '../src/core/index';
import { deployment } from '../src/core/test-elements';
import { cluster, type Fixture } from './fixtures-foundation';

const DENY =
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: deny }\nspec:\n  podSelector: {}\n';
const withPolicy = (d: Design, yaml: string) => {
  cluster(d).networkPolicies = [{ id: 'np1', name: 'deny', namespace: 'default', yaml }];
};

const policy = (name: string, spec: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: ${name} }\nspec:\n${spec}`;
const web = (ports: K8sContainerPort[] = [{ name: 'http', containerPort: 8080, protocol: 'TCP' }]) =>
  deployment('web', ports);
/** A cluster with a Calico engine, the web workload and the given policies. */
const layer = (d: Design, policies: string[], ports?: K8sContainerPort[]) => {
  const c = cluster(d);
  c.networkPolicy = 'calico';
  c.workloads = [web(ports)];
  c.networkPolicies = policies.map((yaml, i) => ({ id: `np${i}`, name: `p${i}`, namespace: 'default', yaml }));
};
const EGRESS_WEB_ONLY = policy(
  'egress',
  '  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - to: [{ podSelector: {} }]\n',
);
const DNS_TOO = policy(
  'egress',
  '  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - to: [{ podSelector: {} }]\n    - to:\n        - namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: kube-system } }\n          podSelector: { matchLabels: { k8s-app: kube-dns } }\n      ports: [{ port: 53, protocol: UDP }, { port: 53, protocol: TCP }]\n',
);
const INGRESS_NAMED = (port: string) =>
  policy('in', `  podSelector: { matchLabels: { app: web } }\n  ingress:\n    - ports: [{ port: ${port} }]\n`);

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
  'netpol-dns-egress-blocked': {
    bad: (d) => layer(d, [EGRESS_WEB_ONLY]),
    fix: (d) => layer(d, [DNS_TOO]),
  },
  'netpol-named-port-unresolved': {
    // The web pods name their port "http"; "https" resolves on none of them.
    bad: (d) => layer(d, [INGRESS_NAMED('https')]),
    fix: (d) => layer(d, [INGRESS_NAMED('http')]),
  },
  'netpol-duplicate-port-name': {
    bad: (d) =>
      layer(
        d,
        [INGRESS_NAMED('8080')],
        [
          { name: 'http', containerPort: 8080, protocol: 'TCP' },
          { name: 'http', containerPort: 8081, protocol: 'TCP' },
        ],
      ),
    fix: (d) => layer(d, [INGRESS_NAMED('8080')]),
  },
  'netpol-selects-nothing': {
    bad: (d) => layer(d, [policy('in', '  podSelector: { matchLabels: { app: api } }\n')]),
    fix: (d) => layer(d, [policy('in', '  podSelector: { matchLabels: { app: web } }\n')]),
  },
  'netpol-cilium-ipblock-pods': {
    // The base node subnet is 10.240.0.0/22: an ipBlock over it allows nothing on Cilium.
    bad: (d) => {
      layer(d, [policy('in', '  podSelector: {}\n  ingress:\n    - from: [{ ipBlock: { cidr: 10.240.0.0/16 } }]\n')]);
      const c = cluster(d);
      c.networkDataplane = 'cilium';
      c.networkPolicy = 'cilium';
      c.networkPluginMode = 'overlay';
      c.podCidr = '192.168.0.0/16';
    },
    fix: (d) => {
      cluster(d).networkPolicies![0]!.yaml = policy(
        'in',
        '  podSelector: {}\n  ingress:\n    - from: [{ podSelector: {} }]\n',
      );
    },
  },
};
