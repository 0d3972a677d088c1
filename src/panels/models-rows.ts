/** The rows of the models table: each a fact, written for one column from the comparison's numbers. */
import { formatCount, type ModelColumn, type ModelSubnetNeed } from '../core/index';

export interface ModelRow {
  id: string;
  label: string;
  cell: (c: ModelColumn) => string;
}

const n = formatCount;

function subnetText(s: ModelSubnetNeed): string {
  const where = `${s.name} ${s.cidr ?? '(invalid CIDR)'}${s.added ? ' (added)' : ''}`;
  const over = s.used > s.usable ? ', over' : '';
  return `${where}: ${n(s.used)} of ${n(s.usable)} at peak${over}; needs /${s.neededPrefix}`;
}

function routesText(c: ModelColumn): string {
  const r = c.routes;
  const own = r.userRoutes ? `${n(r.userRoutes)} of the design's` : 'none of the design’s';
  if (!r.tableNeeded) return `no route table for pods (${own})`;
  return `route table needed: ${n(r.podRoutes)} pod routes + ${n(r.userRoutes)} = ${n(r.podRoutes + r.userRoutes)} of ${n(r.limit)}`;
}

function snatText(c: ModelColumn): string {
  const s = c.snat;
  if (s.outcome !== 'delivered') return `egress ${s.outcome}${s.stop ? `: ${s.stop}` : ''}`;
  const seen = s.seen ? `; the Internet sees ${s.seen}` : '';
  return (s.points.length ? s.points.join('; then ') : 'no translation') + seen;
}

function scaleText(c: ModelColumn): string {
  const pools = c.scale.pools.map(
    (p) => `${p.name}: max ${n(p.reachableMax)} nodes, ${n(p.pods)} pods (${p.limitedBy})`,
  );
  return [...pools, `model: ${c.scale.cap}`].join('\n');
}

function cannotText(c: ModelColumn): string {
  return c.limitations.map((l) => (l.applies ? `⚠ ${l.what} (this design)` : l.what)).join('\n');
}

function findingsText(c: ModelColumn): string {
  if (c.findings.length === 0) return 'none';
  return c.findings.map((f) => `${f.severity}: ${f.message}`).join('\n');
}

export const MODEL_ROWS: readonly ModelRow[] = [
  { id: 'node-subnet', label: 'Node subnet (with surge)', cell: (c) => c.nodeSubnets.map(subnetText).join('\n') },
  {
    id: 'pod-subnet',
    label: 'Pod subnet',
    cell: (c) =>
      c.podSubnet
        ? subnetText(c.podSubnet)
        : c.model === 'azure-cni-node-subnet'
          ? 'none: pods take node subnet addresses'
          : 'none',
  },
  {
    id: 'pod-cidr',
    label: 'Pod CIDR',
    cell: (c) =>
      c.podCidr ? `${c.podCidr.cidr}: ${n(c.podCidr.peakNodes)} of ${n(c.podCidr.nodesHeld)} node /24s` : 'none',
  },
  { id: 'vnet-addresses', label: 'VNet addresses at peak', cell: (c) => n(c.vnetAddresses) },
  { id: 'peak-nodes', label: 'Nodes at peak', cell: (c) => n(c.peakNodes) },
  { id: 'routes', label: 'Routes', cell: routesText },
  {
    id: 'reachable',
    label: 'Pods reachable from the VNet',
    cell: (c) => `${c.podsReachable.yes ? 'yes' : 'no'}: ${c.podsReachable.why}`,
  },
  { id: 'snat-vnet', label: 'SNAT to the VNet, peers, on-premises', cell: (c) => c.snat.inVnet },
  { id: 'snat-internet', label: 'SNAT to the Internet', cell: snatText },
  { id: 'scale', label: 'Maximum scale', cell: scaleText },
  { id: 'cannot', label: 'Cannot do', cell: cannotText },
  { id: 'findings', label: 'Findings', cell: findingsText },
];

/** Why Apply cannot switch to this column, or null when it can. */
export function refusal(col: ModelColumn): string | null {
  if (col.current) return null;
  if (col.error) return `Cannot switch to ${col.label}: ${col.error}.`;
  if (col.blockers.length) return `Cannot switch to ${col.label}: ${col.blockers.map((f) => f.message).join('; ')}.`;
  return null;
}
