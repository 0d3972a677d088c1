/**
 * `aksnet import FILE|- [--from az|bicep|arm|azjson] [--param NAME=VALUE]... [-o design.json]`: reads an az script,
 * Bicep (params from --param, else their defaults), an ARM template or az JSON output, prints the report (one line per item) and writes the design file with an auto-layout.
 * Exit 0 all imported, 1 something ignored or unresolved, 2 nothing could be read (or bad usage).
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { layoutDesign } from '../../src/export';
import { newDocument, serializeDocument, type DesignDocument } from '../../src/io';
import { getParser } from '../bicep-syntax';
import {
  detectSource,
  importExitCode,
  importText,
  IMPORT_SOURCES,
  MAX_SCRIPT_CHARS,
  type ImportSource,
} from '../../src/io/import/index';
import { importBicepFiles } from '../../src/io/import/bicep';
import { fileModules } from '../bicep-modules';
import type { CliIo, Command } from '../io';
import { EXIT_INPUT, usageError, parseCommandArgs, printable } from '../read-design';

const USAGE =
  'aksnet import FILE|- [--from az|bicep|arm|azjson] [--param NAME=VALUE]... [--module-root DIR] [-o design.json]';

async function readStdin(limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The input text, or null after printing why it cannot be read. */
async function readInput(file: string, io: CliIo): Promise<string | null> {
  // UTF-8 takes at most 4 bytes a character: anything larger is over the importers' character cap.
  const limit = MAX_SCRIPT_CHARS * 4;
  const label = file === '-' ? 'stdin' : printable(file);
  try {
    if (file === '-') {
      const text = await (io.stdin ?? readStdin)(limit);
      if (text === null)
        io.err(`aksnet: ${label}: the input is too large (over ${limit.toLocaleString('en-US')} bytes)\n`);
      return text;
    }
    const info = await stat(file);
    if (!info.isFile()) {
      io.err(`aksnet: ${label}: cannot read: not a regular file\n`);
      return null;
    }
    if (info.size > limit) {
      io.err(`aksnet: ${label}: the file is too large: ${info.size.toLocaleString('en-US')} bytes\n`);
      return null;
    }
    return await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    io.err(
      `aksnet: ${label}: cannot read: ${code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e)}\n`,
    );
    return null;
  }
}

export const importCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs(
    args,
    {
      from: { type: 'string' },
      output: { type: 'string', short: 'o' },
      param: { type: 'string', multiple: true },
      'module-root': { type: 'string' },
    },
    USAGE,
    io,
  );
  if (!parsed.ok) return parsed.exitCode;
  const from = parsed.values.from as string | undefined;
  if (from !== undefined && !IMPORT_SOURCES.includes(from as ImportSource)) {
    return usageError(io, USAGE, `--from must be one of ${IMPORT_SOURCES.join(', ')}`);
  }
  // Bicep params given on the command line, as `az deployment group create --parameters` would: location=eastus2.
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const p of (parsed.values.param as string[] | undefined) ?? []) {
    const eq = p.indexOf('=');
    if (eq <= 0) {
      return usageError(io, USAGE, `--param ${printable(p)}: expected NAME=VALUE`);
    }
    params[p.slice(0, eq)] = p.slice(eq + 1);
  }
  const text = await readInput(parsed.file, io);
  if (text === null) return EXIT_INPUT;
  const source = (from as ImportSource | undefined) ?? detectSource(text);
  // Bicep is read with tree-sitter-bicep, which the command line loads here (the importer itself stays pure).
  let result;
  if (source === 'bicep') {
    const stdin = parsed.file === '-';
    const mods = stdin ? null : fileModules(parsed.file, parsed.values['module-root'] as string | undefined);
    if (mods && 'error' in mods) {
      io.err(`aksnet: ${printable(mods.error)}\nUsage: ${USAGE}\n`);
      return EXIT_INPUT;
    }
    const modules =
      mods?.read ?? ((_: string, path: string) => ({ missing: `${path}: modules of stdin are not read` }));
    result = importBicepFiles([{ name: mods?.name ?? '', text }], await getParser(), {
      params: { ...params },
      modules,
    });
  } else result = importText(text, source);
  for (const i of result.items) io.out(`${i.status} ${i.at}: ${i.what}: ${i.message}\n`);
  const counts = ['imported', 'defaulted', 'ignored', 'unresolved'].map(
    (s) => `${result.items.filter((i) => i.status === s).length} ${s}`,
  );
  io.out(`${result.from}: ${counts.join(', ')}\n`);
  const code = importExitCode(result);
  if (!result.design) {
    io.err(`aksnet: ${parsed.file === '-' ? 'stdin' : printable(parsed.file)}: nothing could be imported\n`);
    return code;
  }
  const doc: DesignDocument = { ...newDocument('Imported design', result.design.location), design: result.design };
  doc.layout = { nodes: await layoutDesign(result.design) } as DesignDocument['layout'];
  const out = parsed.values.output as string | undefined;
  if (!out) return code;
  try {
    await writeFile(out, serializeDocument(doc));
  } catch (e) {
    io.err(`aksnet: cannot write ${printable(out)}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_INPUT;
  }
  io.err(`aksnet: wrote ${printable(out)}\n`);
  return code;
};
