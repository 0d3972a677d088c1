/**
 * A NetworkPolicy as the Kubernetes object and its YAML text, the form both the exported manifests and a policy
 * written into the design take, so the two read alike.
 */
import { stringify } from 'yaml';
import type { K8sNetworkPolicy } from './types';

export function policyManifest(p: K8sNetworkPolicy): Record<string, unknown> {
  const { name, namespace, ...spec } = p;
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec };
}

/** YAML text of a manifest: no line folding and no anchors, so repeated selectors are written out. */
export const manifestYaml = (m: Record<string, unknown>): string =>
  stringify(m, { lineWidth: 0, aliasDuplicateObjects: false });

export const policyYaml = (p: K8sNetworkPolicy): string => manifestYaml(policyManifest(p));
