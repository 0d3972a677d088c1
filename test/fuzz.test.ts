/**
 * The fuzz test at a small count, run with the unit tests: generated designs through load, plan, routes, traces
 * and every exporter (fuzz-stages.ts). `npm run fuzz -- --runs 10000` runs the full count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { networkModelOf } from '../src/core/index';
import { designArbitrary } from './fuzz-designs';
import { FuzzStats } from './fuzz-check';
import { warmUp } from './fuzz-stages';

describe('fuzz: generated designs', () => {
  it('go through load, plan, routes, traces and every exporter without an exception, within the time bound; scripts pass bash -n', async () => {
    await warmUp();
    const stats = new FuzzStats(50);
    // A fixed seed keeps `npm test` deterministic; the full run picks a new seed each time.
    await fc.assert(
      fc.asyncProperty(designArbitrary, (d) => stats.check(d)),
      { numRuns: 100, seed: 20261201 },
    );
    // bash -n on every az script, shellcheck on one in 50.
    expect(stats.shellProblems()).toEqual([]);
    expect(stats.designs).toBe(100);
    expect(stats.shellchecked).toBeGreaterThanOrEqual(1);
  });

  it('generates every network model, outbound type, loaded and refused designs', () => {
    const designs = fc.sample(designArbitrary, { numRuns: 300, seed: 7 });
    const clusters = designs.flatMap((d) => d.clusters);
    expect(new Set(clusters.map(networkModelOf))).toEqual(
      new Set([
        'kubenet',
        'azure-cni-node-subnet',
        'azure-cni-pod-subnet-dynamic',
        'azure-cni-pod-subnet-static',
        'azure-cni-overlay',
        'byo-cni',
      ]),
    );
    expect(new Set(clusters.map((c) => c.outboundType)).size).toBe(5);
    expect(designs.some((d) => d.peerings.some((p) => p.localVnetId === p.remoteVnetId))).toBe(true);
    expect(designs.some((d) => d.peerings.some((p) => p.remoteVnetId.startsWith('missing-')))).toBe(true);
    expect(designs.some((d) => d.vnets.some((v) => v.subnets.some((s) => s.cidr.endsWith('/29'))))).toBe(true);
  });
});
