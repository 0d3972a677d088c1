/**
 * Pod to pod on another node, from the routing model (no trace exists for it): how the packet finds the other
 * node, and that nothing translates its addresses inside the cluster.
 * - kubenet: the node subnet's route table sends each node's /24 of the pod CIDR to that node's IP (AKS keeps
 *   these routes); without them the packet follows whatever else matches. https://learn.microsoft.com/azure/aks/configure-kubenet
 * - Overlay: pod CIDR traffic crosses the VNet in Azure's routing domain, without route table or encapsulation.
 *   https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay
 * - Flat (node subnet, pod subnet): pods have VNet addresses; the VNet's own routes carry the packet, and the
 *   destination subnet's NSG applies. https://learn.microsoft.com/azure/aks/concepts-network-cni-overview
 */
import { designIndex } from '../design-index';
import { networkModelOf, usesPodCidr } from '../ipam/defaults';
import type { Cluster, Design, NodePool } from '../model';
import type { Plan } from '../plan-types';
import { nsgOf } from '../paths/ingress-hops';
import { NSG_URL, nsgAllowsInbound } from '../paths/nsg-eval';
import { nodeIp, podIp } from './addresses';
import { NETPOL_URL, policyDecision, workloadOf } from './policy';
import { cutAtDrop, finish, routeStep, step, type Packet } from './steps';
import type { FlowWalker, WalkStep } from './types';

const OVERLAY_URL = 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay';
const KUBENET_URL = 'https://learn.microsoft.com/azure/aks/configure-kubenet';

interface Ends {
  cluster: Cluster;
  a: NodePool;
  b: NodePool;
  dstNode: string;
  port: number;
}

function kubenetHop(design: Design, plan: Pick<Plan, 'clusters'>, e: Ends, p: Packet): WalkStep[] {
  const r = routeStep(design, plan, e.a.nodeSubnetId, p, p.dst);
  if (r.verdict === 'drop') return [r];
  // The route must name the destination node: anything else (a firewall, the Internet) is not kubenet's route.
  if (!r.rule.includes(`VirtualAppliance ${e.dstNode} `))
    return [{ ...r, verdict: 'drop', why: [`kubenet needs ${p.dst}'s /24 routed to node ${e.dstNode}`, ...r.why] }];
  const node = step(p, {
    kind: 'node',
    resourceId: e.b.id,
    at: `node ${e.dstNode} in ${e.b.name}`,
    rule: 'the node forwards to the pod on its bridge; no NAT inside the cluster',
    learnUrl: KUBENET_URL,
  });
  return [{ ...r, learnUrl: KUBENET_URL }, node];
}

function flatHop(design: Design, plan: Pick<Plan, 'clusters'>, e: Ends, p: Packet): WalkStep[] {
  const r = routeStep(design, plan, e.a.podSubnetId ?? e.a.nodeSubnetId, p, p.dst);
  if (r.verdict === 'drop') return [r];
  const dstSubnet = e.b.podSubnetId ?? e.b.nodeSubnetId;
  const nsg = nsgOf(design, dstSubnet);
  const v = nsgAllowsInbound(nsg, { tag: 'VirtualNetwork', ip: p.src }, e.port);
  const check = step(p, {
    kind: 'nsg',
    resourceId: nsg?.id ?? dstSubnet,
    at: `inbound to TCP ${e.port} on the destination subnet`,
    rule: v.rule,
    verdict: v.allowed ? 'forward' : 'drop',
    learnUrl: NSG_URL,
  });
  return [r, check];
}

function overlayHop(e: Ends, p: Packet): WalkStep[] {
  return [
    step(p, {
      kind: 'overlay',
      resourceId: e.b.id,
      at: `node ${e.dstNode} in ${e.b.name}`,
      rule: 'Azure CNI Overlay: pod CIDR traffic is routed between nodes by the VNet, no route table, no NAT',
      learnUrl: OVERLAY_URL,
    }),
  ];
}

export const walkPodToPod: FlowWalker<'pod-to-pod'> = (design, plan, flow, title) => {
  const idx = designIndex(design);
  const cluster = idx.clusterOfPool.get(flow.fromPoolId);
  const a = idx.pool.get(flow.fromPoolId);
  const b = idx.pool.get(flow.toPoolId);
  if (!cluster || !a || !b || idx.clusterOfPool.get(b.id) !== cluster) return null;
  // Another node: the second node of the pool when both ends are the same pool.
  const n = a.id === b.id ? 1 : 0;
  const src = podIp(design, plan, a.id, 0);
  const dst = podIp(design, plan, b.id, n);
  const dstNode = nodeIp(design, plan, b.id, n);
  if (!src || !dst || !dstNode) return null;
  const wa = workloadOf(cluster, a.id);
  const wb = workloadOf(cluster, b.id);
  const port = wb?.ports[0]?.containerPort ?? 80;
  const e: Ends = { cluster, a, b, dstNode, port };
  const p: Packet = { src, dst };
  const steps: WalkStep[] = [
    step(p, {
      kind: 'pod',
      resourceId: a.id,
      at: `pod ${src} on node ${nodeIp(design, plan, a.id, 0)} in ${a.name}`,
      rule: `${networkModelOf(cluster)}: to pod ${dst} on TCP ${port}`,
    }),
  ];
  const model = networkModelOf(cluster);
  steps.push(
    ...(model === 'kubenet'
      ? kubenetHop(design, plan, e, p)
      : usesPodCidr(model)
        ? overlayHop(e, p)
        : flatHop(design, plan, e, p)),
  );
  const d = wa && wb ? policyDecision(cluster, wa, wb, port) : null;
  steps.push(
    step(p, {
      kind: d && !d.allowed ? 'netpol' : 'pod',
      resourceId: b.id,
      at: `pod ${dst} on node ${dstNode} in ${b.name}`,
      rule: d ? d.rule : 'no NetworkPolicy applies: the pod is not isolated',
      why: d?.why ?? [],
      verdict: d && !d.allowed ? 'drop' : 'deliver',
      ...(d ? { learnUrl: NETPOL_URL } : {}),
    }),
  );
  const out = cutAtDrop(steps);
  return finish(flow, title, out, out.at(-1)?.kind === 'netpol');
};
