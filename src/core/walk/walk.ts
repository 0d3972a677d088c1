/**
 * Packet walks: the flows a design offers (pod → Internet, Internet → Service through an App Gateway or a public
 * load balancer, pod → pod on another node, pod → on-premises, pod → private endpoint, on-premises → internal
 * load balancer) and the walk of any of them.
 */
import { designIndex } from '../design-index';
import type { Cluster, Design } from '../model';
import type { Plan } from '../plan-types';
import type { FlowRef } from '../lesson/types';
import { walkEgress } from './egress';
import { walkIngress, walkOnPrem } from './ingress';
import { walkPodToPod } from './pod-to-pod';
import type { Walk, WalkFlowOption } from './types';

/** The pool a cluster's walks start from: its first System pool, else its first pool. */
function mainPool(c: Cluster) {
  return c.nodePools.find((p) => p.mode === 'System') ?? c.nodePools[0];
}

function clusterFlows(design: Design, c: Cluster): WalkFlowOption[] {
  const pool = mainPool(c);
  if (!pool) return [];
  const out: WalkFlowOption[] = [];
  const add = (id: string, title: string, flow: FlowRef) => out.push({ id: `${c.id}:${id}`, title, flow });
  const at = `(${c.name})`;
  add('egress', `Pod → Internet ${at}`, { kind: 'egress', fromPoolId: pool.id, to: 'internet' });
  for (const gw of design.appGateways.filter((g) => g.agicClusterId === c.id))
    add(`appgw:${gw.id}`, `Internet → App Gateway ${gw.name} → pods ${at}`, {
      kind: 'ingress',
      toPoolId: pool.id,
      via: gw.id,
    });
  for (const lb of design.loadBalancers.filter((l) => l.clusterId === c.id && l.type === 'public'))
    for (const f of lb.frontends)
      add(`lb:${f.id}`, `Internet → load balancer ${lb.name} (${f.name}) → pods ${at}`, {
        kind: 'ingress',
        toPoolId: pool.id,
        via: `${lb.name}/${f.name}`,
      });
  for (const fw of design.firewalls)
    for (const r of fw.dnatRules)
      add(`dnat:${fw.id}:${r.name}`, `Internet → firewall ${fw.name} DNAT ${r.name} ${at}`, {
        kind: 'ingress',
        toPoolId: pool.id,
        via: `${fw.name}/${r.name}`,
      });
  const other = c.nodePools.find((p) => p.id !== pool.id);
  add('pod-pod', `Pod → pod on another node${other ? ` (${pool.name} → ${other.name})` : ''} ${at}`, {
    kind: 'pod-to-pod',
    fromPoolId: pool.id,
    toPoolId: other?.id ?? pool.id,
  });
  for (const s of design.onPremSites)
    add(`onprem:${s.id}`, `Pod → on-premises ${s.name} ${at}`, { kind: 'egress', fromPoolId: pool.id, to: s.id });
  for (const pe of design.privateEndpoints.filter((e) => e.privateIp))
    add(`pe:${pe.id}`, `Pod → private endpoint ${pe.name} ${at}`, { kind: 'egress', fromPoolId: pool.id, to: pe.id });
  for (const s of design.onPremSites)
    for (const lb of design.loadBalancers.filter((l) => l.clusterId === c.id && l.type === 'internal'))
      for (const f of lb.frontends)
        add(`ilb:${s.id}:${f.id}`, `On-premises ${s.name} → internal load balancer ${f.privateIp ?? f.name} ${at}`, {
          kind: 'onprem-to-ilb',
          siteId: s.id,
          frontendId: f.id,
        });
  return out;
}

/** Every flow the design offers to walk, cluster by cluster (a firewall DNAT rule under the cluster it reaches). */
export function walkFlows(design: Design, plan: Pick<Plan, 'clusters'>): WalkFlowOption[] {
  return design.clusters
    .flatMap((c) => clusterFlows(design, c))
    .filter((o) => walkFlow(design, plan, o.flow, o.title) !== null);
}

/** The walk of a flow; null when the design has no such flow (an id that is gone, an ingress it does not have). */
export function walkFlow(design: Design, plan: Pick<Plan, 'clusters'>, flow: FlowRef, title = ''): Walk | null {
  switch (flow.kind) {
    case 'egress':
      return designIndex(design).pool.has(flow.fromPoolId) ? walkEgress(design, plan, flow, title) : null;
    case 'ingress':
      return walkIngress(design, plan, flow, title);
    case 'pod-to-pod':
      return walkPodToPod(design, plan, flow, title);
    case 'onprem-to-ilb':
      return walkOnPrem(design, plan, flow, title);
  }
}
