/**
 * The packet walk on screen: which flow, which step. View state only (never undone, never saved); the walk itself
 * is derived from the design, so an edit shows at once on the step in view.
 */
import { useMemo } from 'react';
import { create } from 'zustand';
import { walkFlow, type FlowRef, type Walk } from '../core/index';
import { useDesignStore } from './design-store';
import { usePlan } from './plan';

export interface WalkView {
  flow: FlowRef | null;
  /** The step shown, from 0. */
  index: number;
  playing: boolean;
  setFlow: (flow: FlowRef | null) => void;
  setIndex: (index: number) => void;
  setPlaying: (playing: boolean) => void;
}

export const useWalkStore = create<WalkView>((set) => ({
  flow: null,
  index: 0,
  playing: false,
  setFlow: (flow) => set({ flow, index: 0, playing: false }),
  setIndex: (index) => set({ index }),
  setPlaying: (playing) => set({ playing }),
}));

/** The walk of the flow on screen, derived from the current design and plan; null when none is picked. */
export function useCurrentWalk(): Walk | null {
  const flow = useWalkStore((s) => s.flow);
  const design = useDesignStore((s) => s.doc.design);
  const plan = usePlan();
  return useMemo(() => (flow ? walkFlow(design, plan, flow) : null), [flow, design, plan]);
}
