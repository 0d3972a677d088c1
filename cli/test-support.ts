/** Helpers for the CLI tests: output collectors and design files in a temporary folder. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { CliIo } from './io';
import { main } from './main';

/** The path of a file under examples/. */
export const example = (name: string): string => new URL(`../examples/${name}`, import.meta.url).pathname;

export function collect(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    stdout: () => out,
    stderr: () => err,
  };
}

/** Runs the CLI with `args`, checks its exit code when one is given, and returns what it wrote. */
export async function run(args: string[], exitCode?: number): Promise<{ stdout: string; stderr: string }> {
  const io = collect();
  const code = await main(args, io);
  if (exitCode !== undefined) expect(code).toBe(exitCode);
  return { stdout: io.stdout(), stderr: io.stderr() };
}

const dir = mkdtempSync(join(tmpdir(), 'aksnet-cli-'));

/** Writes `content` (a value is written as JSON) to a temporary file and returns its path. */
export function writeTemp(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}
