/** The view slice: what the user looks at, not what they design. Never part of undo or the saved file. */
import type { StateCreator } from 'zustand';
import type { Id, PathLegs, ScaleAmount, ScaleScope } from '../core/index';
import type { DesignDocument } from '../io';
import type { DesignState } from './design-store';

/** Nodes drawn highlighted (a traced path); a line is highlighted when both its ends are. */
export interface Highlight {
  nodeIds: string[];
  /** The traced path drawn over the boxes as numbered arrows. */
  legs?: PathLegs;
}

export interface BannerAction {
  label: string;
  testId: string;
  run: () => void;
}

export interface Banner {
  kind: 'error' | 'info';
  text: string;
  /** Buttons next to the text (Undo, Reload, ...). */
  actions?: BannerAction[];
  /** The document the banner's Undo returns from: the button shows only while it is still the current one. */
  undoOf?: DesignDocument;
}

/**
 * Which association lines (subnet to NSG, route table, NAT gateway; resource to its subnet) the canvas draws:
 * all, only those touching the selection, or `auto` (all unless the design has so many that they hide it).
 */
export type LineMode = 'auto' | 'all' | 'selection';

/** A what-if scale previewed on the canvas and in the plan, never in the document until applied. */
export interface WhatIf {
  scope: ScaleScope;
  amount: ScaleAmount;
}

export interface ViewSlice {
  selection: Id[];
  highlight: Highlight | null;
  banner: Banner | null;
  lines: LineMode;
  whatif: WhatIf | null;
  select: (ids: Id[]) => void;
  setHighlight: (h: Highlight | null) => void;
  setBanner: (b: Banner | null) => void;
  setLines: (mode: LineMode) => void;
  setWhatIf: (w: WhatIf | null) => void;
}

export const createViewSlice: StateCreator<DesignState, [['temporal', unknown]], [], ViewSlice> = (set) => ({
  selection: [],
  highlight: null,
  banner: null,
  lines: 'auto',
  whatif: null,
  select: (selection) => set({ selection }),
  setHighlight: (highlight) => set({ highlight }),
  setBanner: (banner) => set({ banner }),
  setLines: (lines) => set({ lines }),
  setWhatIf: (whatif) => set({ whatif }),
});
