/**
 * The Kubernetes layer as the NetworkPolicy engine sees it: namespaces, workloads and policies in the shape of the
 * networking.k8s.io/v1 API, already parsed and defaulted. Parsing YAML into this shape is io's job
 * (src/io/k8s); the engine only reads these plain objects.
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */

import { K8S_PORT_PROTOCOLS, type WORKLOAD_KINDS, type OneOf } from '../enums';

export type NetpolProtocol = OneOf<typeof K8S_PORT_PROTOCOLS>;
export const NETPOL_PROTOCOLS: readonly NetpolProtocol[] = K8S_PORT_PROTOCOLS;

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface LabelSelectorRequirement {
  key: string;
  operator: SelectorOperator;
  values?: string[];
}

/** A Kubernetes label selector: `{}` selects everything; requirements are ANDed. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface IpBlock {
  /** The CIDR as written; host bits are allowed by the API and ignored (the network address is used). */
  cidr: string;
  except?: string[];
}

/** One entry of `from` / `to`. Fields absent here were absent in the policy (absent differs from `{}`). */
export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: IpBlock;
}

export interface NetworkPolicyPort {
  /** Defaults to TCP when absent (NetworkPolicyPort.protocol). */
  protocol?: NetpolProtocol;
  /** A number or a named container port; absent means every port of the protocol. */
  port?: number | string;
  /** With a numeric port: the range port..endPort. */
  endPort?: number;
}

export interface NetworkPolicyIngressRule {
  /** Absent or empty: every source. */
  from?: NetworkPolicyPeer[];
  /** Absent or empty: every port. */
  ports?: NetworkPolicyPort[];
}

export interface NetworkPolicyEgressRule {
  to?: NetworkPolicyPeer[];
  ports?: NetworkPolicyPort[];
}

export type PolicyType = 'Ingress' | 'Egress';

export interface K8sNetworkPolicy {
  name: string;
  namespace: string;
  podSelector: LabelSelector;
  /** As written; the engine applies the API default when absent (see effectivePolicyTypes). */
  policyTypes?: PolicyType[];
  ingress?: NetworkPolicyIngressRule[];
  egress?: NetworkPolicyEgressRule[];
}

export interface Namespace {
  name: string;
  labels: Record<string, string>;
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol: NetpolProtocol;
}

export type WorkloadKind = OneOf<typeof WORKLOAD_KINDS>;

/** A set of identical pods (a Deployment's pods share labels and ports, so they share every verdict). */
export interface Workload {
  kind: WorkloadKind;
  name: string;
  namespace: string;
  /** The pod template's labels: what selectors see. */
  labels: Record<string, string>;
  ports: ContainerPort[];
  replicas?: number;
  /** The node pool its pods run on, when known. */
  nodePool?: string;
  /** A known pod address (a Pod read from a live cluster); ipBlock peers compare against it. */
  podIp?: string;
}

/** What the engine evaluates: the namespaces, the workloads and the policies of one cluster. */
export interface PolicyWorld {
  namespaces: Namespace[];
  workloads: Workload[];
  policies: K8sNetworkPolicy[];
}

/** One end of a flow: a workload's pod, an address outside the pods, or the node a pod runs on. */
export type Endpoint =
  { kind: 'pod'; workload: Workload } | { kind: 'ip'; ip: number; label?: string } | { kind: 'node'; of: Workload };
