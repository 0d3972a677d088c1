/**
 * What-if preview: the design scaled as the view slice asks, with its plan, derived on demand and never written
 * into the document until `applyWhatIf` does so in one edit (one undo step).
 */
import {
  applyFixes,
  applyPoolScales,
  computeCapacity,
  computePlan,
  limitOverflows,
  scaleDesign,
  subnetOverflows,
  type Capacity,
  type Design,
  type Fix,
  type LimitOverflow,
  type Plan,
  type ScaleResult,
  type SubnetOverflow,
} from '../core/index';
import { useDesignStore } from './design-store';
import { capacityOf, planOf } from './plan';
import type { WhatIf } from './view-slice';

export interface Preview {
  result: ScaleResult;
  plan: Plan;
  /** Headroom and preflight of the scaled design: what the panels show while previewing. */
  capacity: Capacity;
  overflows: SubnetOverflow[];
  /** Pod CIDR, route, node and SNAT limits the scaled design passes. */
  limits: LimitOverflow[];
}

let last: { design: Design; whatif: WhatIf; preview: Preview } | null = null;

/** The preview of a what-if on a design: memoised on both, so a redraw with the same inputs computes nothing. */
export function previewOf(design: Design, whatif: WhatIf | null): Preview | null {
  if (!whatif) return null;
  if (last?.design === design && last.whatif === whatif) return last.preview;
  const result = scaleDesign(design, whatif.scope, whatif.amount);
  const plan = computePlan(result.design);
  const preview = {
    result,
    plan,
    capacity: computeCapacity(result.design, plan),
    overflows: subnetOverflows(plan),
    limits: limitOverflows(result.design, plan),
  };
  last = { design, whatif, preview };
  return preview;
}

export function usePreview(): Preview | null {
  const design = useDesignStore((s) => s.doc.design);
  const whatif = useDesignStore((s) => s.whatif);
  return previewOf(design, whatif);
}

/** Writes the previewed maxima into the design as one undo step and ends the preview. */
export function applyWhatIf(): void {
  const s = useDesignStore.getState();
  const preview = previewOf(s.doc.design, s.whatif);
  if (!preview) return;
  s.edit(
    (draft) => applyPoolScales(draft.design, preview.result.pools),
    () => ({ whatif: null }),
  );
}

/** The plan on show: the preview's while a what-if is previewed, else the design's. */
export function useShownPlan(): Plan {
  const design = useDesignStore((s) => s.doc.design);
  return usePreview()?.plan ?? planOf(design);
}

/** Headroom and preflight on show: the preview's while a what-if is previewed, else the design's. */
export function useShownCapacity(): Capacity {
  const design = useDesignStore((s) => s.doc.design);
  return usePreview()?.capacity ?? capacityOf(design);
}

/**
 * Applies a preflight fix's changes as one undo step. While a what-if is previewed the fix was computed for the
 * previewed scale, so the scale is written with it, in the same step. False when a subject is gone (nothing changes).
 */
export function applyPreflightFix(ops: readonly Fix[]): boolean {
  const s = useDesignStore.getState();
  const preview = previewOf(s.doc.design, s.whatif);
  return s.edit(
    (draft) => {
      // Checked on a copy first, so a fix whose subject is gone writes neither the scale nor part of the fix.
      const probe = structuredClone(s.doc.design);
      if (preview) applyPoolScales(probe, preview.result.pools);
      if (!applyFixes(probe, ops)) return false;
      if (preview) applyPoolScales(draft.design, preview.result.pools);
      return applyFixes(draft.design, ops);
    },
    (applied) => (applied && preview ? { whatif: null } : {}),
  );
}
