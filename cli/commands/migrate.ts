/**
 * `aksnet migrate DESIGN.json --cluster NAME --to overlay|cilium [--pod-cidr CIDR] [-o FILE] [--json]`: the
 * preflight of a network migration, the az commands in order, the addresses before and after, and the migrated
 * design written to FILE. Exit 1 when a blocker stops it.
 */
import { writeFile } from 'node:fs/promises';
import {
  formatCount,
  MIGRATION_TARGETS,
  modelName,
  planMigration,
  type ClusterUse,
  type MigrationPlan,
  type MigrationTarget,
} from '../../src/core/index';
import { serializeDocument } from '../../src/io';
import type { Command } from '../io';
import { EXIT_INPUT, OUTPUT_AND_JSON, usageError, parseCommandArgs, printable, readDesign } from '../read-design';

const USAGE = 'aksnet migrate DESIGN.json --cluster NAME --to overlay|cilium [--pod-cidr CIDR] [-o FILE] [--json]';

function useLines(label: string, u: ClusterUse): string {
  const parts = [`${modelName(u.model)}`, `${formatCount(u.vnetAddresses)} VNet addresses`];
  if (u.podCidr) parts.push(`pod CIDR ${u.podCidr} (room for ${formatCount(u.podCidrCapacityNodes ?? 0)} nodes)`);
  parts.push(
    u.kubenetRoutes !== undefined ? `${formatCount(u.kubenetRoutes)} kubenet routes` : 'no kubenet route table',
  );
  return `  ${label}: ${parts.join(', ')}`;
}

function report(m: MigrationPlan): string[] {
  const out = [`Migrate ${printable(m.clusterName)} to ${m.target === 'overlay' ? 'Azure CNI Overlay' : 'Cilium'}`];
  out.push(m.possible ? 'Preflight: possible' : 'Preflight: blocked');
  for (const c of m.checks) out.push(`  ${c.severity} ${c.id}: ${printable(c.message)}`);
  if (m.commands.length > 0) {
    out.push('', 'Commands, in order:');
    m.commands.forEach((c, i) => out.push(`  ${i + 1}. ${printable(c.text)}`, `     # ${printable(c.why)}`));
  }
  if (m.changes.length > 0) out.push('', 'Design changes:', ...m.changes.map((c) => `  ${printable(c)}`));
  out.push('', 'Addresses:', useLines('before', m.before), useLines('after ', m.after));
  for (const s of m.subnets)
    out.push(
      `  subnet ${printable(s.name)} ${s.cidr ?? ''}: used ${formatCount(s.usedBefore)} → ${formatCount(s.usedAfter)}` +
        ` of ${formatCount(s.usable)}, free ${formatCount(s.freeBefore)} → ${formatCount(s.freeAfter)}`,
    );
  return out;
}

export const migrateCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs(
    args,
    { cluster: { type: 'string' }, to: { type: 'string' }, 'pod-cidr': { type: 'string' }, ...OUTPUT_AND_JSON },
    USAGE,
    io,
  );
  if (!parsed.ok) return parsed.exitCode;
  const to = parsed.values.to as string | undefined;
  const cluster = parsed.values.cluster as string | undefined;
  if (!to || !MIGRATION_TARGETS.includes(to as MigrationTarget) || !cluster) {
    return usageError(io, USAGE, cluster ? `--to must be one of ${MIGRATION_TARGETS.join(', ')}` : 'missing --cluster');
  }
  const read = await readDesign(parsed.file, io);
  if (!read.ok) return read.exitCode;
  const design = read.doc.design;
  const podCidr = parsed.values['pod-cidr'] as string | undefined;
  const m = planMigration(design, cluster, to as MigrationTarget, podCidr !== undefined ? { podCidr } : {});
  if (!m) {
    const names = design.clusters.map((c) => printable(c.name)).join(', ') || 'none';
    io.err(`aksnet: no cluster named "${printable(cluster)}"; clusters: ${names}\n`);
    return EXIT_INPUT;
  }
  const { design: migrated, ...rest } = m;
  if (parsed.values.json) io.out(`${JSON.stringify(rest, null, 2)}\n`);
  else io.out(`${report(m).join('\n')}\n`);
  const out = parsed.values.output as string | undefined;
  if (out && m.possible) {
    try {
      await writeFile(out, serializeDocument({ ...read.doc, design: migrated }));
    } catch (e) {
      io.err(`aksnet: cannot write ${printable(out)}: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT_INPUT;
    }
  } else if (out) io.err(`aksnet: ${printable(out)} not written: the migration is blocked\n`);
  return m.possible ? 0 : 1;
};
