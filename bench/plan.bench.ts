/**
 * computePlan on the generated enterprise design at 1x, 4x and 16x (30, 120 and 480 spokes). Each size is
 * warmed up, then timed over enough runs to fill about a second; the median is reported, and every result
 * goes to a sink so the work cannot be optimised away. Goal: under 5 ms median at 1x, growth close to linear.
 */
import { computePlan, type Plan } from '../src/core/index';
import { encodeShareLink, loadDocument, newDocument, serializeDocument } from '../src/io';
import { makeEnterpriseDesign } from './make-enterprise-design';

const SCALES = [1, 4, 16];
/** Warm-up until the JIT has settled: at least this many runs and this long. */
const WARMUP_RUNS = 10;
const WARMUP_MS = 300;
const TARGET_MS = 1000;
const MIN_RUNS = 15;
const MAX_RUNS = 2000;

let sink: Plan | null = null;
let ioSink: unknown = null;

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function timeScale(scale: number): { line: string; medianMs: number } {
  const design = makeEnterpriseDesign(scale);
  const subnets = design.vnets.reduce((n, v) => n + v.subnets.length, 0);
  const pools = design.clusters.reduce((n, c) => n + c.nodePools.length, 0);
  const warmStart = performance.now();
  let warmRuns = 0;
  while (warmRuns < WARMUP_RUNS || performance.now() - warmStart < WARMUP_MS) {
    sink = computePlan(design);
    warmRuns++;
  }
  const estimate = Math.max((performance.now() - warmStart) / warmRuns, 0.001);
  const runs = Math.min(MAX_RUNS, Math.max(MIN_RUNS, Math.ceil(TARGET_MS / estimate)));
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink = computePlan(design);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const med = median(samples);
  const p95 = samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.95))]!;
  const findings = sink?.findings.length ?? 0;
  return {
    medianMs: med,
    line:
      `computePlan ${scale}x (${subnets} subnets, ${pools} pools, ${design.clusters.length} clusters): ` +
      `median ${med.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms over ${runs} runs; ${findings} findings`,
  };
}

/** Opening a saved file and making a share link of the 1x and 16x designs (what autosave and "Share" cost). */
function timeIo(scale: number): string {
  const text = serializeDocument({ ...newDocument(`enterprise ${scale}x`), design: makeEnterpriseDesign(scale) });
  const samples: number[] = [];
  for (let i = 0; i < 12; i++) {
    const t0 = performance.now();
    ioSink = loadDocument(text);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const loaded = loadDocument(text);
  const link = loaded.ok ? encodeShareLink(loaded.doc) : '';
  ioSink = link;
  const kb = (n: number) => `${Math.round(n / 1024).toLocaleString('en-US')} KB`;
  return `loadDocument ${scale}x (${kb(text.length)} JSON): median ${median(samples.slice(2)).toFixed(1)} ms; share link ${kb(link.length)}`;
}

export async function run(): Promise<string> {
  const results = SCALES.map((scale) => ({ scale, ...timeScale(scale) }));
  const base = results[0]!;
  const lines = results.map((r) => r.line);
  for (const r of results.slice(1)) {
    lines.push(`growth ${r.scale}x / 1x: ${(r.medianMs / base.medianMs).toFixed(1)}× time for ${r.scale}× size`);
  }
  lines.push(`goal: under 5 ms median at 1x: ${base.medianMs < 5 ? 'met' : 'NOT met'}`);
  lines.push(timeIo(1), timeIo(16));
  if (ioSink === null) lines.push('(no io result)');
  return lines.map((l) => `  ${l}`).join('\n');
}
