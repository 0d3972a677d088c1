import { describe, expect, it } from 'vitest';
import type { Walk, WalkStep } from '../core/index';
import { OUTSIDE_OFFSET, parseBoxes, walkPoints } from './walk-geometry';

const step = (resourceId?: string): WalkStep => ({
  kind: resourceId ? 'pod' : 'destination',
  ...(resourceId ? { resourceId } : {}),
  at: '',
  src: '',
  dst: '',
  nat: [],
  verdict: 'forward',
  rule: '',
  why: [],
});
const walk = (steps: WalkStep[]): Walk => ({
  flow: { kind: 'egress', fromPoolId: 'p', to: 'internet' },
  title: '',
  steps,
  outcome: 'delivered',
  reason: null,
});

describe('walk points', () => {
  it('reads the boxes the overlay selects, skipping elements not drawn', () => {
    expect([...parseBoxes('a 0 0 100 50\n\nb 10 20 30 40').keys()]).toEqual(['a', 'b']);
  });

  it('puts each step at its box centre, and a step outside the design above the previous point', () => {
    // a: 0..100 × 0..50, centre (50, 25); b: 200..300 × 100..140, centre (250, 120).
    const pts = walkPoints(walk([step('a'), step('b'), step('b'), step()]), 'a 0 0 100 50\nb 200 100 100 40');
    expect(pts).toEqual([
      { x: 50, y: 25 },
      { x: 250, y: 120 },
      { x: 250, y: 120 },
      { x: 250, y: 120 - OUTSIDE_OFFSET },
    ]);
  });

  it('starts outside the design above the first drawn box', () => {
    const pts = walkPoints(walk([step(), step('a')]), 'a 0 0 100 50');
    expect(pts[0]).toEqual({ x: 50, y: -OUTSIDE_OFFSET });
  });
});
