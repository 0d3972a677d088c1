/** Predicates the force table shares: which field changed, what a subnet holds, a cluster's network model. */
import { refIds, walkElements } from '../elements';
import { kindSpec, type ElementKind } from '../kinds';
import type { Cluster, Design, Id } from '../model';
import type { Force, ForceContext } from './types';

export const defineForce = (f: Force): Force => f;

/** The top-level field a change is about: `loadBalancerProfile` for `loadBalancerProfile.idleTimeoutMinutes`. */
export const topField = (ctx: ForceContext): string => (ctx.change.field ?? '').split(/[.[]/)[0]!;

/** The change is to one of `fields` of an element of `kind`. */
export const onField =
  (kind: ElementKind | 'design', ...fields: string[]) =>
  (ctx: ForceContext): boolean =>
    ctx.change.op === 'changed' && ctx.change.kind === kind && fields.includes(topField(ctx));

/** Whether anything in the design is placed in, or uses, the subnet (pools, gateways, endpoints, ...). */
export function subnetInUse(design: Design, subnetId: Id): boolean {
  let used = false;
  walkElements(design, ({ kind, element }) => {
    for (const ref of kindSpec(kind).refs)
      if (ref.to === 'subnet' && refIds(element, ref).some((r) => r.id === subnetId)) used = true;
    return used;
  });
  return used;
}

/** Whether a VNet is one end of a peering. */
export const vnetPeered = (design: Design, vnetId: Id | undefined): boolean =>
  vnetId !== undefined && design.peerings.some((p) => p.localVnetId === vnetId || p.remoteVnetId === vnetId);

export const idOf = (v: unknown): Id | undefined =>
  v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: Id }).id : undefined;

/** The clusters on both sides of a cluster change, when the change is about a cluster. */
export function clusters(ctx: ForceContext): { old: Cluster; next: Cluster } | null {
  if (ctx.change.kind !== 'cluster' || !ctx.old || !ctx.next) return null;
  return { old: ctx.old as Cluster, next: ctx.next as Cluster };
}

/** A change to one of `fields` of a cluster whose old and new sides pass `test`. */
export const clusterChange =
  (fields: readonly string[], test: (old: Cluster, next: Cluster) => boolean | undefined) =>
  (ctx: ForceContext): boolean => {
    const c = clusters(ctx);
    return !!c && onField('cluster', ...fields)(ctx) && !!test(c.old, c.next);
  };
