/**
 * Growth of computePlan and every exporter with the design's size: the enterprise design at 1x, 2x, 4x, 8x and
 * 16x, the sizes interleaved in one process (round after round, every size in each round), so machine noise and
 * garbage collection hit them alike. Each round repeats the smaller sizes so every size does the same work per
 * round (16 × the 1x design, 8 × the 2x ...). The exponent is the slope of log(time) over log(scale), least
 * squares over the five medians: 1 is linear. Goal: at most 1.1.
 */
import { computePlan, type Design, type Plan } from '../src/core/index';
import { EXPORT_FORMATS, exportAs } from '../src/export';
import { makeEnterpriseDesign } from './make-enterprise-design';

const SCALES = [1, 2, 4, 8, 16];
const MIN_ROUNDS = 5;
const MAX_ROUNDS = 40;
const BUDGET_MS = 30_000;
const GOAL = 1.1;

let sink = 0;

interface Target {
  name: string;
  run: (design: Design, plan: Plan) => number;
}

const TARGETS: readonly Target[] = [
  { name: 'computePlan', run: (d) => computePlan({ ...d }).findings.length },
  ...EXPORT_FORMATS.map((f) => ({
    name: `export ${f.id}`,
    // A fresh design object each time: the per-design index and caches are part of what an export costs.
    run: (d: Design, p: Plan) => exportAs(f.id, { ...d }, p).length,
  })),
];

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Least-squares slope of log(y) over log(x). */
export function growthExponent(xs: readonly number[], ys: readonly number[]): number {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < lx.length; i++) {
    num += (lx[i]! - mx) * (ly[i]! - my);
    den += (lx[i]! - mx) ** 2;
  }
  return num / den;
}

export async function run(): Promise<string> {
  const sizes = SCALES.map((scale) => {
    const design = makeEnterpriseDesign(scale);
    return { scale, design, plan: computePlan(design), repeats: SCALES.at(-1)! / scale };
  });
  // samples[target][size]: per-run milliseconds, one entry per round.
  const samples = TARGETS.map(() => sizes.map(() => [] as number[]));
  for (const t of TARGETS) for (const s of sizes) sink += t.run(s.design, s.plan); // warm-up
  const start = performance.now();
  let rounds = 0;
  while (rounds < MIN_ROUNDS || (rounds < MAX_ROUNDS && performance.now() - start < BUDGET_MS)) {
    TARGETS.forEach((t, ti) => {
      sizes.forEach((s, si) => {
        const t0 = performance.now();
        for (let i = 0; i < s.repeats; i++) sink += t.run(s.design, s.plan);
        samples[ti]![si]!.push((performance.now() - t0) / s.repeats);
      });
    });
    rounds++;
  }
  const head = `  ${'target'.padEnd(13)} ${SCALES.map((s) => `${s}x`.padStart(9)).join('')}  exponent`;
  const lines = TARGETS.map((t, ti) => {
    const med = samples[ti]!.map(median);
    const k = growthExponent(SCALES, med);
    const cells = med.map((m) => `${m.toFixed(2)}`.padStart(9)).join('');
    return `  ${t.name.padEnd(13)} ${cells}  ${k.toFixed(2)} ${k <= GOAL ? 'goal met' : `OVER the ${GOAL} goal`}`;
  });
  return `${head}  (median ms over ${rounds} interleaved rounds)\n${lines.join('\n')}${sink < 0 ? ' ' : ''}`;
}
