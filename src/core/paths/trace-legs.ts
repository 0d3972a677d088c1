/**
 * A path as legs between design elements, for drawing on the canvas: the stops in order (the element each is
 * at, or a name for a stop outside the design such as the Internet), and the numbered legs between two
 * different stops, each with the addresses the packet carries on it. A trace (traceEgress, traceIngress) and a
 * packet walk both become this one shape, so one drawing serves both.
 */
import type { Id } from '../model';
import type { Trace } from './trace-types';

export interface PathStop {
  /** The design element the stop is at; absent outside the design. */
  resourceId?: Id;
  /** What a stop outside the design is called on the canvas ("the Internet"). */
  outside?: string;
}

export interface PathLeg {
  /** The number drawn on the leg. */
  n: number;
  /** Indexes into the stops. */
  from: number;
  to: number;
  /** The packet's source and destination on the leg. */
  label: string;
}

export interface PathLegs {
  stops: PathStop[];
  legs: PathLeg[];
}

/** The packet's addresses as it leaves a hop (after the hop's source NAT). */
export interface HopPacket {
  src: string;
  dst: string;
}

/**
 * The source and destination the packet carries as it leaves each hop of a trace, in the trace's own words:
 * an egress packet starts with the pod's (or VM's) address and takes each SNAT's new source where the hop makes
 * it; an ingress packet goes from its client to the Service or gateway it asked for (the trace records no
 * translation on the way in).
 */
export function hopPackets(trace: Trace, direction: 'egress' | 'ingress'): HopPacket[] {
  const firstSnat = trace.hops.find((h) => h.snat)?.snat;
  let src =
    direction === 'ingress'
      ? trace.from === 'internet'
        ? 'an Internet client'
        : `a client in ${trace.from}`
      : (firstSnat?.from ?? trace.sourceIpSeen ?? trace.hops[0]?.label ?? trace.from);
  const dst = direction === 'egress' && trace.to === 'internet' ? 'the Internet' : trace.to;
  return trace.hops.map((h) => {
    if (h.snat) src = h.snat.to;
    return { src, dst };
  });
}

/** The consecutive stops at different elements, as [from, to] index pairs: a packet staying on one box has no leg. */
export function legPairs(stops: readonly PathStop[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 1; i < stops.length; i++) {
    const a = stops[i - 1]!.resourceId;
    if (a === undefined || a !== stops[i]!.resourceId) pairs.push([i - 1, i]);
  }
  return pairs;
}

/** Where a hop sits on the canvas: its element's box, or outside the design under the hop's name. */
function stopOf(hop: Trace['hops'][number]): PathStop {
  if (hop.resourceId) return { resourceId: hop.resourceId };
  return { outside: hop.kind === 'drop' ? 'dropped' : hop.label };
}

/**
 * A trace as legs: one stop per hop, legs numbered 1, 2, ... in order; the leg leaving hop i carries the packet
 * as hopPackets says it leaves i.
 */
export function traceLegs(trace: Trace, direction: 'egress' | 'ingress'): PathLegs {
  const packets = hopPackets(trace, direction);
  const stops = trace.hops.map(stopOf);
  const legs = legPairs(stops).map(([from, to], k) => ({
    n: k + 1,
    from,
    to,
    label: `${packets[from]!.src} → ${packets[from]!.dst}`,
  }));
  return { stops, legs };
}
