import { describe, expect, it } from 'vitest';
import type { Walk, WalkStep } from '../core/index';
import { OUTSIDE_OFFSET, parseBoxes, walkLegs, walkPoints } from './walk-geometry';

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

describe('walk legs', () => {
  it('numbers a leg by the step it reaches and skips a step on the same box', () => {
    const s = (resourceId: string | undefined, src: string): WalkStep => ({ ...step(resourceId), src, dst: 'd' });
    // Steps a, b, b, (Internet): legs a → b (reaching step 2), b → Internet (step 4); b → b is no leg.
    const legs = walkLegs(walk([s('a', '1'), s('b', '2'), s('b', '3'), s(undefined, '4')]));
    expect(legs.stops).toEqual([
      { resourceId: 'a' },
      { resourceId: 'b' },
      { resourceId: 'b' },
      { outside: 'Internet' },
    ]);
    expect(legs.legs).toEqual([
      { n: 2, from: 0, to: 1, label: '2 → d' },
      { n: 4, from: 2, to: 3, label: '4 → d' },
    ]);
  });
});
