import { describe, expect, it } from 'vitest';
import { traceEgress, computePlan } from '../core/index';
import { hopNodeIds } from './paths-logic';
import { loadExample } from './test-support';

describe('hopNodeIds', () => {
  it('lists each element of the baseline egress path once, in hop order: pool, then the hub firewall', () => {
    const d = loadExample('aks-baseline').design;
    const t = traceEgress(d, computePlan(d), 'pool-system', 'internet');
    // Hops: pod (pool) → node (pool) → firewall → its public IP (named by the firewall) → destination (no id).
    expect(hopNodeIds(t)).toEqual(['pool-system', 'fw-hub']);
  });
});
