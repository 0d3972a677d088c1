/** What a migration changes in the design, one line each, read from the two designs. */
import { clusterAddressing, networkModelOf } from '../ipam/defaults';
import { modelName } from './preconditions';
import type { Cluster, Design, Id } from '../model';

function clusterLines(a: Cluster, b: Cluster): string[] {
  const out: string[] = [];
  const [ma, mb] = [networkModelOf(a), networkModelOf(b)];
  if (ma !== mb) out.push(`network model ${modelName(ma)} → ${modelName(mb)}`);
  if (a.podCidr !== b.podCidr)
    out.push(
      a.podCidr || a.networkPlugin === 'kubenet'
        ? `pod CIDR ${clusterAddressing(a).podCidr} → ${b.podCidr}`
        : `pod CIDR ${b.podCidr} (new)`,
    );
  if (a.networkDataplane !== b.networkDataplane) out.push(`dataplane ${a.networkDataplane} → ${b.networkDataplane}`);
  if (a.networkPolicy !== b.networkPolicy) out.push(`network policy ${a.networkPolicy} → ${b.networkPolicy}`);
  for (const p of b.nodePools) {
    const old = a.nodePools.find((x) => x.id === p.id);
    if (old && old.maxPods === undefined && p.maxPods !== undefined)
      out.push(`pool ${p.name}: maxPods kept at ${p.maxPods}, the value its nodes run with`);
  }
  return out;
}

function routeTableLines(a: Design, b: Design): string[] {
  const out: string[] = [];
  for (const v of a.vnets)
    for (const s of v.subnets) {
      const after = b.vnets.find((x) => x.id === v.id)?.subnets.find((x) => x.id === s.id);
      if (!s.routeTableId || after?.routeTableId) continue;
      const name = a.routeTables.find((t) => t.id === s.routeTableId)?.name ?? s.routeTableId;
      out.push(`route table ${name} no longer associated with subnet ${s.name}`);
    }
  return out;
}

export function describeChanges(before: Design, after: Design, clusterId: Id): string[] {
  if (before === after) return [];
  const a = before.clusters.find((c) => c.id === clusterId);
  const b = after.clusters.find((c) => c.id === clusterId);
  return [...(a && b ? clusterLines(a, b) : []), ...routeTableLines(before, after)];
}
