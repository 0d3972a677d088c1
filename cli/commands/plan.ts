/**
 * `aksnet plan DESIGN.json [--json]`: the address plan as tables (per VNet: every subnet with its size,
 * reserved, used and free addresses and what uses them; per cluster: network model, pools, pod CIDR
 * capacity, kubenet routes, service CIDR) and the count of findings by severity.
 */
import {
  formatCount,
  computePlan,
  computeHeadroom,
  type Cluster,
  type Design,
  type Vnet,
  type Finding,
  type Plan,
  type Severity,
  type SubnetPlan,
} from '../../src/core/index';
import type { Command } from '../io';
import { printable, readCommandDesign } from '../read-design';

const USAGE = 'aksnet plan DESIGN.json [--json]';

const num = (n: number | undefined | null): string => (n === undefined || n === null ? '-' : formatCount(n));
const percent = (ratio: number | undefined): string => (ratio === undefined ? '-' : `${(ratio * 100).toFixed(1)}%`);

/** Left-aligned first column, right-aligned numbers; two spaces between columns. */
export function renderTable(headers: string[], rows: string[][], indent = '  '): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    indent +
    cells
      .map((c, i) => (i <= 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)];
}

function subnetRow(name: string, cidr: string, p: SubnetPlan | undefined): string[] {
  return [
    printable(name),
    printable(p?.cidr ?? cidr),
    p?.prefixLength === null || p?.prefixLength === undefined ? '-' : `/${p.prefixLength}`,
    num(p?.total),
    num(p?.reserved),
    num(p?.used),
    num(p?.free),
    percent(p?.utilisation),
  ];
}

function formatVnet(vnet: Vnet, plan: Plan): string[] {
  const vp = plan.vnets[vnet.id];
  const spaces = vnet.addressSpaces.map(printable).join(', ');
  const totals = vp ? `: ${num(vp.total)} addresses, ${num(vp.allocated)} in subnets` : '';
  const out = [`VNet ${printable(vnet.name)} (${spaces})${totals}`];
  if (vnet.subnets.length === 0) return [...out, '  (no subnets)'];
  const headers = ['Subnet', 'CIDR', 'Size', 'Total', 'Reserved', 'Used', 'Free', 'Use'];
  const table = renderTable(
    headers,
    vnet.subnets.map((s) => subnetRow(s.name, s.cidr, plan.subnets[s.id])),
  );
  out.push(table[0]!);
  vnet.subnets.forEach((s, i) => {
    out.push(table[i + 1]!);
    for (const item of plan.subnets[s.id]?.items ?? []) {
      out.push(
        `      ${printable(item.label)}: ${num(item.count)}${item.formula ? `  = ${printable(item.formula)}` : ''}`,
      );
    }
  });
  return out;
}

function formatCluster(cluster: Cluster, plan: Plan): string[] {
  const cp = plan.clusters[cluster.id];
  const out = [
    `Cluster ${printable(cluster.name)}: ${cp?.model ?? cluster.networkPlugin}, peak nodes ${num(cp?.peakNodes)}`,
  ];
  const headers = ['Pool', 'Mode', 'Max nodes', 'Surge', 'Peak nodes', 'Max pods', 'Node IPs', 'Pod IPs'];
  const rows = cluster.nodePools.map((pool) => {
    const pp = cp?.pools.find((x) => x.poolId === pool.id);
    return [
      printable(pool.name),
      pool.mode,
      num(pp?.maxNodes),
      num(pp?.surge),
      num(pp?.peakNodes),
      num(pp?.maxPods),
      num(pp?.nodeIps),
      num(pp?.podIps),
    ];
  });
  out.push(...(rows.length > 0 ? renderTable(headers, rows) : ['  (no node pools)']));
  if (cp?.podCidrCapacityNodes !== undefined) {
    out.push(
      `  Pod CIDR ${printable(cluster.podCidr ?? '-')}: room for ${num(cp.podCidrCapacityNodes)} nodes at one /24 each`,
    );
  }
  if (cp?.kubenetRouteCount !== undefined) out.push(`  kubenet routes: ${num(cp.kubenetRouteCount)} of 400`);
  const serviceSize = cp?.serviceCidrSize !== undefined ? ` (${num(cp.serviceCidrSize)} addresses)` : '';
  out.push(`  Service CIDR ${printable(cluster.serviceCidr)}${serviceSize}, DNS ${printable(cluster.dnsServiceIp)}`);
  return out;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

export function formatCounts(findings: readonly Finding[]): string {
  const c = countBySeverity(findings);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info`;
}

/** The whole plan as text, sections separated by blank lines. */
export function formatPlan(name: string, design: Design, plan: Plan): string {
  const sections = [[`Plan of ${printable(name)}`]];
  for (const vnet of design.vnets) sections.push(formatVnet(vnet, plan));
  for (const cluster of design.clusters) sections.push(formatCluster(cluster, plan));
  sections.push([`Findings: ${formatCounts(plan.findings)} (aksnet validate lists them)`]);
  return `${sections.map((s) => s.join('\n')).join('\n\n')}\n`;
}

/** Builds the command around a planner, so tests can check formatting and exit codes on a fixed plan. */
export function makePlanCommand(plan: (design: Design) => Plan = computePlan): Command {
  return async (args, io) => {
    const read = await readCommandDesign(args, { json: { type: 'boolean' } }, USAGE, io);
    if (!read.ok) return read.exitCode;
    const result = plan(read.doc.design);
    if (read.values.json) {
      // Each finding carries its rule id and its family (the umbrella id it was split from).
      const { findings, ...rest } = result;
      const headroom = computeHeadroom(read.doc.design, result);
      io.out(`${JSON.stringify({ plan: rest, findings, headroom }, null, 2)}\n`);
    } else {
      io.out(formatPlan(read.doc.meta.name || read.file, read.doc.design, result));
    }
    return 0;
  };
}

export const planCommand: Command = makePlanCommand();
