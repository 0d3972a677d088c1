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

export const isDefault = (prefix: string) => prefix.trim() === '0.0.0.0/0';
