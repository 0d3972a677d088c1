/**
 * Each export format on the generated enterprise design at 1x (hub + 30 spokes, about 300 subnets and 120 node
 * pools), plan computed once. Like the plan benchmark: warmed up, then timed over enough runs to fill about a
 * second; the median is reported and every result goes to a sink. Goal: under 20 ms median for each format.
 */
import { computePlan } from '../src/core/index';
import { EXPORT_FORMATS, exportAs } from '../src/export';
import { makeEnterpriseDesign } from './make-enterprise-design';

const WARMUP_RUNS = 10;
const TARGET_MS = 1000;
const MIN_RUNS = 30;
const MAX_RUNS = 2000;
const GOAL_MS = 20;

let sink = 0;

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function run(): Promise<string> {
  const design = makeEnterpriseDesign(1);
  const plan = computePlan(design);
  const lines: string[] = [];
  for (const f of EXPORT_FORMATS) {
    const warmStart = performance.now();
    for (let i = 0; i < WARMUP_RUNS; i++) sink += exportAs(f.id, design, plan).length;
    const estimate = Math.max((performance.now() - warmStart) / WARMUP_RUNS, 0.001);
    const runs = Math.min(MAX_RUNS, Math.max(MIN_RUNS, Math.ceil(TARGET_MS / estimate)));
    const samples: number[] = [];
    let size = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      size = exportAs(f.id, design, plan).length;
      samples.push(performance.now() - t0);
      sink += size;
    }
    samples.sort((a, b) => a - b);
    const med = median(samples);
    lines.push(
      `  ${f.id.padEnd(5)} median ${med.toFixed(2)} ms over ${runs} runs (${(size / 1024).toFixed(0)} KB) ${med < GOAL_MS ? 'goal met' : `OVER the ${GOAL_MS} ms goal`}`,
    );
  }
  return `${lines.join('\n')}${sink < 0 ? ' ' : ''}`;
}
