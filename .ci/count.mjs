// Counts passed and failed tests from vitest's and Playwright's JSON reports and prints the closing line.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);

const unit = read('reports/unit.json');
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += (unit.numFailedTests ?? 0) + (unit.numFailedTestSuites ?? 0);
}
const e2e = read('reports/e2e.json');
if (e2e?.stats) {
  passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
  failed += e2e.stats.unexpected ?? 0;
  failed += (e2e.errors ?? []).length;
}
if (!unit) failed += 1; // the unit suite did not report: count it as a failure, never as a pass
if (!e2e) failed += 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
