/** Building blocks of walk steps: a step from a hop, a route decision with the routes that lost, the outcome. */
import type { Design, Id } from '../model';
import type { Plan } from '../plan-types';
import { nextHop } from '../routes/next-hop';
import type { EffectiveRoute } from '../routes/route-types';
import { subnetById } from '../paths/locate';
import type { Hop } from '../paths/trace-types';
import type { Walk, WalkNat, WalkStep } from './types';

export const UDR_URL =
  'https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#how-azure-selects-a-route';

/** Where the packet is: its addresses as it leaves the current step. */
export interface Packet {
  src: string;
  dst: string;
}

export function step(
  p: Packet,
  s: Pick<WalkStep, 'kind' | 'at' | 'rule'> & Partial<Omit<WalkStep, 'src' | 'dst'>>,
): WalkStep {
  return { nat: [], verdict: 'forward', why: [], ...s, src: p.src, dst: p.dst };
}

/** A step for a hop as the trace tells it, at the packet's current addresses. */
export function hopStep(p: Packet, h: Hop, extra: Partial<WalkStep> = {}): WalkStep {
  return step(p, {
    kind: h.kind,
    at: h.label,
    rule: h.decidedBy,
    ...(h.resourceId ? { resourceId: h.resourceId } : {}),
    ...(h.learnUrl ? { learnUrl: h.learnUrl } : {}),
    verdict: h.kind === 'drop' ? 'drop' : h.kind === 'destination' ? 'deliver' : 'forward',
    ...extra,
  });
}

export const routeText = (r: EffectiveRoute) =>
  `${r.prefix} → ${r.nextHopType}${r.nextHopIp ? ` ${r.nextHopIp}` : ''} (${r.note})`;

/** The route the subnet chooses for the destination address, why, and what lost: the step of a route lookup. */
export function routeStep(design: Design, plan: Pick<Plan, 'clusters'>, subnetId: Id, p: Packet, ip: string): WalkStep {
  const name = subnetById(design, subnetId)?.subnet.name ?? subnetId;
  const r = nextHop(design, subnetId, ip, plan);
  const chosen = r.chosen;
  const drop = !chosen || chosen.nextHopType === 'None';
  return step(p, {
    kind: 'route',
    resourceId: subnetId,
    at: `route lookup in ${name} for ${ip}`,
    rule: chosen ? `${name}: ${routeText(chosen)}` : `${name}: no route matches ${ip}`,
    why: r.candidates.map((c) => `${c.route.prefix} → ${c.route.nextHopType}: ${c.why}`),
    verdict: drop ? 'drop' : 'forward',
    learnUrl: UDR_URL,
  });
}

export function nat(kind: WalkNat['kind'], from: string, to: string): WalkNat {
  return { kind, from, to };
}

/** The walk's outcome from its last step: a drop says where and why. */
export function finish(flow: Walk['flow'], title: string, steps: WalkStep[], blocked = false): Walk {
  const last = steps.at(-1);
  if (last?.verdict === 'deliver') return { flow, title, steps, outcome: 'delivered', reason: null };
  // A policy verdict names the policies only in its explanation: the reason carries it.
  const why = last?.kind === 'netpol' && last.why.length ? ` (${last.why.join('; ')})` : '';
  const reason = last ? `dropped at ${last.at}: ${last.rule}${why}` : 'nothing to walk';
  return { flow, title, steps, outcome: blocked ? 'blocked' : 'dropped', reason };
}

/** Steps are cut after the first drop: the packet goes no further. */
export function cutAtDrop(steps: WalkStep[]): WalkStep[] {
  const i = steps.findIndex((s) => s.verdict === 'drop');
  return i < 0 ? steps : steps.slice(0, i + 1);
}
