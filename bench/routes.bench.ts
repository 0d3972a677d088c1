/**
 * Effective routes for every subnet plus one Internet egress trace per node pool, on the generated enterprise
 * design at 1x, 4x and 16x. Median over repeated runs after a warm-up long enough for the JIT to settle.
 */
import { computeAddressPlan, traceEgress, effectiveRoutes } from '../src/core/index';
import { makeEnterpriseDesign } from './make-enterprise-design';

let sink = 0;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const WARMUP_MS = 300;

function timeScale(scale: number, runs: number): string {
  const design = makeEnterpriseDesign(scale);
  const plan = computeAddressPlan(design);
  const subnets = design.vnets.flatMap((v) => v.subnets);
  const pools = design.clusters.flatMap((c) => c.nodePools);
  const routes: number[] = [];
  const traces: number[] = [];
  const warmStart = performance.now();
  let warm = 0;
  for (let i = 0; i < runs + warm; i++) {
    // Each phase of a run is one design change: a fresh design object, so its index and caches start empty.
    const d = { ...design };
    let t0 = performance.now();
    for (const s of subnets) sink += effectiveRoutes(d, s.id, plan).length;
    const r = performance.now() - t0;
    const e = { ...design };
    t0 = performance.now();
    for (const p of pools) sink += traceEgress(e, plan, p.id, 'internet').hops.length;
    const t = performance.now() - t0;
    // Warm-up runs: at least two, and until WARMUP_MS have passed.
    if (warm === i && (i < 2 || performance.now() - warmStart < WARMUP_MS)) warm++;
    else {
      routes.push(r);
      traces.push(t);
    }
  }
  return (
    `  ${scale}x: effective routes for ${subnets.length} subnets median ${median(routes).toFixed(1)} ms; ` +
    `${pools.length} egress traces median ${median(traces).toFixed(1)} ms (${(median(traces) / pools.length).toFixed(3)} ms each)`
  );
}

export async function run(): Promise<string> {
  const lines = [timeScale(1, 21), timeScale(4, 9), timeScale(16, 5)];
  if (sink < 0) lines.push('');
  return lines.join('\n');
}
