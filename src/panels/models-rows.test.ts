/** The models table's cells and Apply's refusal, from the comparison of small designs worked by hand. */
import { describe, expect, it } from 'vitest';
import { compareNetworkModels, type ModelChoice, type ModelComparison } from '../core/index';
import { oneClusterDesign } from '../core/ipam/test-design';
import { windowsPool } from '../core/test-elements';
import { MODEL_ROWS, refusal } from './models-rows';

const col = (c: ModelComparison | null, m: ModelChoice) => c!.columns.find((x) => x.model === m)!;
const cell = (c: ModelComparison | null, m: ModelChoice, row: string) =>
  MODEL_ROWS.find((r) => r.id === row)!.cell(col(c, m));

describe('models table', () => {
  // One pool of 3 nodes + 1 surge on 10.240.0.0/22, Azure CNI node subnet, load balancer outbound.
  const c = compareNetworkModels(oneClusterDesign({}), 'aks');

  it('writes the subnet, routes and pod CIDR cells with the numbers', () => {
    // 4 × (1 + 30) = 124 addresses: > 123 usable in a /25, so a /24 (251).
    expect(cell(c, 'azure-cni-node-subnet', 'node-subnet')).toBe(
      'snet-nodes 10.240.0.0/22: 124 of 1,019 at peak; needs /24',
    );
    // kubenet: one route per node at peak, no route table of the design's.
    expect(cell(c, 'kubenet', 'routes')).toBe('route table needed: 4 pod routes + 0 = 4 of 400');
    expect(cell(c, 'azure-cni-overlay', 'pod-cidr')).toBe('10.244.0.0/16: 4 of 256 node /24s');
    // The design's own pod subnet 10.240.64.0/18: (3 + 1) × 112 = 448 of 16,379.
    expect(cell(c, 'azure-cni-pod-subnet-dynamic', 'pod-subnet')).toBe(
      'snet-pods 10.240.64.0/18: 448 of 16,379 at peak; needs /23',
    );
  });

  it('refuses a switch that raises a new error, saying which', () => {
    const d = oneClusterDesign({});
    d.clusters[0]!.nodePools.push(windowsPool(1));
    const w = compareNetworkModels(d, 'aks');
    expect(refusal(col(w, 'kubenet'))).toMatch(/^Cannot switch to kubenet: .*Windows/);
    expect(refusal(col(w, 'azure-cni-overlay'))).toBeNull();
    expect(refusal(col(w, 'azure-cni-node-subnet'))).toBeNull();
  });
});
