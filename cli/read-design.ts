/**
 * Reading a design file for any command: node:fs, then loadDocument. Problems are printed as
 * `aksnet: FILE: path: message`, one per line, and the command exits 2.
 */
import { readFile, stat } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { subjectName, type Design, type Id } from '../src/core/index';
import { loadDocument, MAX_INPUT_CHARS, type DesignDocument } from '../src/io';
import type { CliIo } from './io';
import { printable } from './terminal';

export { printable };

/** Exit code for an unreadable or invalid file and for bad usage. */
export const EXIT_INPUT = 2;

export type ReadDesignResult = { ok: true; doc: DesignDocument } | { ok: false; exitCode: number };

function describeReadError(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'cannot read: no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot read: permission denied';
  return `cannot read: ${e instanceof Error ? e.message : String(e)}`;
}

/** Reads and loads a design file; prints every problem and warning to stderr. */
export async function readDesign(file: string, io: CliIo): Promise<ReadDesignResult> {
  const label = printable(file);
  let text: string;
  try {
    // UTF-8 uses at most 4 bytes per character: anything larger cannot be under the character limit.
    const info = await stat(file);
    // Devices and pipes (/dev/zero) report no size and may never end.
    if (!info.isFile()) {
      io.err(`aksnet: ${label}: cannot read: ${info.isDirectory() ? 'it is a directory' : 'not a regular file'}\n`);
      return { ok: false, exitCode: EXIT_INPUT };
    }
    const size = info.size;
    if (size > MAX_INPUT_CHARS * 4) {
      io.err(`aksnet: ${label}: the file is too large: ${size.toLocaleString('en-US')} bytes\n`);
      return { ok: false, exitCode: EXIT_INPUT };
    }
    text = await readFile(file, 'utf8');
  } catch (e) {
    io.err(`aksnet: ${label}: ${describeReadError(e)}\n`);
    return { ok: false, exitCode: EXIT_INPUT };
  }
  const result = loadDocument(text);
  if (!result.ok) {
    for (const e of result.errors)
      io.err(`aksnet: ${label}: ${e.path ? `${printable(e.path)}: ` : ''}${printable(e.message)}\n`);
    return { ok: false, exitCode: EXIT_INPUT };
  }
  for (const w of result.warnings) io.err(`aksnet: ${label}: warning: ${printable(w)}\n`);
  return { ok: true, doc: result.doc };
}

export type ParsedArgs =
  { ok: true; file: string; values: Record<string, string | boolean | undefined> } | { ok: false; exitCode: number };

/**
 * Parses `COMMAND DESIGN.json [options]` with node's parseArgs. Unknown options and a missing file print
 * the usage line and give exit code 2.
 */
/** Says on stderr what is wrong with the command line, then the usage; the exit code of bad input. */
export function usageError(io: CliIo, usage: string, problem: string): number {
  io.err(`aksnet: ${problem}\nUsage: ${usage}\n`);
  return EXIT_INPUT;
}

/** `-o FILE` and `--json`: the options of a command that may write the design it changes and report as JSON. */
export const OUTPUT_AND_JSON = { output: { type: 'string', short: 'o' }, json: { type: 'boolean' } } as const;

export function parseCommandArgs(
  args: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  usage: string,
  io: CliIo,
): ParsedArgs {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    return { ok: false, exitCode: usageError(io, usage, e instanceof Error ? e.message : String(e)) };
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) {
    const problem = file ? `unexpected argument "${printable(extra[0]!)}"` : 'missing the design file';
    return { ok: false, exitCode: usageError(io, usage, problem) };
  }
  return { ok: true, file, values: parsed.values as Record<string, string | boolean | undefined> };
}

/** The command line parsed and its design read: what a command that needs nothing checked in between starts with. */
export async function readCommandDesign(
  args: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  usage: string,
  io: CliIo,
): Promise<(Extract<ParsedArgs, { ok: true }> & { doc: DesignDocument }) | { ok: false; exitCode: number }> {
  const parsed = parseCommandArgs(args, options, usage, io);
  if (!parsed.ok) return parsed;
  const read = await readDesign(parsed.file, io);
  return read.ok ? { ...parsed, doc: read.doc } : read;
}

/** The display name of a design element, for messages; the id itself when nothing has it. */
export function nameOfSubject(design: Design, id: Id): string {
  return subjectName(design, id);
}
