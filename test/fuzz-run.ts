/**
 * The full fuzz run: `npm run fuzz -- --runs 10000 [--seed N]`. Generated designs through every stage
 * (fuzz-stages.ts), then `bash -n` on every az script and shellcheck on a sample. Prints runs, failures, time and
 * the slowest stage. A failing stage stops the run and fast-check prints the shrunk design with its seed.
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { designArbitrary } from './fuzz-designs';
import { FuzzStats } from './fuzz-check';
import { warmUp } from './fuzz-stages';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string' } },
  strict: true,
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`fuzz: --runs must be a positive integer, got ${values.runs}`);
  process.exit(2);
}
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const stats = new FuzzStats(Math.max(1, Math.ceil(runs / 20)));
await warmUp();
const started = performance.now();
const result = await fc.check(
  fc.asyncProperty(designArbitrary, (d) => stats.check(d)),
  { numRuns: runs, seed },
);
const shell = result.failed ? [] : stats.shellProblems();
console.log(stats.report(((performance.now() - started) / 1000).toFixed(1)));
if (result.failed) {
  console.log(fc.defaultReportMessage(result) ?? 'failed');
  process.exit(1);
}
for (const p of shell) console.log(p);
console.log(`fuzz: ${result.numRuns} runs, ${shell.length} failures (seed ${seed})`);
process.exit(shell.length > 0 ? 1 : 0);
