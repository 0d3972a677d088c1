/**
 * `aksnet diff BEFORE.json AFTER.json [--json]`: every change from the first design (the current state, e.g. an
 * import) to the second (the plan), with what Azure does to apply it and the Learn page saying so. Elements match
 * by kind and name, so ids may differ. Exit 0 when the designs are the same, 1 when they differ, 2 on unreadable
 * input or bad usage.
 */
import { parseArgs } from 'node:util';
import { diffDesigns, type DiffValue, type ForcedChange } from '../../src/core/index';
import type { Command } from '../io';
import { usageError, printable, readDesign } from '../read-design';

export const DIFF_USAGE = 'aksnet diff BEFORE.json AFTER.json [--json]   (exit 0 same, 1 different)';

const show = (v: DiffValue | undefined): string =>
  v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v);

const EFFECT: Record<ForcedChange['effect'], string> = {
  'in-place': 'in place',
  rolling: 'rolling',
  recreate: 'recreate',
};

/** Two lines per change: what changed, then what it forces, its entry id and the Learn page. */
export function formatChange(c: ForcedChange): string {
  const what =
    c.op === 'changed'
      ? `~ ${c.kind} ${printable(c.subject)} ${printable(c.field ?? '')}: ${printable(show(c.before))} → ${printable(show(c.after))}`
      : `${c.op === 'added' ? '+' : '-'} ${c.kind} ${printable(c.subject)}`;
  const effect = c.recreates ? `${EFFECT[c.effect]} ${c.recreates}` : EFFECT[c.effect];
  return `${what}\n    ${effect} (${c.force}): ${c.message} ${c.learnUrl}\n`;
}

function summary(changes: readonly ForcedChange[]): string {
  if (changes.length === 0) return 'no changes';
  const count = (e: ForcedChange['effect']) => changes.filter((c) => c.effect === e).length;
  const n = changes.length;
  return `${n} change${n === 1 ? '' : 's'}: ${count('in-place')} in place, ${count('rolling')} rolling, ${count('recreate')} recreate`;
}

function parse(args: string[]): { files: [string, string]; json: boolean } | string {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 2)
      return positionals.length < 2
        ? 'two design files are needed'
        : `unexpected argument "${printable(positionals[2]!)}"`;
    return { files: [positionals[0]!, positionals[1]!], json: values.json === true };
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

export const diffCommand: Command = async (args, io) => {
  const p = parse(args);
  if (typeof p === 'string') {
    return usageError(io, DIFF_USAGE, p);
  }
  const before = await readDesign(p.files[0], io);
  if (!before.ok) return before.exitCode;
  const after = await readDesign(p.files[1], io);
  if (!after.ok) return after.exitCode;
  const { changes } = diffDesigns(before.doc.design, after.doc.design);
  if (p.json) io.out(`${JSON.stringify({ changes }, null, 2)}\n`);
  else {
    for (const c of changes) io.out(formatChange(c));
    io.err(`${printable(p.files[0])} → ${printable(p.files[1])}: ${summary(changes)}\n`);
  }
  return changes.length === 0 ? 0 : 1;
};
