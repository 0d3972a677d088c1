/**
 * Findings spread over tasks: the rules run one per step give the findings of running each rule in catalogue
 * order, and the views' live plan becomes the whole plan of the latest design after those tasks, whatever came
 * in between.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { computeAddressPlan, computePlan, findingsInSteps, RULES, type Design } from '../core/index';
import { loadDocument } from '../io';
import { livePlanOf, setFindingsSlice, subscribePlan } from './plan';

const FILES = ['seed-azure-cni.json', 'seed-kubenet.json', 'broken.json', 'landing-zone-private.json'];

function example(file: string): Design {
  const r = loadDocument(readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.doc.design;
}

describe('findingsInSteps', () => {
  it.each(FILES)('%s: one step per rule, the last giving the findings computePlan gives', (file) => {
    const design = example(file);
    const steps = findingsInSteps(design, computeAddressPlan(design));
    let yields = 0;
    let s = steps.next();
    for (; !s.done; s = steps.next()) yields++;
    // A pause between two rules: one fewer than the rules.
    expect(yields).toBe(RULES.length - 1);
    expect(s.value).toEqual(computePlan(design).findings);
  });

  it('the broken example has findings, so the comparison above is not of two empty lists', () => {
    expect(computePlan(example('broken.json')).findings.length).toBeGreaterThan(3);
  });
});

describe('the live plan', () => {
  let slice: number;
  beforeEach(() => {
    vi.useFakeTimers();
    // One rule per task: the steps show even on a small design.
    slice = setFindingsSlice(0);
  });
  afterEach(() => {
    setFindingsSlice(slice);
    vi.useRealTimers();
  });

  it('shows the address plan at once and the findings after one task per rule, telling the views once', () => {
    const design = example('broken.json');
    const told = vi.fn();
    const stop = subscribePlan(told);
    const first = livePlanOf(design);
    expect(first.subnets).toEqual(computeAddressPlan(design).subnets);
    let tasks = 0;
    while (vi.getTimerCount() > 0) {
      expect(told).not.toHaveBeenCalled();
      vi.advanceTimersToNextTimer();
      tasks++;
    }
    stop();
    expect(tasks).toBe(RULES.length);
    expect(told).toHaveBeenCalledTimes(1);
    expect(livePlanOf(design).findings).toEqual(computePlan(design).findings);
  });

  it('a design that comes in while the rules run replaces the run: the views get its findings, never the old ones', () => {
    const old = example('broken.json');
    const next = example('seed-azure-cni.json');
    const seen: boolean[] = [];
    const stop = subscribePlan(() => seen.push(livePlanOf(next).findings.length === computePlan(next).findings.length));
    livePlanOf(old);
    for (let i = 0; i < 3; i++) vi.advanceTimersToNextTimer();
    livePlanOf(next);
    vi.runAllTimers();
    stop();
    // Told once, when the new design's findings were all there.
    expect(seen).toEqual([true]);
    expect(livePlanOf(next).findings).toEqual(computePlan(next).findings);
  });
});
