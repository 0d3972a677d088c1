/**
 * `aksnet export DESIGN.json --format az|bicep|k8s|md|csv|svg|drawio [-o FILE] [--resource-group NAME] [--force]`:
 * writes the export to stdout or a file. Deployable formats (az, bicep, k8s) are refused while the design has names or
 * addresses Azure would reject, unless --force; the address plan formats always export (they list the findings).
 * --resource-group sets the az script's default resource group and where the manifests find static public IPs.
 * svg and drawio are pictures drawn from the file's layout, or from an auto-layout when the file has none.
 */
import { writeFile } from 'node:fs/promises';
import { computePlan } from '../../src/core/index';
import {
  blockingFindings,
  EXPORT_FORMATS,
  PICTURE_FORMATS,
  exportAs,
  RESOURCE_GROUP_PATTERN,
  type ExportFormatId,
  type PictureFormatId,
} from '../../src/export';
import { drawPicture } from '../picture';
import type { Command } from '../io';
import { EXIT_INPUT, usageError, nameOfSubject, parseCommandArgs, printable, readDesign } from '../read-design';

const USAGE =
  'aksnet export DESIGN.json --format az|bicep|k8s|md|csv|svg|drawio [-o FILE] [--resource-group NAME] [--force]';

export const exportCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs(
    args,
    {
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'resource-group': { type: 'string', short: 'g' },
      force: { type: 'boolean' },
    },
    USAGE,
    io,
  );
  if (!parsed.ok) return parsed.exitCode;
  const format = parsed.values.format as string | undefined;
  const formats = [...EXPORT_FORMATS, ...PICTURE_FORMATS];
  const spec = formats.find((f) => f.id === format);
  const picture = PICTURE_FORMATS.some((f) => f.id === format);
  if (!spec) {
    return usageError(io, USAGE, `--format must be one of ${formats.map((f) => f.id).join(', ')}`);
  }
  const resourceGroup = parsed.values['resource-group'] as string | undefined;
  if (resourceGroup !== undefined && !RESOURCE_GROUP_PATTERN.test(resourceGroup)) {
    io.err(
      `aksnet: --resource-group "${printable(resourceGroup)}" is not a valid resource group name (1 to 90 letters, digits, _ - . ( ), not ending in a period)\n`,
    );
    return EXIT_INPUT;
  }
  const read = await readDesign(parsed.file, io);
  if (!read.ok) return read.exitCode;
  const design = read.doc.design;
  const plan = computePlan(design);
  const deployable = spec.id === 'az' || spec.id === 'bicep' || spec.id === 'k8s';
  const blocking = blockingFindings(plan);
  if (deployable && blocking.length > 0 && !parsed.values.force) {
    for (const f of blocking)
      io.err(`error ${f.rule} ${printable(nameOfSubject(design, f.subjectId))}: ${printable(f.message)}\n`);
    io.err(
      `aksnet: not exporting ${spec.label}: Azure would reject the ${blocking.length} item(s) above (use --force to export anyway)\n`,
    );
    return 1;
  }
  const text = picture
    ? await drawPicture(spec.id as PictureFormatId, read.doc, plan)
    : exportAs(spec.id as ExportFormatId, design, plan, resourceGroup ? { resourceGroup } : {});
  const out = parsed.values.output as string | undefined;
  if (!out) {
    (io.data ?? io.out)(text);
    return 0;
  }
  try {
    await writeFile(out, text, spec.id === 'az' ? { mode: 0o755 } : {});
  } catch (e) {
    io.err(`aksnet: cannot write ${printable(out)}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_INPUT;
  }
  io.err(`aksnet: wrote ${spec.label} to ${printable(out)}\n`);
  return 0;
};
