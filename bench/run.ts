/**
 * `npm run bench`: runs every benchmark script (bench/*.bench.ts, and src/<layer>/*.bench.ts for the layers bench
 * scripts may not import) and prints its lines. Benchmarks are scripts,
 * not tests: their numbers go into docs/perf.md and the issue notes. `npm run bench -- --no-canvas` skips the
 * browser one; `npm run bench -- --only export` runs one.
 *
 * Each benchmark runs in a process of its own, so one leaves no heap behind for the next to collect (the 16x
 * designs of the plan and routes benchmarks otherwise slow the exports after them by half).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const order = ['plan', 'routes', 'export', 'scaling', 'editing', 'canvas'];
const dir = new URL('.', import.meta.url);
const FOLDERS = [dir, new URL('../src/store/', dir), new URL('../src/canvas/', dir)];
const files = new Map(
  FOLDERS.flatMap((folder) =>
    readdirSync(folder)
      .filter((f) => f.endsWith('.bench.ts'))
      .map((f) => [f.replace(/\.bench\.ts$/, ''), new URL(f, folder)] as const),
  ),
);
const names = [...files.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));

const argv = process.argv.slice(2);
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? argv[onlyAt + 1] : undefined;
const inProcess = argv.includes('--in-process');

async function runHere(name: string): Promise<boolean> {
  try {
    const mod = (await import(files.get(name)!.href)) as { run: () => Promise<string> };
    console.log(await mod.run());
    return true;
  } catch (e) {
    console.log(`  failed: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}

if (only && inProcess) {
  process.exitCode = (await runHere(only)) ? 0 : 1;
} else {
  if (only && !names.includes(only)) {
    console.log(`no benchmark named ${only}; there are: ${names.join(', ')}`);
    process.exit(2);
  }
  let failed = false;
  for (const name of only ? [only] : names) {
    if (name === 'canvas' && argv.includes('--no-canvas')) continue;
    console.log(`# ${name}`);
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--only', name, '--in-process'],
      { stdio: 'inherit' },
    );
    failed ||= child.status !== 0;
  }
  process.exitCode = failed ? 1 : 0;
}
