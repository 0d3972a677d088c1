/**
 * A packet walk: a traced flow told step by step, with the source and destination addresses the packet carries
 * at each element (after that element's address translation), the decision taken there and the rule behind it.
 */
import type { Design, Id } from '../model';
import type { Plan } from '../plan-types';
import type { FlowRef } from '../lesson/types';

export interface WalkNat {
  kind: 'SNAT' | 'DNAT';
  from: string;
  to: string;
}

export interface WalkStep {
  /** What the packet is at: pod, node, route, nsg, netpol, firewall, load-balancer, app-gateway, public-ip, ... */
  kind: string;
  /** The design element it is at (for the canvas); absent outside the design (the Internet). */
  resourceId?: Id;
  /** Where the packet is, in words. */
  at: string;
  /** Source and destination as the packet leaves this step. */
  src: string;
  dst: string;
  /** Translations this step makes. */
  nat: WalkNat[];
  verdict: 'forward' | 'deliver' | 'drop';
  /** The rule, route or setting that decided. */
  rule: string;
  /** More on the decision: the routes that lost, the policy rules that matched. */
  why: string[];
  learnUrl?: string;
}

export interface Walk {
  flow: FlowRef;
  title: string;
  steps: WalkStep[];
  outcome: 'delivered' | 'dropped' | 'blocked';
  /** For a packet that does not arrive: where and why, in words. */
  reason: string | null;
}

/** A flow a design offers to walk, with the words to list it by. */
export interface WalkFlowOption {
  id: string;
  title: string;
  flow: FlowRef;
}

/** How the flows of one kind are walked; null when the design has no such flow. */
export type FlowWalker<K extends FlowRef['kind'], R = Walk | null> = (
  design: Design,
  plan: Pick<Plan, 'clusters'>,
  flow: Extract<FlowRef, { kind: K }>,
  title: string,
) => R;
