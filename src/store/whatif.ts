/**
 * What-if preview: the design scaled as the view slice asks, with its plan, derived on demand and never written
 * into the document until `applyWhatIf` does so in one edit (one undo step).
 */
import {
  applyPoolScales,
  computePlan,
  scaleDesign,
  subnetOverflows,
  type Design,
  type Plan,
  type ScaleResult,
  type SubnetOverflow,
} from '../core/index';
import { useDesignStore } from './design-store';
import type { WhatIf } from './view-slice';

export interface Preview {
  result: ScaleResult;
  plan: Plan;
  overflows: SubnetOverflow[];
}

let last: { design: Design; whatif: WhatIf; preview: Preview } | null = null;

/** The preview of a what-if on a design: memoised on both, so a redraw with the same inputs computes nothing. */
export function previewOf(design: Design, whatif: WhatIf | null): Preview | null {
  if (!whatif) return null;
  if (last?.design === design && last.whatif === whatif) return last.preview;
  const result = scaleDesign(design, whatif.scope, whatif.amount);
  const plan = computePlan(result.design);
  const preview = { result, plan, overflows: subnetOverflows(plan) };
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
