/**
 * `npm run bench`: runs every benchmark script (bench/*.bench.ts) and prints its lines. Benchmarks are scripts,
 * not tests: their numbers go into docs/perf.md and the issue notes. `npm run bench -- --no-canvas` skips the
 * browser one.
 */
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const order = ['plan', 'routes', 'export', 'canvas'];
const dir = new URL('.', import.meta.url);
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort((a, b) => order.indexOf(a) - order.indexOf(b));

const skipCanvas = process.argv.includes('--no-canvas');
let failed = false;
for (const name of names) {
  if (name === 'canvas' && skipCanvas) continue;
  console.log(`# ${name}`);
  try {
    const mod = (await import(pathToFileURL(`${dir.pathname}${name}.bench.ts`).href)) as { run: () => Promise<string> };
    console.log(await mod.run());
  } catch (e) {
    failed = true;
    console.log(`  failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
process.exitCode = failed ? 1 : 0;
