/** A traced path through the network: hops in order, SNAT points and the source address the far end sees. */
import type { Finding } from '../plan-types';

export interface Hop {
  /** pod, node, subnet-route, load-balancer, nat-gateway, firewall, appliance, gateway, peering, public-ip, app-gateway, destination, drop. */
  kind: string;
  /** Design element the hop passes through (for highlighting on the canvas). */
  resourceId?: string;
  label: string;
  /** The route, rule or setting that decided this hop. */
  decidedBy: string;
  /** Source address translation at this hop. */
  snat?: { from: string; to: string };
  learnUrl?: string;
}

export interface Trace {
  from: string;
  to: string;
  hops: Hop[];
  /** The source address the destination sees (an IP, or a public IP resource described in words). */
  sourceIpSeen: string | null;
  outcome: 'delivered' | 'dropped' | 'blocked';
  findings: Finding[];
}
