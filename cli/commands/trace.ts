/** `aksnet trace DESIGN.json --from POOL_OR_SUBNET --to IP|internet [--json]`: the hops of an egress path. */
import { parseIp, computeAddressPlan, traceEgress, type Design } from '../../src/core/index';
import type { Command } from '../io';
import { EXIT_INPUT, usageError, parseCommandArgs, printable, readDesign } from '../read-design';

const USAGE = 'aksnet trace DESIGN.json --from POOL_OR_SUBNET --to IP|internet [--json]';

/** A node pool ("cluster/pool" or "pool") or a subnet, by name or id. */
function findSource(design: Design, text: string): string | null {
  for (const c of design.clusters) {
    for (const p of c.nodePools) if (p.id === text || p.name === text || `${c.name}/${p.name}` === text) return p.id;
  }
  for (const v of design.vnets) for (const s of v.subnets) if (s.id === text || s.name === text) return s.id;
  return null;
}

export const traceCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs(
    args,
    { json: { type: 'boolean' }, from: { type: 'string' }, to: { type: 'string' } },
    USAGE,
    io,
  );
  if (!parsed.ok) return parsed.exitCode;
  const from = parsed.values.from as string | undefined;
  const to = parsed.values.to as string | undefined;
  if (!from || !to) {
    return usageError(io, USAGE, '--from and --to are required');
  }
  if (to !== 'internet' && parseIp(to) === null) {
    io.err(`aksnet: --to "${printable(to)}" is neither an IPv4 address nor "internet"\n`);
    return EXIT_INPUT;
  }
  const read = await readDesign(parsed.file, io);
  if (!read.ok) return read.exitCode;
  const design = read.doc.design;
  const source = findSource(design, from);
  if (!source) {
    io.err(`aksnet: no node pool or subnet named "${printable(from)}"\n`);
    return EXIT_INPUT;
  }
  const trace = traceEgress(design, computeAddressPlan(design), source, to);
  if (parsed.values.json) {
    io.out(`${JSON.stringify(trace, null, 2)}\n`);
    return 0;
  }
  const lines = [`Trace ${printable(from)} → ${printable(to)}: ${trace.outcome}`];
  trace.hops.forEach((h, i) => {
    lines.push(`  ${i + 1}. ${printable(h.label)}`);
    lines.push(`     by: ${printable(h.decidedBy)}`);
    if (h.snat) lines.push(`     SNAT: ${printable(h.snat.from)} → ${printable(h.snat.to)}`);
  });
  lines.push(
    `Source seen by the destination: ${trace.sourceIpSeen ? printable(trace.sourceIpSeen) : '(nothing arrives)'}`,
  );
  io.out(`${lines.join('\n')}\n`);
  return 0;
};
