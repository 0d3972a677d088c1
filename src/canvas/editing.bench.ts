/**
 * Editing the enterprise design at 1x and 4x: heap growth after 200 edits (the undo history keeps up to
 * 200 steps, so this is what a long session holds on to), and the time of a selection click at store level
 * (select an element, then derive the canvas nodes and edges as the canvas does on that change). It lives beside
 * the canvas, not in bench/, because bench scripts use only the core, exports and io; `npm run bench` finds it.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { planOf, useDesignStore } from '../store';
import { newDocument } from '../io';
import { gridLayout } from '../../bench/canvas-layout';
import { makeEnterpriseDesign } from '../../bench/make-enterprise-design';
import { deriveFlow } from './derive';
import { createFlowDeriver, type FlowDeriver } from './derive-memo';

const SCALES = [1, 4];
const EDITS = 200;
const CLICKS = 300;
const WARMUP_CLICKS = 60;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

function load(scale: number): void {
  const design = makeEnterpriseDesign(scale);
  useDesignStore.getState().replaceDoc({ ...newDocument(`enterprise ${scale}x`), design, layout: gridLayout(design) });
  useDesignStore.temporal.getState().clear();
}

/** 200 renames, each of another subnet: 200 undo steps. */
function heapGrowth(scale: number): string {
  load(scale);
  const subnets = useDesignStore.getState().doc.design.vnets.flatMap((v) => v.subnets.map((s) => s.id));
  const before = heapAfterGc();
  for (let i = 0; i < EDITS; i++) {
    const id = subnets[i % subnets.length]!;
    useDesignStore.getState().updateDesign((d) => {
      for (const v of d.vnets) for (const s of v.subnets) if (s.id === id) s.name = `renamed-${i}`;
    });
  }
  const after = heapAfterGc();
  const steps = useDesignStore.temporal.getState().pastStates.length;
  const kb = (after - before) / 1024;
  return (
    `heap after ${EDITS} edits ${scale}x: +${(kb / 1024).toFixed(1)} MB, ` +
    `${(kb / EDITS).toFixed(1)} KB per edit (${steps} undo steps kept)`
  );
}

/** 200 palette drops (NSGs): each takes a fresh id, so this also holds what id collection keeps. */
function heapGrowthDrops(scale: number): string {
  load(scale);
  const before = heapAfterGc();
  for (let i = 0; i < EDITS; i++) useDesignStore.getState().add('nsg', 3300 + i * 10, 5000, {});
  const after = heapAfterGc();
  const kb = (after - before) / 1024;
  return `heap after ${EDITS} drops ${scale}x: +${(kb / 1024).toFixed(1)} MB, ${(kb / EDITS).toFixed(1)} KB per drop`;
}

/** Clicks on boxes in turn; each click is a selection change and one canvas derivation. */
function clickTime(scale: number, derive: FlowDeriver, what: string): string {
  load(scale);
  const hot = new Set<string>();
  const state = () => useDesignStore.getState();
  const frame = () => {
    const s = state();
    return derive(s.doc, planOf(s.doc.design), s.selection, hot, s.lines);
  };
  const d = state().doc.design;
  const targets = [...d.vnets.flatMap((v) => [v.id, ...v.subnets.map((s) => s.id)]), ...d.clusters.map((c) => c.id)];
  let nodes = frame().nodes.length;
  const samples: number[] = [];
  for (let i = 0; i < WARMUP_CLICKS + CLICKS; i++) {
    const t0 = performance.now();
    state().select([targets[(i * 7) % targets.length]!]);
    nodes = frame().nodes.length;
    if (i >= WARMUP_CLICKS) samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const med = samples[Math.floor(samples.length / 2)]!;
  const p95 = samples[Math.floor(samples.length * 0.95)]!;
  return `selection click ${scale}x, ${what} (${nodes} nodes): median ${med.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms over ${CLICKS} clicks`;
}

export async function run(): Promise<string> {
  const lines: string[] = [];
  for (const scale of SCALES) lines.push(heapGrowth(scale), heapGrowthDrops(scale));
  load(1);
  for (const scale of SCALES) {
    lines.push(clickTime(scale, createFlowDeriver(), 'canvas memo'));
    // The whole derivation on every click, as before the memo (which then also deep-compared every node).
    lines.push(clickTime(scale, (...a) => deriveFlow(...a), 'full derivation'));
  }
  return lines.map((l) => `  ${l}`).join('\n');
}
