/**
 * `aksnet capacity DESIGN.json [--json]`: how far each node pool can grow (the largest autoscaler maximum before
 * the first of its ranges or limits runs out, and which one), how many more nodes of each pool every subnet
 * holds, and AKS's address preflight per cluster with Azure's numbers and ranked fixes.
 * `--fix N -o OUT.json` writes the design with preflight fix N applied: the same design changes as Apply in the app.
 * Exit code 1 when a cluster fails its preflight (of the design written, with --fix).
 */
import { writeFile } from 'node:fs/promises';
import {
  applyFixes,
  computeCapacity,
  computePlan,
  formatCount,
  type Capacity,
  type Design,
  type Plan,
  type PreflightFix,
} from '../../src/core/index';
import { serializeDocument } from '../../src/io';
import type { Command } from '../io';
import { EXIT_INPUT, OUTPUT_AND_JSON, printable, readCommandDesign } from '../read-design';
import { renderTable } from './plan';

const USAGE = 'aksnet capacity DESIGN.json [--json] [--fix N -o OUT.json]';

/** Every fix of every failed check, in the order printed: fix N is the N-th. */
const allFixes = (cap: Capacity): PreflightFix[] => cap.preflight.flatMap((p) => p.checks.flatMap((c) => c.fixes));
const num = formatCount;
const signed = (n: number) => (n > 0 ? `+${num(n)}` : num(n));

function poolSection(design: Design, cap: Capacity): string[] {
  const headers = ['Pool', 'Cluster', 'Max', 'Surge', 'Reachable max', 'Headroom', 'Limited by'];
  const rows: string[][] = [];
  const details: string[] = [];
  for (const c of design.clusters)
    for (const pool of c.nodePools) {
      const h = cap.headroom.pools[pool.id];
      if (!h) continue;
      rows.push([
        printable(pool.name),
        printable(c.name),
        num(h.maxNodes),
        num(h.surge),
        num(h.reachableMax),
        signed(h.headroom),
        h.limitedBy.kind,
      ]);
      details.push(`  ${printable(c.name)}/${printable(pool.name)}: ${printable(h.limitedBy.detail)}`);
    }
  if (rows.length === 0) return ['Headroom: no node pools'];
  return ['Headroom per node pool', ...renderTable(headers, rows), ...details];
}

function subnetSection(design: Design, plan: Plan, cap: Capacity): string[] {
  const headers = ['Subnet', 'Pool', 'Per node', 'More nodes', 'Free'];
  const rows: string[][] = [];
  const poolName = new Map(design.clusters.flatMap((c) => c.nodePools.map((p) => [p.id, `${c.name}/${p.name}`])));
  for (const v of design.vnets)
    for (const s of v.subnets) {
      const sh = cap.headroom.subnets[s.id];
      for (const f of sh?.pools ?? [])
        rows.push([
          printable(`${s.name} ${plan.subnets[s.id]?.cidr ?? s.cidr}`),
          printable(poolName.get(f.poolId) ?? f.name),
          num(f.perNode),
          signed(f.moreNodes),
          num(sh!.free),
        ]);
    }
  return rows.length === 0 ? [] : ['More nodes per subnet', ...renderTable(headers, rows)];
}

function preflightSection(cap: Capacity): string[] {
  const out: string[] = [];
  let n = 0;
  for (const pf of cap.preflight) {
    out.push(`Preflight ${printable(pf.name)}: ${pf.ok ? 'passes' : 'fails'}`);
    for (const ch of pf.checks) {
      const verdict = ch.ok ? 'ok' : 'FAILS';
      out.push(
        `  ${ch.range} ${printable(ch.name)} ${ch.cidr}: ${num(ch.preAllocated)} pre-allocated of ${num(ch.available)} available, ${verdict}`,
      );
      out.push(`    = ${printable(ch.formula)}`);
      if (ch.azureMessage) out.push(`    Azure: ${printable(ch.azureMessage)}`);
      ch.fixes.forEach((f) =>
        out.push(
          `    fix ${++n}: ${printable(f.label)} (after: ${num(f.after.preAllocated)} pre-allocated of ${num(f.after.available)} available${f.after.ok ? '' : ', still short'})`,
        ),
      );
    }
  }
  return out;
}

export function formatCapacity(name: string, design: Design, plan: Plan, cap: Capacity): string {
  const sections = [
    [`Capacity of ${printable(name)}`],
    poolSection(design, cap),
    subnetSection(design, plan, cap),
    preflightSection(cap),
  ].filter((s) => s.length > 0);
  return `${sections.map((s) => s.join('\n')).join('\n\n')}\n`;
}

/** Writes the design with fix `n` applied; the exit code, or null when written. */
async function writeFixed(
  doc: Parameters<typeof serializeDocument>[0],
  cap: Capacity,
  n: string,
  out: string | undefined,
  io: Parameters<Command>[1],
): Promise<{ code: number } | { design: Design }> {
  const fixes = allFixes(cap);
  const i = Number(n);
  if (!out || !Number.isInteger(i) || i < 1 || i > fixes.length) {
    const what = !out
      ? '--fix needs -o OUT.json'
      : `--fix ${printable(n)}: the preflight lists ${fixes.length} fix(es)`;
    io.err(`aksnet: ${what}\nUsage: ${USAGE}\n`);
    return { code: EXIT_INPUT };
  }
  const design = structuredClone(doc.design);
  const fix = fixes[i - 1]!;
  applyFixes(design, fix.ops);
  try {
    await writeFile(out, serializeDocument({ ...doc, design }));
  } catch (e) {
    io.err(`aksnet: cannot write ${printable(out)}: ${e instanceof Error ? e.message : String(e)}\n`);
    return { code: EXIT_INPUT };
  }
  io.out(`Applied fix ${i}: ${printable(fix.label)}; wrote ${printable(out)}\n`);
  return { design };
}

export const capacityCommand: Command = async (args, io) => {
  const read = await readCommandDesign(args, { fix: { type: 'string' }, ...OUTPUT_AND_JSON }, USAGE, io);
  if (!read.ok) return read.exitCode;
  let design = read.doc.design;
  let plan = computePlan(design);
  let cap = computeCapacity(design, plan);
  const fix = read.values.fix as string | undefined;
  if (fix !== undefined) {
    const r = await writeFixed(read.doc, cap, fix, read.values.output as string | undefined, io);
    if ('code' in r) return r.code;
    design = r.design;
    plan = computePlan(design);
    cap = computeCapacity(design, plan);
  }
  if (read.values.json) io.out(`${JSON.stringify(cap, null, 2)}\n`);
  else io.out(formatCapacity(read.doc.meta.name || read.file, design, plan, cap));
  return cap.preflight.every((p) => p.ok) ? 0 : 1;
};
