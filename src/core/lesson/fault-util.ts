/** Shared pieces of the built-in faults: picking the element a fault breaks, fresh ids, the firewall to route to. */
import { walkElements } from '../elements';
import type { Cluster, Design, Firewall, Id, RouteTable, Subnet } from '../model';
import { firewallIp } from '../paths/locate';

export type Outcome = { design: Design } | { error: string };

/** The target cluster, or the first that `fits`; a message naming what the fault needs when none does. */
export function pickCluster(
  design: Design,
  target: Id | undefined,
  fits: (c: Cluster) => boolean,
  needs: string,
): Cluster | string {
  if (target !== undefined) {
    const byPool = design.clusters.find((c) => c.nodePools.some((p) => p.id === target));
    const c = design.clusters.find((x) => x.id === target) ?? byPool;
    if (!c) return `no cluster or node pool has id "${target}"`;
    return fits(c) ? c : `${c.name} is not ${needs}`;
  }
  return design.clusters.find(fits) ?? `the design has no cluster that is ${needs}`;
}

/** Changes a copy of `design` on the target cluster (or the first that `fits`): the copy, or why there is none. */
export function onClusterCopy(
  design: Design,
  target: Id | undefined,
  fits: (c: Cluster) => boolean,
  needs: string,
  change: (d: Design, c: Cluster) => Outcome | void,
): Outcome {
  const d = structuredClone(design);
  const c = pickCluster(d, target, fits, needs);
  if (typeof c === 'string') return { error: c };
  return change(d, c) ?? { design: d };
}

/** The check of a cluster fault: `rule` finds nothing on the target cluster (or the first that `fits`). */
export function noFindingOn(design: Design, target: Id | undefined, fits: (c: Cluster) => boolean, rule: string) {
  const c = pickCluster(design, target, fits, '');
  return { kind: 'no-finding' as const, rule, ...(typeof c === 'string' ? {} : { subjectId: c.id }) };
}

/**
 * The clusters a fault applies to: `fits` picks them and `needs` names them in an error ("… is not `needs`"). Its
 * `change` and `noFinding` are a fault's inject or repair and its check on the target cluster (or the first that fits).
 */
export function clustersThat(fits: (c: Cluster) => boolean, needs: string) {
  return {
    change:
      (change: (d: Design, c: Cluster) => Outcome | void) =>
      (design: Design, target?: Id): Outcome =>
        onClusterCopy(design, target, fits, needs, change),
    noFinding: (rule: string) => (design: Design, target?: Id) => noFindingOn(design, target, fits, rule),
  };
}

export function subnetOf(design: Design, id: Id): Subnet | undefined {
  for (const v of design.vnets) for (const s of v.subnets) if (s.id === id) return s;
  return undefined;
}

/** The distinct node subnets of a cluster, in pool order. */
export function nodeSubnets(design: Design, c: Cluster): Subnet[] {
  const ids = [...new Set(c.nodePools.map((p) => p.nodeSubnetId))];
  return ids.flatMap((id) => subnetOf(design, id) ?? []);
}

/** Every id in the design, rows included. */
function allIds(design: Design): Set<string> {
  const ids = new Set<string>();
  walkElements(design, ({ element }) => {
    ids.add(element.id);
    for (const v of Object.values(element))
      if (Array.isArray(v)) for (const x of v) if (x && typeof x === 'object' && 'id' in x) ids.add(String(x.id));
  });
  return ids;
}

/** `base`, or `base-2`, `base-3`, ... : the first id not in use. */
export function freshId(design: Design, base: string): string {
  const ids = allIds(design);
  if (!ids.has(base)) return base;
  for (let i = 2; ; i++) if (!ids.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** The first firewall with a private IP a route can point at. */
export function firewallTarget(design: Design): { fw: Firewall; ip: string } | null {
  for (const fw of design.firewalls) {
    const ip = firewallIp(design, fw);
    if (ip) return { fw, ip };
  }
  return null;
}

export const routeTableOf = (design: Design, s: Subnet): RouteTable | undefined =>
  s.routeTableId ? design.routeTables.find((t) => t.id === s.routeTableId) : undefined;

/** The route table of subnet `s`; a new empty one (id from `baseId`) associated with it when it has none. */
export function ensureRouteTable(design: Design, s: Subnet, baseId: string, name: string): RouteTable {
  const table = routeTableOf(design, s);
  if (table) return table;
  const made = { id: freshId(design, baseId), name, disableBgpRoutePropagation: false, routes: [] };
  design.routeTables.push(made);
  s.routeTableId = made.id;
  return made;
}

export const isDefault = (prefix: string) => prefix.trim() === '0.0.0.0/0';
