/**
 * `npm run bench`: runs every benchmark script and prints its lines. Benchmarks are scripts, not tests:
 * their numbers go into docs/perf.md and the issue notes. `npm run bench -- --no-canvas` skips the browser one.
 */
const suites: { name: string; load: () => Promise<{ run: () => Promise<string> }> }[] = [
  { name: 'plan', load: () => import('./plan.bench') },
  { name: 'routes', load: () => import('./routes.bench') },
  { name: 'export', load: () => import('./export.bench') },
  { name: 'canvas', load: () => import('./canvas.bench') },
];

const skipCanvas = process.argv.includes('--no-canvas');
let failed = false;
for (const suite of suites) {
  if (suite.name === 'canvas' && skipCanvas) continue;
  console.log(`# ${suite.name}`);
  try {
    const mod = await suite.load();
    console.log(await mod.run());
  } catch (e) {
    failed = true;
    console.log(`  failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
process.exitCode = failed ? 1 : 0;
