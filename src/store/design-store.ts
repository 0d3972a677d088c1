/**
 * The one store: the design document (design + layout + meta) is the single source of truth; selection, path
 * highlight and the banner are view state. Undo/redo (zundo) tracks the document only.
 */
import { create } from 'zustand';
import { temporal } from 'zundo';
import { produce } from 'immer';
import type { Design, Id } from '../core/index';
import { newDocument, type DesignDocument } from '../io';

export interface Highlight {
  nodeIds: string[];
  edgeIds: string[];
}

export interface Banner {
  kind: 'error' | 'info';
  text: string;
}

/**
 * Which association lines (subnet to NSG, route table, NAT gateway; resource to its subnet) the canvas draws:
 * all, only those touching the selection, or `auto` (all unless the design has so many that they hide it).
 */
export type LineMode = 'auto' | 'all' | 'selection';

export interface DesignState {
  doc: DesignDocument;
  selection: Id[];
  highlight: Highlight | null;
  banner: Banner | null;
  lines: LineMode;
  replaceDoc: (doc: DesignDocument) => void;
  /**
   * Applies a change to a draft of the design: one undo step. Unchanged elements keep their identity (immer),
   * so undo steps share every object an edit did not touch.
   */
  updateDesign: (recipe: (draft: Design) => void) => void;
  setPosition: (id: Id, x: number, y: number) => void;
  /** Several layout changes (a drag of many nodes) as one step. */
  setLayout: (changes: Record<Id, { x: number; y: number; w?: number; h?: number }>) => void;
  renameDesign: (name: string) => void;
  select: (ids: Id[]) => void;
  setHighlight: (h: Highlight | null) => void;
  setBanner: (b: Banner | null) => void;
  setLines: (mode: LineMode) => void;
}

export const useDesignStore = create<DesignState>()(
  temporal(
    (set) => ({
      doc: newDocument('Untitled design'),
      selection: [],
      highlight: null,
      banner: null,
      lines: 'auto',
      replaceDoc: (doc) => set({ doc, selection: [], highlight: null }),
      updateDesign: (recipe) =>
        set((s) => {
          const design = produce(s.doc.design, (draft) => {
            recipe(draft);
          });
          return design === s.doc.design ? {} : { doc: { ...s.doc, design } };
        }),
      setPosition: (id, x, y) =>
        set((s) => {
          const prev = s.doc.layout.nodes[id];
          return {
            doc: {
              ...s.doc,
              layout: { nodes: { ...s.doc.layout.nodes, [id]: { ...prev, x: Math.round(x), y: Math.round(y) } } },
            },
          };
        }),
      setLayout: (changes) =>
        set((s) => {
          const nodes = { ...s.doc.layout.nodes };
          for (const [id, c] of Object.entries(changes))
            nodes[id] = { ...nodes[id], ...c, x: Math.round(c.x), y: Math.round(c.y) };
          return { doc: { ...s.doc, layout: { nodes } } };
        }),
      renameDesign: (name) => set((s) => ({ doc: { ...s.doc, meta: { ...s.doc.meta, name } } })),
      select: (ids) => set({ selection: ids }),
      setHighlight: (highlight) => set({ highlight }),
      setBanner: (banner) => set({ banner }),
      setLines: (lines) => set({ lines }),
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
