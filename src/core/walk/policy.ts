/**
 * The NetworkPolicy decision of a walk: the engine's verdict on the flow between the walk's pod (a workload of
 * the design's Kubernetes layer) and the other end, on the flow's port. No policy selects the pod when the
 * cluster has none: Kubernetes then allows everything.
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
import { parseIp } from '../cidr';
import type { Cluster, Id } from '../model';
import { hasConn } from '../netpol/conn-set';
import { policyWorldOf } from '../netpol/design-world';
import { evaluateFlow, policyIndex, type DirectionVerdict, type Peer } from '../netpol/engine';
import type { Workload } from '../netpol/types';

export const NETPOL_URL = 'https://learn.microsoft.com/azure/aks/use-network-policies';

export interface PolicyDecision {
  allowed: boolean;
  rule: string;
  why: string[];
}

/** The workload that stands for the pool's pods: the one a Service selects (`app`), else the first on the pool. */
export function workloadOf(cluster: Cluster, poolId: Id, app?: string): Workload | null {
  const world = policyWorldOf(cluster);
  const list = cluster.workloads ?? [];
  const pick =
    (app ? list.findIndex((w) => w.labels.app === app) : -1) >= 0
      ? list.findIndex((w) => w.labels.app === app)
      : list.findIndex((w) => !w.nodePoolId || w.nodePoolId === poolId);
  return pick >= 0 ? (world.workloads[pick] ?? null) : null;
}

const name = (w: Workload) => `${w.namespace}/${w.name}`;

function ipPeer(ip: string, label: string): Peer | null {
  const n = parseIp(ip);
  return n === null ? null : { kind: 'range', lo: n, hi: n, label };
}

const describe = (v: DirectionVerdict) => `${v.direction}: ${v.reason}`;

/**
 * The verdict on `src` → `dst` where either end is a pod (a workload) or an address; null when the cluster
 * has no policies (nothing to decide) or an end is neither.
 */
export function policyDecision(
  cluster: Cluster,
  src: Workload | string,
  dst: Workload | string,
  port: number,
): PolicyDecision | null {
  const world = policyWorldOf(cluster);
  if (world.policies.length === 0) return null;
  const peer = (e: Workload | string): Peer | null =>
    typeof e === 'string' ? ipPeer(e, e) : { kind: 'pod', workload: e };
  const a = peer(src);
  const b = peer(dst);
  if (!a || !b) return null;
  const v = evaluateFlow(policyIndex(world), a, b);
  const allowed = hasConn(v.conns, 'TCP', port);
  const ends = `${typeof src === 'string' ? src : name(src)} → ${typeof dst === 'string' ? dst : name(dst)}`;
  return {
    allowed,
    rule: `NetworkPolicy ${allowed ? 'allows' : 'denies'} ${ends} on TCP ${port}`,
    why: [v.egress, v.ingress].filter((d) => d.applies).map(describe),
  };
}
