/**
 * The document slice: design, layout and meta, the single source of truth and the only state undo/redo tracks.
 * Every change goes through `write`, an immer `produce` on the document: the elements a change does not touch
 * keep their identity, so undo steps share them and the canvas re-derives only what changed.
 */
import { freeze, produce } from 'immer';
import type { StateCreator } from 'zustand';
import type { Design, Id } from '../core/index';
import { newDocument, type DesignDocument, type LayoutNode } from '../io';
import { addElement, type AddKind } from './add';
import { minSizes } from '../export';
import { contained, movedBoxes } from './contain';
import type { DesignState } from './design-store';
import type { AddResult, DropTarget } from './factory-resources';
import { idSource, type NewId } from './ids';
import type { ViewSlice } from './view-slice';

/** A change to a draft of the document; `newId` gives fresh ids for what it adds. */
export type DocRecipe<R> = (draft: DesignDocument, newId: NewId) => R;

export interface DocSlice {
  doc: DesignDocument;
  /** How many documents were put in place (new, open, template, share link, restore): the canvas fits each. */
  loads: number;
  replaceDoc: (doc: DesignDocument) => void;
  /** Applies a change to a draft of the design: one undo step. */
  updateDesign: (recipe: (draft: Design) => void) => void;
  /**
   * Applies a change to a draft of the document: one undo step, unless the result carries an `error` (then the
   * document stays as it was). `view` sets view state (the selection of what was added) from the result.
   */
  edit: <R>(recipe: DocRecipe<R>, view?: (result: R) => Partial<ViewSlice>) => R;
  setPosition: (id: Id, x: number, y: number) => void;
  /** Several layout changes (a drag of many nodes) as one step. */
  setLayout: (changes: Record<Id, { x: number; y: number; w?: number; h?: number }>) => void;
  renameDesign: (name: string) => void;
  /**
   * Adds an element of a palette kind at a canvas position; selects it, or says what it needs first. `view`: the
   * part of the canvas on screen (flow coordinates), where a free spot is sought first.
   */
  add: (kind: AddKind, x: number, y: number, target: DropTarget, view?: ViewRect) => AddResult;
}

/** A rectangle of the canvas in flow coordinates. */
export type ViewRect = { x: number; y: number; w: number; h: number };

/**
 * Boxes a change put somewhere: `placed` ones (a drop, a drag) go to the nearest free spot, in `view` first;
 * `resized` ones stay where they are and what holds them grows.
 */
interface Placement {
  placed: string[];
  resized?: string[];
  view?: ViewRect;
}

const failed = (r: unknown) => typeof r === 'object' && r !== null && 'error' in r;

export const createDocSlice: StateCreator<DesignState, [['temporal', unknown]], [], DocSlice> = (set, get) => {
  /** `place`: what the change put somewhere (a drop, a drag, a resize), see Placement. */
  const edit = <R>(
    recipe: DocRecipe<R>,
    view?: (result: R) => Partial<ViewSlice>,
    place?: (result: R) => Placement,
  ): R => {
    const base = get().doc;
    const ids = idSource(base.design, base.layout.nodes);
    let result!: R;
    const changed = produce(base, (draft) => {
      result = recipe(draft, ids);
    });
    if (failed(result)) return result;
    // A box moved to another subnet (or new in one) is placed inside it, and what holds it grows.
    const p = place?.(result);
    const moved = [...movedBoxes(base.design, changed.design), ...(p?.placed ?? [])];
    const doc = contained(changed, moved, p);
    const viewChange = view?.(result) ?? {};
    if (doc !== base) set({ doc, ...viewChange });
    else if (Object.keys(viewChange).length) set(viewChange);
    return result;
  };
  const round = (n: number) => Math.round(n);
  return {
    doc: freeze(newDocument('Untitled design'), true),
    // Frozen like every document the store holds: a change outside `edit` fails loudly instead of corrupting undo.
    loads: 0,
    replaceDoc: (doc) =>
      set((s) => ({
        doc: freeze(contained(doc), true),
        selection: [],
        highlight: null,
        whatif: null,
        loads: s.loads + 1,
      })),
    updateDesign: (recipe) => edit((draft) => void recipe(draft.design)),
    edit: (recipe, view) => edit(recipe, view),
    setPosition: (id, x, y) =>
      edit((draft) => {
        const prev: LayoutNode | undefined = draft.layout.nodes[id];
        draft.layout.nodes[id] = { ...prev, x: round(x), y: round(y) };
      }),
    setLayout: (changes) => {
      const resized: Id[] = [];
      edit(
        (draft) => {
          const base = get().doc.layout.nodes;
          const next = { ...base };
          for (const [id, c] of Object.entries(changes)) {
            const was = base[id];
            next[id] = { ...was, ...c, x: round(c.x), y: round(c.y) };
            if ((c.w !== undefined && c.w !== was?.w) || (c.h !== undefined && c.h !== was?.h)) resized.push(id);
          }
          // A box resized smaller than what it holds keeps its children inside.
          const min = minSizes(get().doc.design, next, resized);
          for (const id of Object.keys(changes)) {
            const l = next[id]!;
            const m = min.get(id);
            draft.layout.nodes[id] = m ? { ...l, w: Math.max(l.w ?? 0, m.w), h: Math.max(l.h ?? 0, m.h) } : l;
          }
        },
        undefined,
        () => ({ placed: Object.keys(changes).filter((id) => !resized.includes(id)), resized }),
      );
    },
    renameDesign: (name) => edit((draft) => void (draft.meta.name = name)),
    add: (kind, x, y, target, view) =>
      edit(
        (draft, newId) => addElement(draft, kind, x, y, target, get().selection, newId),
        (r) => ('id' in r ? { selection: [r.id], banner: null } : {}),
        (r) => ({ placed: 'id' in r ? [r.id] : [], ...(view ? { view } : {}) }),
      ),
  };
};
