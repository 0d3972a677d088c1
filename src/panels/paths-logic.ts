/** What the paths panel shows on the canvas for a trace. Pure. */
import type { Trace } from '../core/index';

/** The design elements a trace passes through, once each, in hop order: the canvas highlights these nodes. */
export function hopNodeIds(trace: Trace): string[] {
  const ids: string[] = [];
  for (const h of trace.hops) if (h.resourceId && !ids.includes(h.resourceId)) ids.push(h.resourceId);
  return ids;
}
