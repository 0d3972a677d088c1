/**
 * The one store, in two slices (zustand's slices pattern): the document (design + layout + meta, `doc-slice.ts`),
 * the single source of truth, and the view (selection, path highlight, banner, lines, `view-slice.ts`). Undo/redo
 * (zundo) tracks the document only.
 */
import { create } from 'zustand';
import { temporal } from 'zundo';
import { createDocSlice, type DocSlice } from './doc-slice';
import { createViewSlice, type ViewSlice } from './view-slice';

export type { Highlight, Banner, BannerAction, LineMode, WhatIf } from './view-slice';

export type DesignState = DocSlice & ViewSlice;

export const useDesignStore = create<DesignState>()(
  temporal(
    (...a) => ({
      ...createDocSlice(...a),
      ...createViewSlice(...a),
    }),
    {
      // Only the document is history; selection and view state are not undone.
      partialize: (s) => ({ doc: s.doc }),
      equality: (a, b) => a.doc === b.doc,
      limit: 200,
    },
  ),
);

export function undo(): void {
  useDesignStore.temporal.getState().undo();
}

export function redo(): void {
  useDesignStore.temporal.getState().redo();
}
