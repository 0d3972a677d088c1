/**
 * `aksnet allocate DESIGN.json --vnet NAME [--headroom 30] [-o OUT.json] [--json]`: a layout of the VNet's subnets
 * sized for their peak plus headroom (special subnets at their sizes), printed old → new; with -o, the design
 * with the layout applied. Exit 1 when a subnet does not fit (nothing is written), 2 on bad input.
 */
import { writeFile } from 'node:fs/promises';
import { allocateVnet, applyAllocation, computePlan } from '../../src/core/index';
import { serializeDocument } from '../../src/io';
import type { Command } from '../io';
import { EXIT_INPUT, OUTPUT_AND_JSON, usageError, parseCommandArgs, printable, readDesign } from '../read-design';

export const ALLOCATE_USAGE = 'aksnet allocate DESIGN.json --vnet NAME [--headroom PERCENT] [-o OUT.json] [--json]';

const DEFAULT_HEADROOM = 30;

function parseHeadroom(text: string | undefined): number | null {
  if (text === undefined) return DEFAULT_HEADROOM;
  return /^\d{1,4}(\.\d+)?$/.test(text) ? Number(text) : null;
}

export const allocateCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs(
    args,
    { vnet: { type: 'string' }, headroom: { type: 'string' }, ...OUTPUT_AND_JSON },
    ALLOCATE_USAGE,
    io,
  );
  if (!parsed.ok) return parsed.exitCode;
  const vnetName = parsed.values.vnet as string | undefined;
  const headroom = parseHeadroom(parsed.values.headroom as string | undefined);
  if (!vnetName || headroom === null) {
    return usageError(
      io,
      ALLOCATE_USAGE,
      vnetName
        ? `--headroom "${printable(String(parsed.values.headroom))}" must be a percentage (0 or more)`
        : '--vnet NAME is required',
    );
  }
  const read = await readDesign(parsed.file, io);
  if (!read.ok) return read.exitCode;
  const design = read.doc.design;
  const vnet = design.vnets.find((v) => v.name === vnetName);
  if (!vnet) {
    io.err(
      `aksnet: no VNet named "${printable(vnetName)}" (VNets: ${design.vnets.map((v) => printable(v.name)).join(', ') || 'none'})\n`,
    );
    return EXIT_INPUT;
  }
  const allocation = allocateVnet(design, computePlan(design), vnet.id, headroom)!;
  if (parsed.values.json)
    io.out(`${JSON.stringify({ vnet: vnet.name, headroomPercent: headroom, ...allocation }, null, 2)}\n`);
  else {
    io.out(`${vnet.name} (${vnet.addressSpaces.join(', ')}), headroom ${headroom}%\n`);
    const rows = allocation.placements.map((p) => [
      p.name,
      p.from ?? '-',
      p.to,
      `${p.usable} >= ${p.wanted}`,
      p.why ?? '',
    ]);
    const head = ['SUBNET', 'NOW', 'PROPOSED', 'USABLE >= WANTED', 'WHY'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    for (const r of [head, ...rows])
      io.out(
        `${r
          .map((c, i) => c.padEnd(widths[i]!))
          .join('  ')
          .trimEnd()}\n`,
      );
  }
  for (const u of allocation.unplaced) io.err(`error ${printable(u.name)}: ${printable(u.message)}\n`);
  if (allocation.unplaced.length) return 1;
  const out = parsed.values.output as string | undefined;
  if (!out) return 0;
  const draft = structuredClone(read.doc);
  const notes = applyAllocation(draft.design, vnet.id, allocation);
  for (const n of notes) io.err(`warning: ${printable(n)}\n`);
  try {
    await writeFile(out, serializeDocument(draft));
  } catch (e) {
    io.err(`aksnet: cannot write ${printable(out)}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_INPUT;
  }
  return 0;
};
