/** `aksnet routes DESIGN.json [--subnet NAME] [--json]`: effective routes of every subnet (or one). */
import { computeAddressPlan, effectiveRoutes } from '../../src/core/index';
import type { Command } from '../io';
import { printable, readCommandDesign, EXIT_INPUT } from '../read-design';

const USAGE = 'aksnet routes DESIGN.json [--subnet NAME] [--json]';

/** Left-aligned columns, two spaces apart. */
function leftTable(headers: string[], rows: string[][]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [headers, ...rows].map((cells) => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd());
}

export const routesCommand: Command = async (args, io) => {
  const read = await readCommandDesign(args, { json: { type: 'boolean' }, subnet: { type: 'string' } }, USAGE, io);
  if (!read.ok) return read.exitCode;
  const design = read.doc.design;
  const plan = computeAddressPlan(design);
  const wanted = read.values.subnet as string | undefined;
  const subnets = design.vnets.flatMap((v) => v.subnets.map((s) => ({ vnet: v, subnet: s })));
  const chosen = wanted ? subnets.filter((x) => x.subnet.name === wanted || x.subnet.id === wanted) : subnets;
  if (wanted && chosen.length === 0) {
    io.err(
      `aksnet: no subnet named "${printable(wanted)}"; subnets: ${subnets.map((x) => printable(x.subnet.name)).join(', ')}\n`,
    );
    return EXIT_INPUT;
  }
  const result = chosen.map((x) => ({
    subnetId: x.subnet.id,
    subnet: x.subnet.name,
    vnet: x.vnet.name,
    routes: effectiveRoutes(design, x.subnet.id, plan),
  }));
  if (read.values.json) {
    io.out(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  const blocks = result.map((r) => {
    const rows = r.routes.map((e) => [
      e.source,
      e.state,
      e.prefix,
      e.nextHopType,
      e.nextHopIp ?? '',
      printable(e.note),
    ]);
    const table = leftTable(['Source', 'State', 'Prefix', 'Next hop', 'Next hop IP', 'Why'], rows);
    return [`Subnet ${printable(r.subnet)} (${printable(r.vnet)})`, ...table].join('\n');
  });
  io.out(`${blocks.join('\n\n')}\n`);
  return 0;
};
