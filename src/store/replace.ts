/**
 * Replacing the whole design (New, Open, a template, a share link): one undo step, said in a banner that offers
 * Undo; the canvas fits the design brought back by that Undo.
 */
import type { DesignDocument } from '../io';
import { undo, useDesignStore, type BannerAction } from './design-store';

const fitListeners = new Set<() => void>();

/** The canvas listens: the view should fit the whole design (after a replacement or its undo). */
export function onFitRequest(listener: () => void): () => void {
  fitListeners.add(listener);
  return () => void fitListeners.delete(listener);
}

export function requestFit(): void {
  fitListeners.forEach((f) => f());
}

/**
 * A banner whose Undo button takes back the change that produced `after`; once the design has changed again the
 * button is gone (the banner component hides it), so it never undoes something else.
 */
export function undoBanner(text: string, after: DesignDocument, onUndo: () => void = () => {}): void {
  const action: BannerAction = {
    label: 'Undo',
    testId: 'banner-undo',
    run: () => {
      const s = useDesignStore.getState();
      if (s.doc !== after) return;
      undo();
      s.setBanner(null);
      onUndo();
    },
  };
  useDesignStore.getState().setBanner({ kind: 'info', text, actions: [action], undoOf: after });
}

/** Puts a whole document in place of the current one. */
export function replaceDesign(doc: DesignDocument, text: string): void {
  const s = useDesignStore.getState();
  const before = s.doc.meta.name;
  s.replaceDoc(doc);
  // The canvas fits a loaded document itself (the store counts loads); the undo of one is fitted on request.
  undoBanner(`${text} Undo brings back "${before}".`, useDesignStore.getState().doc, requestFit);
}
